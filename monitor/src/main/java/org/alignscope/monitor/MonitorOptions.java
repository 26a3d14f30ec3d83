package org.alignscope.monitor;

/**
 * Settings of {@link AlignmentMonitor}.
 *
 * @param k                   the dominant dimension (≥ 1, and k + 1 ≤ n), or {@link #AUTO_K}: chosen at each
 *                            evaluation by {@link DominantDimension#largestRatio}; not read with a dynamic k
 * @param samples             r, the number of noise samples (mini-batch gradients and HVPs) per evaluation (≥ 2)
 * @param kSpread             the sensitivity range: θ and η* are also reported for k − kSpread … k + kSpread
 * @param lanczosTolerance    relative residual target of the eigenpairs (‖Hv − λv‖ ≤ tol·|λ<sub>1</sub>); tightened
 *                            within the evaluation where the eigengap asks for it ({@link DominantSolve})
 * @param lanczosMaxApplications the HVP budget of one evaluation's eigen-solve, tightenings included
 * @param thetaThreshold      θ above which {@code suspicious-alignment} can be reported (0.9 by default)
 * @param edgeMargin          {@code edge-of-stability} is reported from edgeMargin × the threshold on (0.9)
 * @param maxSubspaceSin      the largest Davis–Kahan bound on sin Θ of the dominant subspace accepted
 *                            ({@link EigenGap}): above it the eigen-tolerance is tightened, and where that does not
 *                            bring it below, {@code unreliable-estimate} is reported (0.05)
 * @param maxRelativeError    {@code unreliable-estimate} when a noise term's relative standard error exceeds this (0.25)
 * @param seed                seed of the Lanczos start vector
 * @param optimizer           the training optimizer
 * @param dynamicC            c of a dynamic k ({@code monitor.dynamic_k}): at each evaluation k is the number of
 *                            eigenvalues above c/η ({@link DynamicDimension}); 0: off (the default)
 * @param kMin                the smallest k a dynamic k uses (1 by default; in [1, {@link DynamicDimension#LARGEST}])
 */
public record MonitorOptions(int k, int samples, int kSpread, double lanczosTolerance, int lanczosMaxApplications,
                             double thetaThreshold, double edgeMargin, double maxSubspaceSin, double maxRelativeError,
                             long seed, OptimizerProfile optimizer, double dynamicC, int kMin) {
    /** The value of {@code k} that asks for the choice by the largest eigenvalue ratio ({@code monitor.k: auto}). */
    public static final int AUTO_K = 0;

    /**
     * The default Lanczos tolerance, the one the presets use: eigenpairs to a relative residual of 1e-3, tightened
     * where the Davis–Kahan bound on the dominant subspace asks for it.
     */
    public static final double DEFAULT_TOLERANCE = 1e-3;

    public MonitorOptions {
        if (k < 1 && k != AUTO_K) {
            throw new IllegalArgumentException("k must be >= 1 or AUTO_K, got " + k);
        }
        if (samples < 2) {
            throw new IllegalArgumentException("samples must be >= 2 (a standard error needs two), got " + samples);
        }
        if (kSpread < 0) {
            throw new IllegalArgumentException("kSpread must be >= 0, got " + kSpread);
        }
        if (!(lanczosTolerance > 0)) {
            throw new IllegalArgumentException("lanczosTolerance must be > 0, got " + lanczosTolerance);
        }
        if (!(thetaThreshold >= 0 && thetaThreshold <= 1)) {
            throw new IllegalArgumentException("thetaThreshold must lie in [0, 1], got " + thetaThreshold);
        }
        if (!(edgeMargin > 0 && edgeMargin <= 1)) {
            throw new IllegalArgumentException("edgeMargin must lie in (0, 1], got " + edgeMargin);
        }
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer must not be null");
        }
        if (!(dynamicC >= 0 && Double.isFinite(dynamicC))) {
            throw new IllegalArgumentException("dynamicC must be > 0 (on) or 0 (off), got " + dynamicC);
        }
        if (kMin < 1 || kMin > DynamicDimension.LARGEST) {
            throw new IllegalArgumentException("kMin must lie in [1, " + DynamicDimension.LARGEST + "], got " + kMin);
        }
        if (dynamicC > 0 && !optimizer.theoryApplies()) {
            throw new IllegalArgumentException("a dynamic k needs the step the theory uses (SGD, or momentum with the"
                    + " effective step); " + optimizer.name() + " has none");
        }
    }

    /** These settings without a dynamic k (the canonical constructor with dynamicC 0 and kMin 1). */
    public MonitorOptions(int k, int samples, int kSpread, double lanczosTolerance, int lanczosMaxApplications,
                          double thetaThreshold, double edgeMargin, double maxSubspaceSin, double maxRelativeError,
                          long seed, OptimizerProfile optimizer) {
        this(k, samples, kSpread, lanczosTolerance, lanczosMaxApplications, thetaThreshold, edgeMargin,
                maxSubspaceSin, maxRelativeError, seed, optimizer, 0, 1);
    }

    /**
     * Defaults: kSpread 2, Lanczos tolerance {@link #DEFAULT_TOLERANCE} with 50(k + 3) + 500 HVPs ({@link #AUTO_K} counts as
     * {@link DominantDimension#LARGEST}), θ threshold 0.9, margins as documented, SGD.
     */
    public static MonitorOptions of(int k, int samples) {
        int budget = 50 * ((k == AUTO_K ? DominantDimension.LARGEST : k) + 3) + 500;
        return new MonitorOptions(k, samples, 2, DEFAULT_TOLERANCE, budget, 0.9, 0.9, 0.05, 0.25, 0L, OptimizerProfile.sgd());
    }

    /** Whether k is chosen at each evaluation by the largest eigenvalue ratio ({@link #AUTO_K}, no dynamic k). */
    public boolean autoK() {
        return k == AUTO_K && !dynamicK();
    }

    /** Whether k is the count of eigenvalues above c/η at each evaluation ({@link #dynamicC()} &gt; 0). */
    public boolean dynamicK() {
        return dynamicC > 0;
    }

    /**
     * Checks k against the dimension n of the parameters ({@link DominantDimension#fits}); with a dynamic k, kMin
     * (kMin + 1 ≤ n).
     *
     * @throws IllegalArgumentException naming k (or k_min) and the allowed range, in one line
     */
    public void checkDimension(int n) {
        if (dynamicK()) {
            if (kMin > n - 1) {
                throw new IllegalArgumentException("k_min: " + kMin + " does not fit the " + n + " parameters;"
                        + " allowed: " + (n >= 2 ? "an integer in [1, " + (n - 1) + "]" : "none"));
            }
            return;
        }
        if (!DominantDimension.fits(k, n)) {
            throw new IllegalArgumentException("k: " + DominantDimension.outOfRange(autoK() ? "auto"
                    : Integer.toString(k), n));
        }
    }

    public MonitorOptions withLanczosTolerance(double tol) {
        return new MonitorOptions(k, samples, kSpread, tol, lanczosMaxApplications, thetaThreshold, edgeMargin,
                maxSubspaceSin, maxRelativeError, seed, optimizer, dynamicC, kMin);
    }

    public MonitorOptions withThetaThreshold(double t) {
        return new MonitorOptions(k, samples, kSpread, lanczosTolerance, lanczosMaxApplications, t, edgeMargin,
                maxSubspaceSin, maxRelativeError, seed, optimizer, dynamicC, kMin);
    }

    public MonitorOptions withOptimizer(OptimizerProfile opt) {
        return new MonitorOptions(k, samples, kSpread, lanczosTolerance, lanczosMaxApplications, thetaThreshold,
                edgeMargin, maxSubspaceSin, maxRelativeError, seed, opt, dynamicC, kMin);
    }

    public MonitorOptions withKSpread(int spread) {
        return new MonitorOptions(k, samples, spread, lanczosTolerance, lanczosMaxApplications, thetaThreshold,
                edgeMargin, maxSubspaceSin, maxRelativeError, seed, optimizer, dynamicC, kMin);
    }

    public MonitorOptions withSeed(long s) {
        return new MonitorOptions(k, samples, kSpread, lanczosTolerance, lanczosMaxApplications, thetaThreshold,
                edgeMargin, maxSubspaceSin, maxRelativeError, s, optimizer, dynamicC, kMin);
    }

    /**
     * These settings with a dynamic k: at each evaluation k is the number of reference-Hessian eigenvalues above
     * c/η (η the step the theory uses), clamped to [kMin, {@link DynamicDimension#LARGEST}]; {@link #k()} is then not
     * read. The HVP budget is kept: a count near the cap solves up to {@link DynamicDimension#LARGEST} + kSpread + 1
     * pairs, for which a budget of 50({@value DynamicDimension#LARGEST} + kSpread + 1) + 500 (monitor.max_hvps's
     * default with dynamic_k) leaves room.
     *
     * @param c    &gt; 0 (finite)
     * @param kMin in [1, {@link DynamicDimension#LARGEST}]
     */
    public MonitorOptions withDynamicK(double c, int kMin) {
        if (!(c > 0)) {
            throw new IllegalArgumentException("dynamic k: c must be > 0, got " + c);
        }
        return new MonitorOptions(k, samples, kSpread, lanczosTolerance, lanczosMaxApplications, thetaThreshold,
                edgeMargin, maxSubspaceSin, maxRelativeError, seed, optimizer, c, kMin);
    }

    /** These settings with the HVP budget of one evaluation's eigen-solve. */
    public MonitorOptions withLanczosMaxApplications(int budget) {
        return new MonitorOptions(k, samples, kSpread, lanczosTolerance, budget, thetaThreshold, edgeMargin,
                maxSubspaceSin, maxRelativeError, seed, optimizer, dynamicC, kMin);
    }
}
