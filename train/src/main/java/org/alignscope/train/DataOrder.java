package org.alignscope.train;

import java.util.Arrays;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.monitor.SamplerState;

/**
 * The mini-batch of every step, a pure function of (seed, step): epoch e is a Fisher–Yates permutation of
 * 0..n−1 drawn from {@code RandomStream.of(seed, STREAM, e)}; it yields ⌊n / B⌋ batches of B consecutive
 * permuted indices (the last n mod B samples of each permutation are dropped, as PyTorch's
 * {@code drop_last=True}). Step t uses batch t mod ⌊n/B⌋ of epoch ⌊t / ⌊n/B⌋⌋. Because nothing is carried
 * between steps, paired arms and a resumed run see the same batches without saving any stream state.
 */
public final class DataOrder implements BatchOrder {
    /** The random-stream path element ("DORD"). */
    public static final long STREAM = 0x444F5244L;

    private final long seed;
    private final int n;
    private final int batch;
    private final int perEpoch;
    private long cachedEpoch = -1;
    private int[] perm;

    public DataOrder(long seed, int n, int batch) {
        if (batch < 1 || batch > n) {
            throw new IllegalArgumentException("batch size must be in [1, " + n + "], got " + batch);
        }
        this.seed = seed;
        this.n = n;
        this.batch = batch;
        this.perEpoch = n / batch;
    }

    /** Batches per epoch. */
    public int batchesPerEpoch() {
        return perEpoch;
    }

    @Override
    public int[] batch(long t) {
        int j = (int) (t % perEpoch);
        return Arrays.copyOfRange(epochOf(t), j * batch, (j + 1) * batch);
    }

    /**
     * Before step t: the n − jB samples its epoch has not used yet (j = t mod ⌊n/B⌋, the dropped tail included),
     * of which step t's batch is a uniform B-subset. The permutation is recomputed from its stream, never advanced.
     */
    @Override
    public SamplerState stateAt(long t) {
        int j = (int) (t % perEpoch);
        return SamplerState.epoch(Arrays.copyOfRange(epochOf(t), j * batch, n));
    }

    private int[] epochOf(long t) {
        long e = t / perEpoch;
        if (e != cachedEpoch) {
            perm = permutation(seed, e, n);
            cachedEpoch = e;
        }
        return perm;
    }

    /** The permutation of epoch e. */
    public static int[] permutation(long seed, long epoch, int n) {
        return RandomStream.of(seed, STREAM, epoch).permutation(n);
    }
}
