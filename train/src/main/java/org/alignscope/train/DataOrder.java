package org.alignscope.train;

import org.alignscope.linalg.random.RandomStream;

/**
 * The mini-batch of every step, a pure function of (seed, step): epoch e is a Fisher–Yates permutation of
 * 0..n−1 drawn from {@code RandomStream.of(seed, STREAM, e)}; it yields ⌊n / B⌋ batches of B consecutive
 * permuted indices (the last n mod B samples of each permutation are dropped, as PyTorch's
 * {@code drop_last=True}). Step t uses batch t mod ⌊n/B⌋ of epoch ⌊t / ⌊n/B⌋⌋. Because nothing is carried
 * between steps, paired arms and a resumed run see the same batches without saving any stream state.
 */
public final class DataOrder {
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

    /** The sample indices of step t's mini-batch (a new array). */
    public int[] batch(long t) {
        long e = t / perEpoch;
        int j = (int) (t % perEpoch);
        if (e != cachedEpoch) {
            perm = permutation(seed, e, n);
            cachedEpoch = e;
        }
        int[] idx = new int[batch];
        System.arraycopy(perm, j * batch, idx, 0, batch);
        return idx;
    }

    /** The permutation of epoch e. */
    public static int[] permutation(long seed, long epoch, int n) {
        return RandomStream.of(seed, STREAM, epoch).permutation(n);
    }
}
