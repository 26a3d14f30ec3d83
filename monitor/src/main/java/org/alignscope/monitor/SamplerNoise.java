package org.alignscope.monitor;

/**
 * The {@link BatchNoise} of a reference set under the training sampler's law ({@link SamplerDraws}): under an epoch
 * sampler mid-epoch the mean offset m = g<sub>P</sub> − g is computed exactly from the pool's mean gradient
 * g<sub>P</sub> (in chunks of {@link #POOL_CHUNK} rows), and the draws are centred on g<sub>P</sub>; otherwise m = 0
 * and the draws are centred on g.
 */
public final class SamplerNoise implements BatchNoise {
    /** Rows per gradient call when the pool's mean gradient is computed. */
    static final int POOL_CHUNK = 1000;

    /** The mean loss gradient over reference rows (a row may repeat). */
    @FunctionalInterface
    public interface RowGradient {
        void meanGradient(int[] rows, double[] out);
    }

    private final SamplerDraws draws;
    private final RowGradient gradient;
    private final double[] centre;
    private final double[] offset;

    private SamplerNoise(SamplerDraws draws, RowGradient gradient, double[] centre, double[] offset) {
        this.draws = draws;
        this.gradient = gradient;
        this.centre = centre;
        this.offset = offset;
    }

    /** The noise of {@code draws} around the reference gradient g. */
    public static SamplerNoise of(SamplerDraws draws, RowGradient gradient, double[] g) {
        if (!draws.fromPool()) {
            return new SamplerNoise(draws, gradient, g, null);
        }
        double[] poolMean = poolMean(draws.pool(), gradient, g.length);
        double[] m = new double[g.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = poolMean[i] - g[i];
        }
        return new SamplerNoise(draws, gradient, poolMean, m);
    }

    /** The mean gradient over the pool's rows in ascending order, chunk by chunk, weighted by chunk size. */
    private static double[] poolMean(int[] pool, RowGradient gradient, int n) {
        int[] rows = pool.clone();
        java.util.Arrays.sort(rows);
        double[] mean = new double[n];
        double[] chunk = new double[n];
        for (int from = 0; from < rows.length; from += POOL_CHUNK) {
            int to = Math.min(rows.length, from + POOL_CHUNK);
            gradient.meanGradient(java.util.Arrays.copyOfRange(rows, from, to), chunk);
            double w = (double) (to - from) / rows.length;
            for (int i = 0; i < n; i++) {
                mean[i] += w * chunk[i];
            }
        }
        return mean;
    }

    @Override
    public double[] meanOffset() {
        return offset == null ? null : offset.clone();
    }

    @Override
    public double covarianceScale() {
        return draws.covarianceScale();
    }

    @Override
    public void sample(double[] out) {
        gradient.meanGradient(draws.nextRows(), out);
        for (int i = 0; i < out.length; i++) {
            out[i] -= centre[i];
        }
    }

    @Override
    public String describe() {
        return draws.describe();
    }
}
