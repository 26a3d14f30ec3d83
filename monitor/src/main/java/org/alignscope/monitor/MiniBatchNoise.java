package org.alignscope.monitor;

import org.alignscope.linalg.random.RandomStream;
import org.alignscope.nn.Batch;
import org.alignscope.nn.Model;

/**
 * Gradient-noise samples ξ = ĝ − g of a model, with ĝ the gradient on a mini-batch of {@code batchSize} distinct
 * samples drawn uniformly without replacement from the first {@code n} rows of a reference set (a partial
 * Fisher–Yates shuffle on a persistent permutation), so that E ξ = 0 when g is that set's mean-loss gradient.
 */
public final class MiniBatchNoise {
    private final Model model;
    private final double[] x;
    private final int[] labels;
    private final int features;
    private final int batchSize;
    private final RandomStream rng;
    private final int[] perm;
    private final double[] gradBuffer;

    /**
     * @param model     the model whose live parameters are the point
     * @param x         reference inputs, row-major with {@code features} values per sample
     * @param labels    reference labels
     * @param n         the reference set is rows [0, n)
     * @param batchSize the training batch size, 1 ≤ batchSize ≤ n
     * @param rng       the stream of the draws
     */
    public MiniBatchNoise(Model model, double[] x, int[] labels, int n, int features, int batchSize, RandomStream rng) {
        if (batchSize < 1 || batchSize > n) {
            throw new IllegalArgumentException("batch size must lie in [1, " + n + "] (the reference set), got "
                    + batchSize);
        }
        this.model = model;
        this.x = x;
        this.labels = labels;
        this.features = features;
        this.batchSize = batchSize;
        this.rng = rng;
        this.perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        this.gradBuffer = new double[model.parameterCount()];
    }

    /** A mini-batch of {@code batchSize} distinct reference samples. */
    public Batch nextBatch() {
        int n = perm.length;
        int f = features;
        double[] bx = new double[batchSize * f];
        int[] by = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            int j = i + rng.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
            int s = perm[i];
            System.arraycopy(x, s * f, bx, i * f, f);
            by[i] = labels[s];
        }
        return new Batch(bx, by, batchSize);
    }

    /** Writes ξ = ∇L(next mini-batch) − g into {@code out}. */
    public void sample(double[] g, double[] out) {
        model.gradient(nextBatch(), gradBuffer);
        for (int i = 0; i < out.length; i++) {
            out[i] = gradBuffer[i] - g[i];
        }
    }
}
