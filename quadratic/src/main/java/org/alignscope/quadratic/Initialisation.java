package org.alignscope.quadratic;

import org.alignscope.linalg.random.RandomStream;

/**
 * The starting point in eigen-coordinates c_{i,0} = ⟨x_0, u_i⟩: either Gaussian, c_{i,0} ~ N(0, scale²) (the
 * authors' code draws x_0 = randn(d), i.e. scale 1; an isotropic Gaussian is rotation invariant, so this is
 * exact in eigen-coordinates), or given.
 */
public record Initialisation(double scale, double[] given) {
    /** Stream path component of the initialisation draws. */
    static final long STREAM = 1;

    public Initialisation {
        if (given == null && (!(scale >= 0) || !Double.isFinite(scale))) {
            throw new IllegalArgumentException("initialisation scale: must be finite and >= 0 (got " + scale + ")");
        }
        given = given == null ? null : given.clone();
    }

    public static Initialisation gaussian(double scale) {
        return new Initialisation(scale, null);
    }

    public static Initialisation given(double[] c0) {
        return new Initialisation(Double.NaN, c0);
    }

    /** c_0 for dimension d and a seed; the Gaussian draws come from stream (seed, STREAM) in index order. */
    public double[] coordinates(int d, long seed) {
        if (given != null) {
            if (given.length != d) {
                throw new IllegalArgumentException("needs d = " + d + " coordinates (got " + given.length + ")");
            }
            return given.clone();
        }
        double[] c = new double[d];
        RandomStream rng = RandomStream.of(seed, STREAM);
        for (int i = 0; i < d; i++) {
            c[i] = scale * rng.nextGaussian();
        }
        return c;
    }

    public String describe() {
        return given != null ? "given" : "gaussian scale=" + scale;
    }
}
