package org.alignscope.monitor;

/**
 * Settings of {@link AlignmentMonitor}.
 *
 * @param k                   the dominant dimension (≥ 1, and k + 1 ≤ n), or {@link #AUTO_K}: chosen at each
 *                            evaluation by {@link DominantDimension#largestRatio}
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
 */
public record MonitorOptions(int k, int samples, int kSpread, double lanczosTolerance, int lanczosMaxApplications,
                             double thetaThreshold, double edgeMargin, double maxSubspaceSin, double maxRelativeError,
                             long seed, OptimizerProfile optimizer) {
    /** The value of {@code k} that asks for the choice by the largest eigenvalue ratio ({@code monitor.k: auto}). */
    public static final int AUTO_K = 0;

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
    }

    /**
     * Defaults: kSpread 2, Lanczos tolerance 1e-8 with 50(k + 3) + 500 HVPs ({@link #AUTO_K} counts as
     * {@link DominantDimension#LARGEST}), θ threshold 0.9, margins as documented, SGD.
     */
    public static MonitorOptions of(int k, int samples) {
        int budget = 50 * ((k == AUTO_K ? DominantDimension.LARGEST : k) + 3) + 500;
        return new MonitorOptions(k, samples, 2, 1e-8, budget, 0.9, 0.9, 0.05, 0.25, 0L, OptimizerProfile.sgd());
    }

    /** Whether k is chosen at each evaluation ({@link #AUTO_K}). */
    public boolean autoK() {
        return k == AUTO_K;
    }

    /**
     * Checks k against the dimension n of the parameters ({@link DominantDimension#fits}).
     *
     * @throws IllegalArgumentException naming k and the allowed range, in one line
     */
    public void checkDimension(int n) {
        if (!DominantDimension.fits(k, n)) {
            throw new IllegalArgumentException("k: " + DominantDimension.outOfRange(autoK() ? "auto"
                    : Integer.toString(k), n));
        }
    }

    public MonitorOptions withLanczosTolerance(double tol) {
        return new MonitorOptions(k, samples, kSpread, tol, lanczosMaxApplications, thetaThreshold, edgeMargin,
                maxSubspaceSin, maxRelativeError, seed, optimizer);
    }

    public MonitorOptions withThetaThreshold(double t) {
        return new MonitorOptions(k, samples, kSpread, lanczosTolerance, lanczosMaxApplications, t, edgeMargin,
                maxSubspaceSin, maxRelativeError, seed, optimizer);
    }

    public MonitorOptions withOptimizer(OptimizerProfile opt) {
        return new MonitorOptions(k, samples, kSpread, lanczosTolerance, lanczosMaxApplications, thetaThreshold,
                edgeMargin, maxSubspaceSin, maxRelativeError, seed, opt);
    }

    public MonitorOptions withKSpread(int spread) {
        return new MonitorOptions(k, samples, spread, lanczosTolerance, lanczosMaxApplications, thetaThreshold,
                edgeMargin, maxSubspaceSin, maxRelativeError, seed, optimizer);
    }

    public MonitorOptions withSeed(long s) {
        return new MonitorOptions(k, samples, kSpread, lanczosTolerance, lanczosMaxApplications, thetaThreshold,
                edgeMargin, maxSubspaceSin, maxRelativeError, s, optimizer);
    }
}
