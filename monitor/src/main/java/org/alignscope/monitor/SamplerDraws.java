package org.alignscope.monitor;

import org.alignscope.linalg.random.RandomStream;
import org.alignscope.theory.SamplerMoments;

/**
 * Rows of a reference set drawn as the training loop's next mini-batch would be ({@link SamplerState}), for a
 * reference set that is the first n samples of the training set, so that a training index below n is a reference row.
 * <ul>
 *   <li>{@link SamplerState#unknown() unknown}: B distinct rows of the reference set, uniformly (the i.i.d. model);</li>
 *   <li>{@link SamplerState#replacement() replacement}: B rows drawn independently and uniformly with replacement;</li>
 *   <li>{@link SamplerState#epoch epoch}: distinct rows of the pool P, the reference rows the epoch has not used yet.
 *       When the reference set is the training set, P is the epoch's remaining R samples and the draws are B of them:
 *       the training law itself. When it is a part of the training set, P stands in for the remaining samples:
 *       b = min(B, |P| − 1) rows are drawn and the covariance factor c(R, B) of the training batch is restored by
 *       {@link #covarianceScale()} = c(R, B)/c(|P|, b), c = {@link SamplerMoments#withoutReplacement}. With fewer than
 *       two pool rows the whole reference set stands in, drawn as under {@code unknown}, centred on its mean.</li>
 * </ul>
 * Draws without replacement are a partial Fisher–Yates shuffle of a persistent permutation of the pool.
 */
public final class SamplerDraws {
    private final int[] perm;
    private final int size;
    private final boolean replacement;
    private final boolean fromPool;
    private final double scale;
    private final RandomStream rng;
    private final String law;

    private SamplerDraws(int[] pool, int size, boolean replacement, boolean fromPool, double scale, RandomStream rng,
                         String law) {
        this.perm = pool;
        this.size = size;
        this.replacement = replacement;
        this.fromPool = fromPool;
        this.scale = scale;
        this.rng = rng;
        this.law = law;
    }

    /**
     * @param state         the law of the next training batch (indices are training-set indices)
     * @param trainingSize  N, the training set's size
     * @param batchSize     B, the training batch size, 1 ≤ B ≤ reference size
     * @param referenceSize n ≤ N: the reference set is training samples [0, n)
     * @param rng           the stream of the draws
     */
    public static SamplerDraws of(SamplerState state, int trainingSize, int batchSize, int referenceSize,
                                  RandomStream rng) {
        if (referenceSize < 1 || referenceSize > trainingSize) {
            throw new IllegalArgumentException("the reference set must be training samples [0, n) with 1 <= n <= "
                    + trainingSize + ", got n = " + referenceSize);
        }
        if (batchSize < 1 || batchSize > referenceSize) {
            throw new IllegalArgumentException("batch size must lie in [1, " + referenceSize
                    + "] (the reference set), got " + batchSize);
        }
        if (state instanceof SamplerState.Replacement) {
            return new SamplerDraws(firstRows(referenceSize), batchSize, true, false, 1, rng,
                    "replacement: batch " + batchSize + " of " + referenceSize + " reference samples");
        }
        if (state instanceof SamplerState.Epoch epoch) {
            int remaining = epoch.count();
            double factor = SamplerMoments.withoutReplacement(remaining, batchSize);
            int[] pool = referenceRows(epoch.remaining(), referenceSize);
            String left = "epoch: " + remaining + " of " + trainingSize + " samples left, batch " + batchSize;
            if (pool.length >= 2) {
                int b = Math.min(batchSize, pool.length - 1);
                return new SamplerDraws(pool, b, false, true,
                        factor / SamplerMoments.withoutReplacement(pool.length, b), rng,
                        left + (pool.length == remaining ? "" : ", drawn as " + b + " of the " + pool.length
                                + " reference samples left"));
            }
            int b = Math.min(batchSize, referenceSize - 1);
            return new SamplerDraws(firstRows(referenceSize), b, false, false,
                    factor / SamplerMoments.withoutReplacement(referenceSize, b), rng,
                    left + ", drawn as " + b + " of all " + referenceSize + " reference samples");
        }
        return new SamplerDraws(firstRows(referenceSize), batchSize, false, false, 1, rng,
                "unknown sampler: batch " + batchSize + " of " + referenceSize + " reference samples, i.i.d. model");
    }

    private static int[] firstRows(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    /** The remaining training indices that are reference rows (both ascending). */
    private static int[] referenceRows(int[] remaining, int referenceSize) {
        int count = 0;
        while (count < remaining.length && remaining[count] < referenceSize) {
            count++;
        }
        return java.util.Arrays.copyOf(remaining, count);
    }

    /** The reference rows of one draw. */
    public int[] nextRows() {
        int[] rows = new int[size];
        int n = perm.length;
        for (int i = 0; i < size; i++) {
            if (replacement) {
                rows[i] = perm[rng.nextInt(n)];
                continue;
            }
            int j = i + rng.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
            rows[i] = perm[i];
        }
        return rows;
    }

    /**
     * Whether the draws come from the epoch's pool, whose mean gradient g<sub>P</sub> differs from the reference
     * gradient: then the mean offset is m = g<sub>P</sub> − g and the draws are centred on g<sub>P</sub>.
     */
    public boolean fromPool() {
        return fromPool;
    }

    /** The pool's rows, in the current order of the permutation (a copy); the whole reference set unless {@link #fromPool()}. */
    public int[] pool() {
        return perm.clone();
    }

    /** f = Cov ĝ / Cov of one draw's mean: 1 when the draws follow the training law, 0 when the batch is determined. */
    public double covarianceScale() {
        return scale;
    }

    /** How the draws are made. */
    public String describe() {
        return law;
    }
}
