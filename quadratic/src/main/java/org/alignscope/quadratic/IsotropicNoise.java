package org.alignscope.quadratic;

import org.alignscope.linalg.random.RandomStream;

/** Σ = σ²I, the noise of the paper's experiments (quad_sim.py draws N(0, σ) per coordinate). */
public record IsotropicNoise(double sigma) implements NoiseModel {
    /** Coordinates per random stream for diagonal noise; fixed so that results never depend on the thread count. */
    static final int BLOCK = 4096;

    public IsotropicNoise {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma: must be finite and >= 0 (got " + sigma + ")");
        }
    }

    @Override
    public double[] kappaSq(int d) {
        double[] k = new double[d];
        java.util.Arrays.fill(k, sigma * sigma);
        return k;
    }

    @Override
    public double sMin(int d) {
        return sigma * sigma;
    }

    @Override
    public double sMax(int d) {
        return sigma * sigma;
    }

    @Override
    public int blockSize(int d) {
        return BLOCK;
    }

    @Override
    public void sample(RandomStream rng, int from, int to, double[] out) {
        rng.fillGaussian(out, 0, to - from, sigma);
    }

    @Override
    public String describe() {
        return "isotropic sigma=" + sigma;
    }
}
