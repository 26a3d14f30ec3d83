package org.alignscope.theory;

/**
 * The expected loss change of one projected SGD step (Theorem 10, eqs. 3–5).
 *
 * <p>For S ∈ {D, B} the projected step is x<sub>t+1</sub> = x<sub>t</sub> − ηP<sup>S</sup>(Ax<sub>t</sub>
 * + ξ<sub>t</sub>): DSGD for S = D (eq. 3), BSGD for S = B (eq. 4); the noise is projected too. Since P<sup>S</sup>
 * commutes with A, the step moves only the S-coordinates, and exactly
 * <pre>
 *   E[L(x_{t+1}) − L(x_t) | x_t] = −η s^S + ½ η² (τ^S + n^loss_S)      (Theorem 10)
 * </pre>
 * with τ<sup>S</sup> = Σ<sub>S</sub>λ³c² and n<sup>loss</sup><sub>S</sub> = Σ<sub>S</sub>λκ² (eq. 5). The informal
 * box on p. 3 of the paper writes Σ<sub>S</sub>λ⁴c² in place of τ<sup>S</sup>; the proof and this class use
 * τ<sup>S</sup>.
 */
public final class ProjectedLoss {
    private ProjectedLoss() {
    }

    /** E[ΔL | x<sub>t</sub>] = −ηs<sup>S</sup> + ½η²(τ<sup>S</sup> + n<sup>loss</sup><sub>S</sub>) (Theorem 10). */
    public static double expectedChange(BlockMoments b, double eta) {
        return expectedChange(b.s(), b.tau(), b.nLoss(), eta);
    }

    /**
     * E[ΔL | x<sub>t</sub>] = −ηs + ½η²(τ + n<sup>loss</sup>) (Theorem 10) from the three sums alone. With S the
     * whole space (s = ‖g‖², τ = gᵀHg, n<sup>loss</sup> = E ξᵀHξ) it is the expected loss change of the full SGD
     * step.
     */
    public static double expectedChange(double s, double tau, double nLoss, double eta) {
        Require.finite("eta", eta);
        return -eta * s + 0.5 * eta * eta * (tau + nLoss);
    }

    /**
     * η<sup>loss</sup><sub>S</sub> = 2s<sup>S</sup>/(τ<sup>S</sup> + n<sup>loss</sup><sub>S</sub>) (Theorem 10): a step
     * projected on S lowers the loss in expectation iff 0 &lt; η &lt; η<sup>loss</sup><sub>S</sub>. It is
     * {@code +∞} when τ<sup>S</sup> + n<sup>loss</sup><sub>S</sub> ≤ 0 (possible only with indefinite curvature):
     * then every η &gt; 0 with s<sup>S</sup> &gt; 0 lowers the loss in expectation.
     */
    public static double etaLoss(BlockMoments b) {
        double curvature = b.tau() + b.nLoss();
        if (curvature <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return 2 * b.s() / curvature;
    }
}
