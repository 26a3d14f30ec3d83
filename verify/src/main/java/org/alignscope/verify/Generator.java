package org.alignscope.verify;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.alignscope.linalg.random.RandomStream;

/**
 * Random instances that probe the claims: spectra of several shapes, isotropic, diagonal and full-covariance
 * noise, and states from generic to adversarial (mass on a few eigen-directions, alignment swept from 0 to 1
 * and pushed to within 1e-8 of either end).
 */
public final class Generator {
    private Generator() {
    }

    /** Spectrum shapes. */
    public enum Shape {
        /** Two eigenvalues: λ<sub>k</sub> on D, λ<sub>k+1</sub> on B. */
        TWO_LEVEL,
        /** Linearly spaced blocks. */
        LINEAR,
        /** λ<sub>i</sub> ∝ i<sup>−a</sup> within each block. */
        POWER_LAW,
        /** λ<sub>1</sub> ≫ λ<sub>k</sub>: one spike 10 to 10⁴ times above the rest of D. */
        SPIKED,
        /** Each block within a relative spread of 1e-9 (nearly degenerate). */
        NEAR_DEGENERATE;

        public static Shape random(RandomStream r) {
            return values()[r.nextInt(values().length)];
        }
    }

    /** Noise kinds. */
    public enum NoiseKind {
        ISOTROPIC, DIAGONAL, FULL
    }

    /** The noise of an instance: κ², s<sub>min</sub>, s<sub>max</sub> and, for full Σ, a factor L (row-major). */
    public record Noise(double[] kappaSq, double sMin, double sMax, double[] factor) {
    }

    /** A log-uniform number on [lo, hi]. */
    public static double logUniform(RandomStream r, double lo, double hi) {
        return lo * Math.exp(Math.log(hi / lo) * r.nextDouble());
    }

    /** A gap ratio m = λ<sub>k</sub>/λ<sub>k+1</sub>, log-uniform on [1.01, 10⁴]. */
    public static double gapRatio(RandomStream r) {
        return logUniform(r, 1.01, 1e4);
    }

    /** A dimension: mostly small (2 to 40, where adversarial states are easiest), sometimes up to 200. */
    public static int dimension(RandomStream r) {
        return r.nextDouble() < 0.8 ? 2 + r.nextInt(39) : 41 + r.nextInt(160);
    }

    /** Eigenvalues, descending, with λ<sub>k</sub>/λ<sub>k+1</sub> = m (up to rounding) and all positive. */
    public static double[] spectrum(RandomStream r, Shape shape, int d, int k, double m) {
        double lk = logUniform(r, 0.1, 10);
        double lk1 = lk / m;
        double[] dom = new double[k];
        double[] bulk = new double[d - k];
        switch (shape) {
            case TWO_LEVEL -> {
                Arrays.fill(dom, lk);
                Arrays.fill(bulk, lk1);
            }
            case LINEAR -> {
                double top = lk * (1 + 3 * r.nextDouble());
                double bottom = lk1 / (1 + 9 * r.nextDouble());
                for (int i = 0; i < k; i++) {
                    dom[i] = k == 1 ? lk : top + (lk - top) * i / (k - 1);
                }
                for (int j = 0; j < d - k; j++) {
                    bulk[j] = d - k == 1 ? lk1 : lk1 + (bottom - lk1) * j / (d - k - 1);
                }
            }
            case POWER_LAW -> {
                double a = 0.2 + 1.3 * r.nextDouble();
                double b = 0.2 + 1.3 * r.nextDouble();
                for (int i = 0; i < k; i++) {
                    dom[i] = lk * Math.pow((double) k / (i + 1), a);
                }
                for (int j = 0; j < d - k; j++) {
                    bulk[j] = lk1 * Math.pow(1.0 / (j + 1), b);
                }
            }
            case SPIKED -> {
                for (int i = 0; i < k; i++) {
                    dom[i] = lk * (1 + r.nextDouble());
                }
                dom[0] = lk * Math.pow(10, 1 + 3 * r.nextDouble());
                for (int j = 0; j < d - k; j++) {
                    bulk[j] = lk1 * (0.2 + 0.8 * r.nextDouble());
                }
            }
            case NEAR_DEGENERATE -> {
                for (int i = 0; i < k; i++) {
                    dom[i] = lk * (1 + 1e-9 * r.nextDouble());
                }
                for (int j = 0; j < d - k; j++) {
                    bulk[j] = lk1 * (1 - 1e-9 * r.nextDouble());
                }
            }
            default -> throw new IllegalStateException();
        }
        descending(dom);
        descending(bulk);
        // every shape puts D in [λ_k, ∞) and B in (0, λ_{k+1}]; pin the two ends of the gap exactly
        dom[k - 1] = lk;
        bulk[0] = lk1;
        double[] out = Arrays.copyOf(dom, d);
        System.arraycopy(bulk, 0, out, k, d - k);
        return out;
    }

    static void descending(double[] v) {
        Arrays.sort(v);
        for (int i = 0, j = v.length - 1; i < j; i++, j--) {
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
    }

    /** Noise of the given kind (FULL falls back to DIAGONAL above d = 40, where sampling L z costs d²). */
    public static Noise noise(RandomStream r, int d, NoiseKind kind) {
        double base = logUniform(r, 0.01, 10);
        switch (kind) {
            case ISOTROPIC -> {
                double[] ks = new double[d];
                Arrays.fill(ks, base);
                return new Noise(ks, base, base, null);
            }
            case FULL -> {
                if (d <= 40) {
                    return fullNoise(r, d, base);
                }
                return noise(r, d, NoiseKind.DIAGONAL);
            }
            default -> {
                double spread = r.nextDouble() < 0.5 ? 10 : 1000;
                double[] ks = new double[d];
                double lo = Double.POSITIVE_INFINITY;
                double hi = 0;
                for (int i = 0; i < d; i++) {
                    ks[i] = base * logUniform(r, 1, spread);
                    lo = Math.min(lo, ks[i]);
                    hi = Math.max(hi, ks[i]);
                }
                return new Noise(ks, lo, hi, null);
            }
        }
    }

    /** Σ with a random orthogonal eigenbasis Q relative to A's: C = Q diag(w) Qᵀ, L = Q diag(√w). */
    static Noise fullNoise(RandomStream r, int d, double base) {
        double[][] q = new double[d][d];
        for (int j = 0; j < d; j++) {
            double[] v = new double[d];
            r.fillGaussian(v, 0, d);
            for (int p = 0; p < j; p++) {
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += v[i] * q[i][p];
                }
                for (int i = 0; i < d; i++) {
                    v[i] -= dot * q[i][p];
                }
            }
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < d; i++) {
                q[i][j] = v[i] / norm;
            }
        }
        double[] w = new double[d];
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int j = 0; j < d; j++) {
            w[j] = base * logUniform(r, 1, 100);
            lo = Math.min(lo, w[j]);
            hi = Math.max(hi, w[j]);
        }
        double[] factor = new double[d * d];
        double[] ks = new double[d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                factor[i * d + j] = q[i][j] * Math.sqrt(w[j]);
                ks[i] += q[i][j] * q[i][j] * w[j];
            }
            // a Rayleigh quotient lies in [lo, hi]; clamp the last-bit excursions of the sum
            ks[i] = Math.min(hi, Math.max(lo, ks[i]));
        }
        return new Noise(ks, lo, hi, factor);
    }

    /** A random noise kind: isotropic, diagonal or full, one third each. */
    public static Noise randomNoise(RandomStream r, int d) {
        return noise(r, d, NoiseKind.values()[r.nextInt(3)]);
    }

    /** θ: a third uniform on (0, 1), a third 10<sup>−U(0,6)</sup>, a third 1 − 10<sup>−U(0,8)</sup>. */
    public static double theta(RandomStream r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        if (u < 1.0 / 3) {
            return Math.max(v, 1e-12);
        }
        if (u < 2.0 / 3) {
            return Math.pow(10, -6 * v);
        }
        return 1 - Math.pow(10, -8 * v);
    }

    /**
     * A state with alignment θ (up to rounding) and ‖Ax‖² = scale: Gaussian coordinates, or (half the time) the
     * mass on one to three random eigen-directions of each block; the two blocks are then rescaled.
     */
    public static double[] state(RandomStream r, double[] lambda, int k, double theta, double scale) {
        int d = lambda.length;
        double[] c = new double[d];
        if (r.nextDouble() < 0.5) {
            r.fillGaussian(c, 0, d);
        } else {
            int nd = 1 + r.nextInt(Math.min(3, k));
            int nb = 1 + r.nextInt(Math.min(3, d - k));
            for (int j = 0; j < nd; j++) {
                c[r.nextInt(k)] = r.nextGaussian();
            }
            for (int j = 0; j < nb; j++) {
                c[k + r.nextInt(d - k)] = r.nextGaussian();
            }
        }
        return withTheta(lambda, k, c, theta, scale);
    }

    /** Rescales the two blocks of c so that θ = theta and ‖Ax‖² = scale (a zero block gets a unit coordinate). */
    public static double[] withTheta(double[] lambda, int k, double[] c0, double theta, double scale) {
        int d = lambda.length;
        double[] c = c0.clone();
        double sD = 0;
        double sB = 0;
        for (int i = 0; i < d; i++) {
            double w = lambda[i] * lambda[i] * c[i] * c[i];
            if (i < k) {
                sD += w;
            } else {
                sB += w;
            }
        }
        if (sD == 0) {
            c[0] = 1;
            sD = lambda[0] * lambda[0];
        }
        if (sB == 0) {
            c[k] = 1;
            sB = lambda[k] * lambda[k];
        }
        double a = Math.sqrt(theta * scale / sD);
        double b = Math.sqrt((1 - theta) * scale / sB);
        for (int i = 0; i < d; i++) {
            c[i] *= i < k ? a : b;
        }
        return c;
    }

    /** A random landscape-and-state instance of a claim; params start with {@code shape}'s name only. */
    public static Instance randomInstance(RandomStream r, String claim) {
        int d = dimension(r);
        int k = 1 + r.nextInt(d - 1);
        Shape shape = Shape.random(r);
        double[] lambda = spectrum(r, shape, d, k, gapRatio(r));
        Noise n = randomNoise(r, d);
        double[] c = state(r, lambda, k, theta(r), logUniform(r, 1e-4, 1e4));
        return new Instance(claim, shape.name().toLowerCase(java.util.Locale.ROOT), lambda, k, n.kappaSq(), n.sMin(),
                n.sMax(), n.factor(), c, new LinkedHashMap<>(), null);
    }

    /** An instance from explicit data (the tests and the fixed families use it). */
    public static Instance instance(String claim, String shape, double[] lambda, int k, double[] kappaSq, double[] c,
                                    Map<String, Double> params) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double v : kappaSq) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new Instance(claim, shape, lambda, k, kappaSq, lo, hi, null, c, params, null);
    }
}
