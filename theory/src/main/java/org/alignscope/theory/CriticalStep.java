package org.alignscope.theory;

/**
 * The adaptive critical step size of plain SGD (eq. 2, Lemma 22, eqs. 20–21).
 *
 * <p>With the comparison functional f<sub>t</sub>(η) = s<sup>B</sup><sub>t</sub>s<sup>D</sup><sub>t+1</sub>
 * − s<sup>B</sup><sub>t+1</sub>s<sup>D</sup><sub>t</sub> (eq. 12; θ<sub>t+1</sub> &gt; θ<sub>t</sub> ⟺ f &gt; 0),
 * Lemma 22 gives E[f<sub>t</sub>(η) | x<sub>t</sub>] = pη² + qη exactly, with
 * <pre>
 *   q = 2 (s^D τ^B − s^B τ^D)                     (eq. 20;  q ≤ 2 s^B s^D (λ_{k+1} − λ_k) &lt; 0 for exact eigenvectors)
 *   p = s^B (u^D + e_D) − s^D (u^B + e_B)          (eq. 21)
 * </pre>
 * and the critical step η* = −q/p (eq. 2) when p &gt; 0. For a biased batch gradient (E ĝ = g + m,
 * {@link SamplerMoments}) the same holds with τ replaced by {@link BlockMoments#pull()} and u by
 * {@link BlockMoments#stepCurvature()}, e non-centred: both are the paper's moments when m = 0. The sign of E f is the sign of
 * E[s<sup>D</sup><sub>t+1</sub>]/E[s<sup>B</sup><sub>t+1</sub>] − s<sup>D</sup>/s<sup>B</sup>, a ratio of
 * expectations (Lemma 20), which is what the high-dimensional limit of E[θ<sub>t+1</sub>] follows (Theorems 2–3);
 * at finite d it is not the sign of E[θ<sub>t+1</sub>] − θ<sub>t</sub>.
 */
public final class CriticalStep {
    private final AlignmentState state;
    private final double p;
    private final double q;

    private CriticalStep(AlignmentState state) {
        this.state = state;
        BlockMoments d = state.dom();
        BlockMoments b = state.bulk();
        this.q = 2 * (d.s() * b.pull() - b.s() * d.pull());
        this.p = b.s() * (d.stepCurvature() + d.e()) - d.s() * (b.stepCurvature() + b.e());
    }

    /** The critical-step quantities of one state. */
    public static CriticalStep of(AlignmentState st) {
        if (st == null) {
            throw new IllegalArgumentException("state must not be null");
        }
        return new CriticalStep(st);
    }

    /** The state this was computed from. */
    public AlignmentState state() {
        return state;
    }

    /** p = s<sup>B</sup>(u<sup>D</sup> + e<sub>D</sub>) − s<sup>D</sup>(u<sup>B</sup> + e<sub>B</sub>) (eq. 21). */
    public double p() {
        return p;
    }

    /** q = 2(s<sup>D</sup>τ<sup>B</sup> − s<sup>B</sup>τ<sup>D</sup>) (eq. 20). */
    public double q() {
        return q;
    }

    /**
     * E[f<sub>t</sub>(η) | x<sub>t</sub>] = pη² + qη (Lemma 22), f from eq. 12. Its sign is the sign of the
     * expected alignment drift (Lemma 20).
     */
    public double expectedDrift(double eta) {
        Require.finite("eta", eta);
        return (p * eta + q) * eta;
    }

    /** Which of the four sign patterns of (p, q) holds. */
    public SignCase signCase() {
        return SignCase.of(p, q);
    }

    /** η* of this state: {@link #etaStar(double, double)} of its p and q. */
    public double etaStar() {
        return etaStar(p, q);
    }

    /**
     * η* = −q/p (eq. 2), read as the step at which the expected drift pη² + qη (Lemma 22) changes sign, by case:
     * <ul>
     *   <li>{@link SignCase#CRITICAL} (q &lt; 0 &lt; p): η* = −q/p (eq. 2);</li>
     *   <li>{@link SignCase#FALLS_FOR_ALL} (q &lt; 0, p ≤ 0): {@code +∞}, no critical step, the alignment falls
     *       for every η;</li>
     *   <li>{@link SignCase#RISES_FOR_ALL} (q ≥ 0, p ≥ 0): {@code +∞}, no sign change, it never falls;</li>
     *   <li>{@link SignCase#RISES_BELOW} (q ≥ 0, p &lt; 0): −q/p ≥ 0, the step above which it falls (0 when
     *       q = 0).</li>
     * </ul>
     * Eq. 2 defines η* as the ratio −q/p itself; where that ratio is a step η ≥ 0 at which the drift changes sign
     * ({@link SignCase#changesSign()}) it is returned in both cases, and +∞ stands for "no such step". The paper's
     * critical step of Theorems 2, 3, 7 and 8 (falls below it, rises above it) is this value in
     * {@link SignCase#CRITICAL} only, so a caller that needs that reading checks the sign case, not finiteness.
     *
     * @param p p of eq. 21
     * @param q q of eq. 20
     */
    public static double etaStar(double p, double q) {
        if (!SignCase.of(p, q).changesSign()) {
            return Double.POSITIVE_INFINITY;
        }
        return q == 0 ? 0.0 : -q / p;
    }

    /**
     * The range of {@link #etaStar(double, double)} over p ∈ [pLow, pHigh] at a fixed q: η* is monotone in p on each
     * side of p = 0 and +∞ where the drift has no sign change, so the range is spanned by the two ends, and reaches
     * +∞ when the interval contains p = 0. With q noise-free and [pLow, pHigh] a confidence interval of p, it is a
     * confidence interval of η* at the same level.
     *
     * @return {lower, upper}
     */
    public static double[] etaStarRange(double pLow, double pHigh, double q) {
        if (!(pLow <= pHigh)) {
            throw new IllegalArgumentException("need pLow <= pHigh, got [" + pLow + ", " + pHigh + "]");
        }
        double a = etaStar(pLow, q);
        double b = etaStar(pHigh, q);
        double upper = pLow <= 0 && 0 <= pHigh ? Double.POSITIVE_INFINITY : Math.max(a, b);
        return new double[] {Math.min(a, b), upper};
    }

    /**
     * The predicted next alignment θ̂(η) = E s<sup>D</sup><sub>t+1</sub> / (E s<sup>D</sup><sub>t+1</sub>
     * + E s<sup>B</sup><sub>t+1</sub>), with E s<sup>S</sup><sub>t+1</sub> from {@link #expectedNextS} (Lemma 21).
     * This is the ratio of expectations (Lemma 20), not E[θ<sub>t+1</sub>]. It is 0 when both expectations are 0.
     */
    public double predictedTheta(double eta) {
        double sd = expectedNextS(state.dom(), eta);
        double sb = expectedNextS(state.bulk(), eta);
        return Alignment.theta(sd, sd + sb);
    }

    /**
     * E[s<sup>S</sup><sub>t+1</sub> | x<sub>t</sub>] = s<sup>S</sup> − 2ητ<sup>S</sup>
     * + η²(u<sup>S</sup> + e<sub>S</sub>) for one SGD step x<sub>t+1</sub> = x<sub>t</sub> − η(Ax<sub>t</sub>
     * + ξ<sub>t</sub>): the block sum of Lemma 21, E[λ<sub>i</sub>²c<sub>i,t+1</sub>²] = (1 − ηλ<sub>i</sub>)²
     * λ<sub>i</sub>²c<sub>i,t</sub>² + η²λ<sub>i</sub>²κ<sub>i</sub>². For a biased batch gradient
     * (E ĝ = g + m) it is s<sup>S</sup> − 2η(τ<sup>S</sup> + g<sub>S</sub>ᵀHm<sub>S</sub>)
     * + η²(u<sup>S</sup> + 2(Hg<sub>S</sub>)ᵀHm<sub>S</sub> + E‖P<sub>S</sub>Hξ‖²), since
     * s<sup>S</sup><sub>t+1</sub> = ‖g<sub>S</sub> − ηP<sub>S</sub>Hĝ‖² on a quadratic.
     */
    public static double expectedNextS(BlockMoments b, double eta) {
        Require.finite("eta", eta);
        return b.s() - 2 * eta * b.pull() + eta * eta * (b.stepCurvature() + b.e());
    }

    @Override
    public String toString() {
        return "CriticalStep[p=" + p + ", q=" + q + ", case=" + signCase().code() + ", etaStar=" + etaStar() + "]";
    }
}
