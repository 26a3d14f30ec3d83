package org.alignscope.theory;

/**
 * The five spectral moments of one block S of eigen-directions (S = D, the dominant block, or S = B, the bulk
 * block) at one iterate x<sub>t</sub> = Σ<sub>i</sub> c<sub>i</sub> u<sub>i</sub>, for the noise model
 * x<sub>t+1</sub> = x<sub>t</sub> − η(Ax<sub>t</sub> + ξ<sub>t</sub>), ξ<sub>t</sub> ~ N(0, Σ),
 * κ<sub>i</sub>² = u<sub>i</sub>ᵀΣu<sub>i</sub>:
 * <ul>
 *   <li>{@code s} = s<sup>S</sup> = Σ<sub>i∈S</sub> λ<sub>i</sub>² c<sub>i</sub>² = ‖P<sup>S</sup>Ax‖² (eq. 1);</li>
 *   <li>{@code tau} = τ<sup>S</sup> = Σ<sub>i∈S</sub> λ<sub>i</sub>³ c<sub>i</sub>² (eq. 5);</li>
 *   <li>{@code u} = u<sup>S</sup> = Σ<sub>i∈S</sub> λ<sub>i</sub>⁴ c<sub>i</sub>² (Appendix A, proof of Lemma 22);</li>
 *   <li>{@code e} = e<sub>S</sub> = Σ<sub>i∈S</sub> λ<sub>i</sub>² κ<sub>i</sub>² (the block noise energy, §3.2);</li>
 *   <li>{@code nLoss} = n<sup>loss</sup><sub>S</sub> = Σ<sub>i∈S</sub> λ<sub>i</sub> κ<sub>i</sub>² (eq. 5).</li>
 * </ul>
 * When the next batch gradient is biased (E ĝ = g + m, an epoch sampler mid-epoch: {@link SamplerMoments}), e and
 * n<sup>loss</sup> are the non-centred moments of ξ = ĝ − g (e<sub>S</sub> = E‖P<sub>S</sub>Hξ‖²,
 * n<sup>loss</sup><sub>S</sub> = E ξ<sub>S</sub>ᵀHξ<sub>S</sub>) and {@code offset} holds the terms linear in m; the
 * paper's case is {@link MeanOffset#ZERO}, which the five-argument constructor and {@link #of} give.
 *
 * <p>The record may also hold estimates (e.g. from Hessian-vector products on a network, where the Hessian can be
 * indefinite), so only what holds for any symmetric Hessian is enforced: all five finite, and s, u, e ≥ 0 (they
 * are squared norms or expected squared norms). τ and n<sup>loss</sup> may be negative.
 *
 * @param s     s<sup>S</sup> = Σ<sub>S</sub> λ²c²
 * @param tau   τ<sup>S</sup> = Σ<sub>S</sub> λ³c²
 * @param u     u<sup>S</sup> = Σ<sub>S</sub> λ⁴c²
 * @param e     e<sub>S</sub> = Σ<sub>S</sub> λ²κ²
 * @param nLoss n<sup>loss</sup><sub>S</sub> = Σ<sub>S</sub> λκ²
 * @param offset the terms linear in the batch mean offset m ({@link MeanOffset#ZERO} for an unbiased batch)
 */
public record BlockMoments(double s, double tau, double u, double e, double nLoss, MeanOffset offset) {

    /** All five moments zero: the block of a zero iterate with zero noise. */
    public static final BlockMoments ZERO = new BlockMoments(0, 0, 0, 0, 0);

    /** Checks the invariants listed in the class comment. */
    public BlockMoments {
        Require.nonNegative("s", s);
        Require.finite("tau", tau);
        Require.nonNegative("u", u);
        Require.nonNegative("e", e);
        Require.finite("nLoss", nLoss);
        if (offset == null) {
            throw new IllegalArgumentException("offset must not be null (MeanOffset.ZERO for an unbiased batch)");
        }
    }

    /** The moments of an unbiased batch gradient (the paper's noise model). */
    public BlockMoments(double s, double tau, double u, double e, double nLoss) {
        this(s, tau, u, e, nLoss, MeanOffset.ZERO);
    }

    /**
     * τ<sup>S</sup> + g<sub>S</sub>ᵀHm<sub>S</sub>: the expected pull g<sub>S</sub>ᵀH E ĝ<sub>S</sub> of one step, which
     * takes τ's place in E s<sup>S</sup><sub>t+1</sub> ({@link CriticalStep#expectedNextS}).
     */
    public double pull() {
        return tau + offset.gHm();
    }

    /**
     * u<sup>S</sup> + 2(Hg<sub>S</sub>)ᵀHm<sub>S</sub>: with e it makes E‖P<sub>S</sub>H ĝ‖², and takes u's place in
     * E s<sup>S</sup><sub>t+1</sub> ({@link CriticalStep#expectedNextS}).
     */
    public double stepCurvature() {
        return u + 2 * offset.hgHm();
    }

    /**
     * The moments of the block of indices [from, to), from eigenvalues, eigen-coordinates and per-direction
     * noise variances.
     *
     * @param lambda  eigenvalues λ<sub>i</sub> (length d)
     * @param c       eigen-coordinates c<sub>i</sub> = ⟨x, u<sub>i</sub>⟩ (length d)
     * @param kappaSq κ<sub>i</sub>² = u<sub>i</sub>ᵀΣu<sub>i</sub> ≥ 0 (length d)
     * @param from    first index of the block, inclusive
     * @param to      end of the block, exclusive; 0 ≤ from ≤ to ≤ d
     */
    public static BlockMoments of(double[] lambda, double[] c, double[] kappaSq, int from, int to) {
        if (lambda == null) {
            throw new IllegalArgumentException("lambda must not be null");
        }
        int d = lambda.length;
        Require.length("c", c, d);
        Require.length("kappaSq", kappaSq, d);
        if (from < 0 || to > d || from > to) {
            throw new IllegalArgumentException(
                    "block [from, to) must satisfy 0 <= from <= to <= d = " + d + ", got [" + from + ", " + to + ")");
        }
        double s = 0;
        double tau = 0;
        double u = 0;
        double e = 0;
        double nLoss = 0;
        for (int i = from; i < to; i++) {
            double l = Require.finite("lambda[" + i + "]", lambda[i]);
            double ci = Require.finite("c[" + i + "]", c[i]);
            double ks = Require.nonNegative("kappaSq[" + i + "]", kappaSq[i]);
            double l2 = l * l;
            double l2c2 = l2 * ci * ci;
            s += l2c2;
            tau += l * l2c2;
            u += l2 * l2c2;
            e += l2 * ks;
            nLoss += l * ks;
        }
        return new BlockMoments(s, tau, u, e, nLoss);
    }

    /** The componentwise sum: the moments of the union of two disjoint blocks. */
    public BlockMoments plus(BlockMoments other) {
        return new BlockMoments(s + other.s, tau + other.tau, u + other.u, e + other.e, nLoss + other.nLoss,
                offset.plus(other.offset));
    }
}
