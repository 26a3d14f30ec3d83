package org.alignscope.theory;

/**
 * The sampler-true law of one mini-batch gradient ĝ (the mean of B per-sample gradients) and the expected loss change
 * of the step it drives, so that the noise ξ = ĝ − g is measured against what the training sampler really draws.
 *
 * <p>Without replacement (an epoch sampler mid-epoch) the next batch is a uniform B-subset of the R samples not yet
 * used in the epoch, whose mean gradient is g<sub>R</sub> and whose per-sample gradient covariance (ddof 0) is
 * S<sub>R</sub>:
 * <blockquote>E ĝ = g + m, &nbsp; m = g<sub>R</sub> − g, &nbsp; Cov ĝ = (R − B)/(B(R − 1)) · S<sub>R</sub></blockquote>
 * (the finite-population correction; at R = B the batch is determined and Cov ĝ = 0). With replacement from all N
 * samples (covariance S): m = 0 and Cov ĝ = S/B. The i.i.d. mean-zero noise model is the second case.
 *
 * <p>On a quadratic with Hessian H, a step x′ = x − ηĝ changes the loss of an H-invariant block S (P<sub>S</sub>
 * commuting with H, g<sub>S</sub> = P<sub>S</sub>g) by −η g<sub>S</sub>ᵀĝ + ½η² ĝ<sub>S</sub>ᵀHĝ<sub>S</sub>, whence
 * <blockquote>E ΔL<sub>S</sub> = −η(s<sup>S</sup> + g<sub>S</sub>ᵀm<sub>S</sub>)
 * + ½η²(τ<sup>S</sup> + 2 g<sub>S</sub>ᵀH m<sub>S</sub> + E ξ<sub>S</sub>ᵀH ξ<sub>S</sub>),<br>
 * E ξ<sub>S</sub>ᵀH ξ<sub>S</sub> = m<sub>S</sub>ᵀH m<sub>S</sub> + c · tr(H<sub>S</sub> S<sub>S</sub>)</blockquote>
 * with s<sup>S</sup> = ‖g<sub>S</sub>‖², τ<sup>S</sup> = g<sub>S</sub>ᵀHg<sub>S</sub> ({@link BlockMoments}),
 * ξ non-centred and c the covariance factor above; at m = 0 this is the i.i.d. expectation of {@code monitor-theory.md}.
 */
public final class SamplerMoments {
    private SamplerMoments() {
    }

    /**
     * The covariance factor c of Cov ĝ = c · S<sub>R</sub> for B samples drawn uniformly without replacement from R:
     * c = (R − B)/(B(R − 1)), and 0 at R = B, where the batch is determined.
     */
    public static double withoutReplacement(int remaining, int batch) {
        if (batch < 1 || batch > remaining) {
            throw new IllegalArgumentException("batch must be in [1, remaining = " + remaining + "], got " + batch);
        }
        return remaining == batch ? 0 : (remaining - batch) / ((double) batch * (remaining - 1));
    }

    /** The covariance factor c = 1/B of Cov ĝ = c · S for B independent uniform draws with replacement. */
    public static double withReplacement(int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        }
        return 1.0 / batch;
    }

    /** The mean offset m = g<sub>R</sub> − g of the next batch gradient (a new array). */
    public static double[] meanOffset(double[] remainingMean, double[] g) {
        Require.length("remainingMean", remainingMean, g.length);
        double[] m = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            m[i] = remainingMean[i] - g[i];
        }
        return m;
    }

    /**
     * E ξ<sub>S</sub>ᵀHξ<sub>S</sub> = m<sub>S</sub>ᵀHm<sub>S</sub> + c · tr(H<sub>S</sub>S<sub>S</sub>) for the
     * non-centred noise ξ = ĝ − g.
     *
     * @param mHm     m<sub>S</sub>ᵀHm<sub>S</sub>
     * @param factor  the covariance factor c ({@link #withoutReplacement}, {@link #withReplacement})
     * @param traceHS tr(H<sub>S</sub>S<sub>S</sub>) of the per-sample gradient covariance the batch is drawn from
     */
    public static double noiseQuadratic(double mHm, double factor, double traceHS) {
        return mHm + factor * traceHS;
    }

    /**
     * E ΔL<sub>S</sub> = −η(s<sup>S</sup> + g<sub>S</sub>ᵀm<sub>S</sub>)
     * + ½η²(τ<sup>S</sup> + 2 g<sub>S</sub>ᵀHm<sub>S</sub> + E ξ<sub>S</sub>ᵀHξ<sub>S</sub>), exact on a quadratic.
     *
     * @param eta            the step size η
     * @param s              s<sup>S</sup> = ‖g<sub>S</sub>‖²
     * @param tau            τ<sup>S</sup> = g<sub>S</sub>ᵀHg<sub>S</sub>
     * @param gm             g<sub>S</sub>ᵀm<sub>S</sub>
     * @param gHm            g<sub>S</sub>ᵀHm<sub>S</sub>
     * @param noiseQuadratic E ξ<sub>S</sub>ᵀHξ<sub>S</sub> ({@link #noiseQuadratic})
     */
    public static double expectedLossChange(double eta, double s, double tau, double gm, double gHm,
                                            double noiseQuadratic) {
        return -eta * (s + gm) + 0.5 * eta * eta * (tau + 2 * gHm + noiseQuadratic);
    }
}
