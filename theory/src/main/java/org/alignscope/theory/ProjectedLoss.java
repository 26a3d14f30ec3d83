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
 * with τ<sup>S</sup> = Σ<sub>S</sub>λ³c² and n<sup>loss</sup><sub>S</sub> = Σ<sub>S</sub>λκ² (eq. 5). When the batch
 * gradient is biased, E ĝ = g + m (an epoch sampler mid-epoch, {@link SamplerMoments}), the same expansion of
 * ΔL = −ηg<sub>S</sub>ᵀĝ + ½η²ĝ<sub>S</sub>ᵀHĝ<sub>S</sub> gives
 * <pre>
 *   E[ΔL | x_t] = −η (s^S + g_Sᵀm_S) + ½ η² (τ^S + 2 g_SᵀHm_S + E ξ_SᵀHξ_S)
 * </pre>
 * with ξ = ĝ − g non-centred ({@link BlockMoments#nLoss()}) and the linear terms in {@link MeanOffset}; m = 0 is
 * Theorem 10. The informal
 * box on p. 3 of the paper writes Σ<sub>S</sub>λ⁴c² in place of τ<sup>S</sup>; the proof and this class use
 * τ<sup>S</sup>.
 */
public final class ProjectedLoss {
    private ProjectedLoss() {
    }

    /**
     * E[ΔL | x<sub>t</sub>] = −η(s<sup>S</sup> + g<sub>S</sub>ᵀm<sub>S</sub>) + ½η²(τ<sup>S</sup>
     * + 2g<sub>S</sub>ᵀHm<sub>S</sub> + n<sup>loss</sup><sub>S</sub>) (Theorem 10 at m = 0).
     */
    public static double expectedChange(BlockMoments b, double eta) {
        return expectedChange(b.s(), b.tau(), b.nLoss(), b.offset(), eta);
    }

    /**
     * E[ΔL | x<sub>t</sub>] = −ηs + ½η²(τ + n<sup>loss</sup>) (Theorem 10) from the three sums alone, for an
     * unbiased batch gradient.
     */
    public static double expectedChange(double s, double tau, double nLoss, double eta) {
        return expectedChange(s, tau, nLoss, MeanOffset.ZERO, eta);
    }

    /**
     * E[ΔL | x<sub>t</sub>] = −η(s + g<sub>S</sub>ᵀm<sub>S</sub>) + ½η²(τ + 2g<sub>S</sub>ᵀHm<sub>S</sub>
     * + n<sup>loss</sup>), the class comment's form, from its sums. With S the whole space (s = ‖g‖², τ = gᵀHg,
     * n<sup>loss</sup> = E ξᵀHξ, the offset's terms over the whole space) it is the expected loss change of the full
     * SGD step.
     */
    public static double expectedChange(double s, double tau, double nLoss, MeanOffset offset, double eta) {
        Require.finite("eta", eta);
        return -eta * (s + offset.gm()) + 0.5 * eta * eta * (tau + 2 * offset.gHm() + nLoss);
    }

    /**
     * η<sup>loss</sup><sub>S</sub> = 2s<sup>S</sup>/(τ<sup>S</sup> + n<sup>loss</sup><sub>S</sub>) (Theorem 10), for a
     * biased batch 2(s<sup>S</sup> + g<sub>S</sub>ᵀm<sub>S</sub>)/(τ<sup>S</sup> + 2g<sub>S</sub>ᵀHm<sub>S</sub>
     * + n<sup>loss</sup><sub>S</sub>), the root of {@link #expectedChange(BlockMoments, double)}: a step projected on
     * S lowers the loss in expectation iff 0 &lt; η &lt; η<sup>loss</sup><sub>S</sub>. It is {@code +∞} when the
     * curvature term is ≤ 0 (possible only with indefinite curvature) and the first-order term is positive: then every
     * η &gt; 0 lowers the loss in expectation; it is 0 when the first-order term is ≤ 0 and the curvature term
     * positive: then no η &gt; 0 does.
     */
    public static double etaLoss(BlockMoments b) {
        double descent = b.s() + b.offset().gm();
        double curvature = b.tau() + 2 * b.offset().gHm() + b.nLoss();
        if (curvature <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return descent <= 0 ? 0 : 2 * descent / curvature;
    }
}
