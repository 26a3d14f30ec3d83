package org.alignscope.monitor;

import org.alignscope.theory.Alignment;
import org.alignscope.theory.AlignmentState;
import org.alignscope.theory.CriticalStep;
import org.alignscope.theory.SignCase;

/**
 * Every quantity of {@code monitor-theory.md} for one choice of the dominant dimension k, at one point.
 * Noise-free terms are exact functions of g, H and the eigenpairs; noise terms and everything derived from them
 * carry standard errors over the r noise samples (delta method with the samples' covariance).
 *
 * <p>Canonical forms (one per quantity; v<sub>i</sub>, λ<sub>i</sub> the Ritz pairs, a<sub>i</sub> = v<sub>i</sub>ᵀg,
 * g<sub>B</sub> = g − Σ<sub>i≤k</sub>a<sub>i</sub>v<sub>i</sub> projected twice):
 * s<sup>D</sup> = Σa<sub>i</sub>², s<sup>B</sup> = ‖g<sub>B</sub>‖², τ<sup>D</sup> = Σλ<sub>i</sub>a<sub>i</sub>²,
 * τ<sup>B</sup> = g<sub>B</sub>ᵀ(Hg<sub>B</sub>), u<sup>D</sup> = Σλ<sub>i</sub>²a<sub>i</sub>²,
 * u<sup>B</sup> = ‖P<sub>B</sub>Hg<sub>B</sub>‖², e<sub>D</sub> = mean Σλ<sub>i</sub>²(v<sub>i</sub>ᵀξ)²,
 * e<sub>B</sub> = mean ‖P<sub>B</sub>Hξ‖², n<sub>D</sub> = mean Σλ<sub>i</sub>(v<sub>i</sub>ᵀξ)²,
 * n<sub>B</sub> = mean ξ<sub>B</sub>ᵀ(Hξ).
 *
 * @param k            the dominant dimension
 * @param sD           s<sup>D</sup>
 * @param sB           s<sup>B</sup>
 * @param tauD         τ<sup>D</sup>
 * @param tauB         τ<sup>B</sup>
 * @param uD           u<sup>D</sup>
 * @param uB           u<sup>B</sup>
 * @param eD           e<sub>D</sub>
 * @param eB           e<sub>B</sub>
 * @param nLossD       n<sup>loss</sup><sub>D</sub>
 * @param nLossB       n<sup>loss</sup><sub>B</sub>
 * @param p            p of eq. (2)
 * @param q            q of eq. (2) (noise-free)
 * @param signCase     which sign pattern of (p, q) held
 * @param etaStar      η* (+∞ when there is no sign change; see {@code CriticalStep#etaStar})
 * @param thetaNext    the predicted next alignment θ̂(η) at the step used
 * @param etaLossDom   η<sup>loss</sup><sub>D</sub> (+∞ when every step lowers the loss in expectation)
 * @param etaLossBulk  η<sup>loss</sup><sub>B</sub>
 * @param thetaCrit    θ<sup>crit</sup> (NaN when it does not exist)
 * @param oneMinusThetaCrit 1 − θ<sup>crit</sup> from the δ-quadratic (NaN when it does not exist)
 * @param dlossDom     E ΔL of a dominant-projected step at the step used (Theorem 10)
 * @param dlossBulk    E ΔL of a bulk-projected step
 * @param dlossPred    E ΔL of the full SGD step: −η(‖g‖² + gᵀm) + ½η²(gᵀHg + 2gᵀHm + E ξᵀHξ), m the next batch's mean
 *                     offset (NaN where the theory does not apply)
 * @param moments      the block moments at the centre of the estimates (the r noise samples' means), from which
 *                     {@link #predictedTheta} gives θ̂ at any step, not only at the step used
 */
public record BlockEstimate(int k, double sD, double sB, double tauD, double tauB, double uD, double uB,
                            Estimate eD, Estimate eB, Estimate nLossD, Estimate nLossB, Estimate p, double q,
                            SignCase signCase, Estimate etaStar, Estimate thetaNext, Estimate etaLossDom,
                            Estimate etaLossBulk, Estimate thetaCrit, Estimate oneMinusThetaCrit, Estimate dlossDom,
                            Estimate dlossBulk, Estimate dlossPred, AlignmentState moments) {

    /**
     * The predicted next alignment θ̂(η) = E s<sup>D′</sup>/(E s<sup>D′</sup> + E s<sup>B′</sup>) at a step η of
     * one's choice ({@link CriticalStep#predictedTheta}, Lemma 20); at the step used it is {@link #thetaNext}'s value.
     */
    public double predictedTheta(double eta) {
        return CriticalStep.of(moments).predictedTheta(eta);
    }

    /** θ = s<sup>D</sup>/(s<sup>D</sup> + s<sup>B</sup>), 0 when both vanish. */
    public double theta() {
        return Alignment.theta(sD, sD + sB);
    }

    /** χ = √θ, the unsquared alignment. */
    public double chi() {
        return Alignment.chi(theta());
    }
}
