package org.alignscope.spectral;

/**
 * Settings of {@link Lanczos}.
 *
 * @param k                  the number of eigenpairs wanted (≥ 1)
 * @param tolerance          relative residual target: a pair is converged when ‖Hv − λv‖ ≤ tolerance·|λ_1|
 * @param maxApplications    the most operator applications allowed, the k certifying ones included (≥ 2k)
 * @param krylovDimension    the largest Krylov basis kept in memory before a thick restart (capped at the
 *                           dimension n; at least k + 2 when n allows)
 * @param seed               seed of the start-vector stream {@code RandomStream.of(seed, Lanczos.STREAM)}
 * @param warmStart          how previous eigenvectors seed a warm-started solve (no effect on a cold one)
 */
public record LanczosOptions(int k, double tolerance, int maxApplications, int krylovDimension, long seed,
                             WarmStart warmStart) {

    /** Options with the default warm start, {@link WarmStart#SUM}. */
    public LanczosOptions(int k, double tolerance, int maxApplications, int krylovDimension, long seed) {
        this(k, tolerance, maxApplications, krylovDimension, seed, WarmStart.SUM);
    }

    public LanczosOptions {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be positive, got " + tolerance);
        }
        if (maxApplications < 2 * k) {
            throw new IllegalArgumentException("maxApplications must be at least 2k = " + 2 * k
                    + " (k to build a k-dimensional Krylov space, k to certify), got " + maxApplications);
        }
        if (krylovDimension < k + 2) {
            throw new IllegalArgumentException("krylovDimension must be at least k + 2 = " + (k + 2) + ", got "
                    + krylovDimension);
        }
        if (warmStart == null) {
            throw new IllegalArgumentException("warmStart must not be null");
        }
    }

    /**
     * Defaults for k pairs: tolerance 1e-6, at most 50k + 500 applications, a Krylov basis of
     * max(2k + 10, 30) vectors, seed 0, {@link WarmStart#SUM}.
     */
    public static LanczosOptions of(int k) {
        return new LanczosOptions(k, 1e-6, applicationsFor(k), krylovFor(k), 0L);
    }

    /** The default budget for k pairs: 50k + 500 operator applications, the k certifying ones included. */
    public static int applicationsFor(int k) {
        return 50 * k + 500;
    }

    /** The default Krylov basis for k pairs: max(2k + 10, 30) vectors (room for k wanted and k + 10 helpers). */
    public static int krylovFor(int k) {
        return Math.max(2 * k + 10, 30);
    }

    public LanczosOptions withTolerance(double t) {
        return new LanczosOptions(k, t, maxApplications, krylovDimension, seed, warmStart);
    }

    public LanczosOptions withMaxApplications(int m) {
        return new LanczosOptions(k, tolerance, m, krylovDimension, seed, warmStart);
    }

    public LanczosOptions withKrylovDimension(int m) {
        return new LanczosOptions(k, tolerance, maxApplications, m, seed, warmStart);
    }

    public LanczosOptions withSeed(long s) {
        return new LanczosOptions(k, tolerance, maxApplications, krylovDimension, s, warmStart);
    }

    public LanczosOptions withWarmStart(WarmStart w) {
        return new LanczosOptions(k, tolerance, maxApplications, krylovDimension, seed, w);
    }
}
