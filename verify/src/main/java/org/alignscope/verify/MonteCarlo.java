package org.alignscope.verify;

import org.alignscope.linalg.random.RandomStream;

/** Monte Carlo helpers: noise draws in eigen-coordinates and running means with standard errors. */
public final class MonteCarlo {
    /** Confidence multiplier: a Monte Carlo verdict needs the estimate 5 standard errors from the claim. */
    public static final double Z = 5;

    private MonteCarlo() {
    }

    /**
     * One draw ζ = ⟨ξ, u<sub>i</sub>⟩ of the instance's noise into {@code zeta}: √κ<sub>i</sub>² z<sub>i</sub> for
     * diagonal Σ, L z for a full one; {@code z} is scratch of length d.
     */
    public static void noise(Instance inst, RandomStream r, double[] z, double[] zeta) {
        int d = inst.d();
        double[] ks = inst.kappaSq();
        double[] f = inst.noiseFactor();
        r.fillGaussian(z, 0, d);
        if (f == null) {
            for (int i = 0; i < d; i++) {
                zeta[i] = Math.sqrt(ks[i]) * z[i];
            }
        } else {
            for (int i = 0; i < d; i++) {
                double v = 0;
                for (int j = 0; j < d; j++) {
                    v += f[i * d + j] * z[j];
                }
                zeta[i] = v;
            }
        }
    }

    /** A running mean and variance (Welford). */
    public static final class Mean {
        private long n;
        private double mean;
        private double m2;

        public void add(double x) {
            n++;
            double delta = x - mean;
            mean += delta / n;
            m2 += delta * (x - mean);
        }

        public double mean() {
            return mean;
        }

        /** The standard error of the mean, sd/√n with the sample sd (ddof 1). */
        public double se() {
            return n < 2 ? Double.POSITIVE_INFINITY : Math.sqrt(m2 / (n - 1) / n);
        }
    }

    /**
     * The verdict of an identity "estimate = formula" checked by Monte Carlo: left = |estimate − formula|, right =
     * Z·SE + 1e-12·|formula| (the sampling allowance plus a rounding floor). The margin is negative iff the
     * difference exceeds five standard errors.
     */
    public static Evaluation identity(double estimate, double se, double formula, java.util.Map<String, Object> q) {
        double left = Math.abs(estimate - formula);
        double right = Z * se + 1e-12 * Math.abs(formula);
        q.put("estimate", estimate);
        q.put("standard_error", se);
        q.put("formula", formula);
        double m = Evaluation.margin(left, right);
        return new Evaluation(left, right, m, m < 0 ? Status.VIOLATED : Status.HOLDS, q);
    }
}
