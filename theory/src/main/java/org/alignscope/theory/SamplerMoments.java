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
 * <p>For the non-centred noise ξ = ĝ − g = m + ζ (ζ centred) every quadratic form splits as
 * <blockquote>E ξᵀQξ = mᵀQm + c · tr(Q S<sub>R</sub>)</blockquote>
 * which gives the non-centred e and n<sup>loss</sup> of {@link BlockMoments}; the terms linear in m are
 * {@link MeanOffset}, and the expectations that use them are {@link ProjectedLoss#expectedChange(BlockMoments, double)}
 * and {@link CriticalStep#expectedNextS}. At m = 0 these are the i.i.d. expectations of {@code monitor-theory.md}.
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
}
