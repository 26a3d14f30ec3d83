package org.alignscope.theory;

/**
 * The spread of one SGD step's realised loss change around its expectation, Var(ΔL | x<sub>t</sub>), to second
 * order in the step (exact for a quadratic loss), for the step x<sub>t+1</sub> = x<sub>t</sub> − ηPĝ with a
 * symmetric step map P (I for plain SGD, a projection for DSGD/BSGD, eqs. 3–4) and the batch gradient
 * ĝ = g + m + ε, E ε = 0, Cov ε = f·Cov ζ for draws ζ<sub>j</sub> of the noise ({@link SamplerMoments}).
 *
 * <p>With Q = PHP and μ = g + m the quadratic model of the change is
 * <pre>
 *   ΔL = −η gᵀPĝ + ½η² ĝᵀQĝ
 *      = E ΔL + wᵀε + ½η² (εᵀQε − E εᵀQε),      w = −ηPg + η²Qμ,                      (S1)
 *   Var(ΔL | x_t) = wᵀ Cov ε w + η² Cov(wᵀε, εᵀQε) + ¼η⁴ Var(εᵀQε).                    (S2)
 * </pre>
 * The first term, η²·Var(gᵀPε) + O(η³), is the first-order spread. {@link #deviation} is (S1)'s random part for
 * the stand-in ε = √f·ζ<sub>j</sub>; the sample variance of these deviations over r draws estimates (S2). It is
 * unbiased when the draws follow the batch law itself (f = 1: ζ<sub>j</sub> has the law of ε) and exact, 0, when the
 * batch is determined (f = 0); for other f the first term is still unbiased and the higher ones are scaled by
 * f<sup>3/2</sup> and f² where the law of ε may differ slightly (the second-order terms of a B-subset of a
 * pool of R are not those of √f times a B-subset of another pool).
 */
public final class LossChangeSpread {
    private LossChangeSpread() {
    }

    /**
     * The random part of (S1) for one draw ζ, ε = √f·ζ: √f·(−η (Pg)ᵀζ + η² (Qμ)ᵀζ) + ½η²·f·ζᵀQζ. Its sample
     * variance over draws estimates Var(ΔL | x<sub>t</sub>) (S2); constants (the expectation) drop out of it.
     *
     * @param gz   (Pg)ᵀζ
     * @param muQz (Qμ)ᵀζ = (HPμ)ᵀPζ, μ = g + m
     * @param zQz  ζᵀQζ = (Pζ)ᵀH(Pζ)
     * @param f    the covariance factor of the draws, ≥ 0
     * @param eta  the step size
     */
    public static double deviation(double gz, double muQz, double zQz, double f, double eta) {
        Require.finite("eta", eta);
        Require.nonNegative("f", f);
        return Math.sqrt(f) * (-eta * gz + eta * eta * muQz) + 0.5 * eta * eta * f * zQz;
    }
}
