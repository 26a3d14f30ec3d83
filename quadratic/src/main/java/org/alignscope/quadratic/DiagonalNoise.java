package org.alignscope.quadratic;

import org.alignscope.linalg.random.RandomStream;

/** C = diag(κ_1², …, κ_d²): independent noise per eigen-direction. */
public record DiagonalNoise(double[] variances) implements NoiseModel {

    public DiagonalNoise {
        for (int i = 0; i < variances.length; i++) {
            if (!(variances[i] >= 0) || !Double.isFinite(variances[i])) {
                throw new IllegalArgumentException("noise variance " + (i + 1) + ": must be finite and >= 0 (got "
                        + variances[i] + ")");
            }
        }
        variances = variances.clone();
    }

    @Override
    public void checkDimension(int d) {
        if (variances.length != d) {
            throw new IllegalArgumentException("noise variances: need one per eigen-direction, d = " + d + " (got "
                    + variances.length + ")");
        }
    }

    @Override
    public double[] kappaSq(int d) {
        checkDimension(d);
        return variances.clone();
    }

    @Override
    public double sMin(int d) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : variances) {
            min = Math.min(min, v);
        }
        return min;
    }

    @Override
    public double sMax(int d) {
        double max = 0;
        for (double v : variances) {
            max = Math.max(max, v);
        }
        return max;
    }

    @Override
    public int blockSize(int d) {
        return IsotropicNoise.BLOCK;
    }

    @Override
    public void sample(RandomStream rng, int from, int to, double[] out) {
        for (int i = from; i < to; i++) {
            out[i - from] = Math.sqrt(variances[i]) * rng.nextGaussian();
        }
    }

    @Override
    public String describe() {
        return "diagonal d=" + variances.length;
    }
}
