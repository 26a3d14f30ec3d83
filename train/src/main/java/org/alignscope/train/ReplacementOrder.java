package org.alignscope.train;

import org.alignscope.linalg.random.RandomStream;
import org.alignscope.monitor.SamplerState;

/**
 * Batches drawn with replacement: step t's batch is B indices drawn independently and uniformly from 0..n−1 by
 * {@code RandomStream.of(seed, STREAM, t).nextInt(n)}, a pure function of (seed, step).
 */
final class ReplacementOrder implements BatchOrder {
    /** The random-stream path element ("DREP"). */
    static final long STREAM = 0x44524550L;

    private final long seed;
    private final int n;
    private final int batch;

    ReplacementOrder(long seed, int n, int batch) {
        this.seed = seed;
        this.n = n;
        this.batch = batch;
    }

    @Override
    public int[] batch(long t) {
        RandomStream r = RandomStream.of(seed, STREAM, t);
        int[] idx = new int[batch];
        for (int i = 0; i < batch; i++) {
            idx[i] = r.nextInt(n);
        }
        return idx;
    }

    @Override
    public SamplerState stateAt(long t) {
        return SamplerState.replacement();
    }
}
