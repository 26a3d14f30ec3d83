package org.alignscope.monitor;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One evaluation of the monitor at one point.
 *
 * @param step              the training step (η<sub>t</sub> moves step t to t + 1)
 * @param eta               the optimizer's step size η
 * @param etaEffective      the step the theory uses (η for SGD; NaN where the theory does not apply)
 * @param optimizer         the optimizer
 * @param loss              the reference loss L(w)
 * @param main              every quantity for the chosen k
 * @param sensitivity       the same for k − kSpread … k + kSpread (those with 1 ≤ k' ≤ n − 1), main included
 * @param eigen             the eigenpairs the estimates rest on, with residuals
 * @param sharpness         λ<sub>1</sub> (or λ<sub>1</sub>(P⁻¹H) for Adam/RMSprop; NaN when the preconditioner is unknown)
 * @param sharpnessProduct  η·sharpness
 * @param stabilityThreshold the optimizer's edge for the sharpness product
 * @param gauges            the mini-batch edge-of-stability gauges ({@link EdgeGauges#NONE} where the source has no
 *                          mini-batch Hessian)
 * @param cost              the reference-set and mini-batch passes the evaluation spent
 * @param known             the quantities that need Σ (quadratic laboratory), or null
 * @param findings          the findings, in vocabulary order
 * @param verdict           the verdict: of this evaluation alone ({@link VerdictRule}), or, evaluated by a
 *                          {@link TrainingMonitor}, after its trajectory's hysteresis ({@link VerdictTracker}); null
 *                          only while the result is being built
 */
public record MonitorResult(long step, double eta, double etaEffective, OptimizerProfile optimizer, double loss,
                            BlockEstimate main, List<BlockEstimate> sensitivity, EigenSummary eigen, double sharpness,
                            double sharpnessProduct, double stabilityThreshold, EdgeGauges gauges, EvaluationCost cost,
                            KnownNoise known,
                            List<Finding> findings, VerdictTracker.Call verdict) {

    /** This result with the given verdict. */
    public MonitorResult withVerdict(VerdictTracker.Call v) {
        return new MonitorResult(step, eta, etaEffective, optimizer, loss, main, sensitivity, eigen, sharpness,
                sharpnessProduct, stabilityThreshold, gauges, cost, known, findings, v);
    }

    /** θ of the reference gradient for the chosen k. */
    public double theta() {
        return main.theta();
    }

    /** The optimizer's stability edge as a sharpness: 2/η for SGD, (2 + 2β)/η for heavy ball (the edge over η). */
    public double edgeSharpness() {
        return stabilityThreshold / eta;
    }

    /** η/η* of the step the theory uses: 0 where η* is unbounded, NaN where the theory does not apply. */
    public double etaOverEtaStar() {
        return etaEffective / main.etaStar().value();
    }

    /** The findings' codes joined by {@code ;}. */
    public String findingCodes() {
        return findings.stream().map(f -> f.code().code()).collect(Collectors.joining(";"));
    }

    /** Whether a finding with this code was made. */
    public boolean has(FindingCode code) {
        return findings.stream().anyMatch(f -> f.code() == code);
    }

    /**
     * The regime column: the paper's {@code low}/{@code stable}/{@code high} (Theorems 3–4) where Σ is known,
     * otherwise the sign case of (p, q) ({@code critical}, {@code falls-for-all}, {@code rises-for-all},
     * {@code rises-below}).
     */
    public String regime() {
        return known != null ? known.regime() : main.signCase().code();
    }

    /**
     * The eigenpairs used: the top {@code values.length} of the reference Hessian (k + kSpread + 1 for a fixed or
     * dynamic k, 31 + kSpread for auto; capped at n), after the eigengap rule's tightenings ({@link DominantSolve}).
     *
     * @param values        Ritz values, descending
     * @param residuals     true residuals ‖Hv − λv‖
     * @param converged     per pair, residual ≤ the configured tolerance·|λ<sub>1</sub>|
     * @param applications  HVPs spent by the eigen-solve, tightenings included
     * @param k             the dominant dimension used: the configured one, auto's choice, or the dynamic
     *                      k<sub>used</sub>
     * @param kChosen       whether k was chosen by the spectrum ({@code k: auto} or {@code dynamic_k})
     * @param tolerance     the relative residual target of the last solve: the configured one, or tighter where
     *                      the eigengap asked for it
     * @param dynamic       the count of eigenvalues above c/η behind a dynamic k ({@link DynamicDimension}); null
     *                      without one
     */
    public record EigenSummary(double[] values, double[] residuals, boolean[] converged, int applications, int k,
                               boolean kChosen, double tolerance, DynamicDimension.Count dynamic) {
        /** The largest residual relative to |λ<sub>1</sub>|. */
        public double maxRelativeResidual() {
            double m = 0;
            for (double r : residuals) {
                m = Math.max(m, r);
            }
            return m / Math.abs(values[0]);
        }

        /** The eigengap rule at k. */
        EigenGap gap() {
            return EigenGap.of(values, residuals, k);
        }

        /**
         * The Davis–Kahan bound ‖R<sub>k</sub>‖<sub>F</sub>/(λ<sub>k</sub> − λ<sub>k+1</sub> − ‖r<sub>k+1</sub>‖) on
         * sin Θ between the computed and the true dominant subspace (+∞ without a resolved gap); also a bound on
         * |Δθ| ({@link EigenGap}).
         */
        public double subspaceSin() {
            return gap().sinBound();
        }
    }

    /**
     * The quantities that need the noise covariance Σ (the quadratic laboratory).
     *
     * @param regime    low / stable / high (Theorems 3, 4)
     * @param gGap      g<sub>gap</sub> (Theorem 3)
     * @param thetaStar θ* at the current s (Theorem 4)
     * @param thetaInf  θ<sub>∞</sub> of a constant step η (Theorem 16); NaN when η ≥ 2/λ<sub>1</sub>
     * @param tStar     t* from the current point (Theorem 15); −1 when it does not exist
     */
    public record KnownNoise(String regime, double gGap, double thetaStar, double thetaInf, long tStar) {
    }
}
