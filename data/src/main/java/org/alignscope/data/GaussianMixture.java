package org.alignscope.data;

import org.alignscope.linalg.random.RandomStream;

/**
 * A seeded synthetic classification set: C Gaussian clusters in R^p. Class means are μ_c = separation · g_c / √p
 * with g_c standard normal (so ‖μ_c‖ ≈ separation); sample i has label i mod C (balanced, interleaved) and
 * features μ_label + N(0, noise² I). Means come from {@code RandomStream.of(seed, STREAM, 0)}, samples from
 * {@code RandomStream.of(seed, STREAM, 1)}: the same arguments give the same data bit for bit.
 */
public final class GaussianMixture {

    /** The random-stream path element ("GMIX"). */
    public static final long STREAM = 0x474D4958L;

    private GaussianMixture() {
    }

    public static Dataset generate(int n, int dimension, int classes, double separation, double noise, long seed) {
        if (n < 1 || dimension < 1 || classes < 1) {
            throw new IllegalArgumentException("need n, dimension, classes ≥ 1; got " + n + ", " + dimension + ", "
                    + classes);
        }
        if (!(noise >= 0) || !(separation >= 0)) {
            throw new IllegalArgumentException("separation and noise must be non-negative");
        }
        RandomStream meanStream = RandomStream.of(seed, STREAM, 0);
        double[][] means = new double[classes][dimension];
        double s = separation / Math.sqrt(dimension);
        for (double[] m : means) {
            for (int j = 0; j < dimension; j++) {
                m[j] = s * meanStream.nextGaussian();
            }
        }
        RandomStream sampleStream = RandomStream.of(seed, STREAM, 1);
        double[] f = new double[n * dimension];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % classes;
            labels[i] = c;
            for (int j = 0; j < dimension; j++) {
                f[i * dimension + j] = means[c][j] + noise * sampleStream.nextGaussian();
            }
        }
        String name = String.format("gaussian-mixture(n=%d,p=%d,C=%d,sep=%s,noise=%s,seed=%d)", n, dimension, classes,
                separation, noise, seed);
        return new Dataset(name, f, labels, new int[] {dimension}, classes);
    }
}
