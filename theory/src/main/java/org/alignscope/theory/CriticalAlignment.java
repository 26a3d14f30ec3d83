package org.alignscope.theory;

import java.util.OptionalDouble;

/**
 * The critical alignment θ<sup>crit</sup> that separates the regime where dominant-projected steps have the
 * smaller loss-decrease window from the one where they have the larger (Theorem 11, Lemmas 23–24, eqs. 6–8).
 *
 * <p>With μ<sup>S</sup>(3,2) = τ<sup>S</sup>/s<sup>S</sup> and n<sub>S</sub> = n<sup>loss</sup><sub>S</sub>:
 * <pre>
 *   α = s (τ^D/s^D − τ^B/s^B)        (eq. 6;  α &gt; 0 for exact eigenvectors, Lemma 23)
 *   β = −α + n_B + n_D               (eq. 7)
 *   γ = −n_D                         (eq. 8)
 *   h(θ) = αθ² + βθ + γ,   h(0) = γ,  h(1) = n_B
 * </pre>
 * and s·h(θ<sub>t</sub>) = s<sup>D</sup>(τ<sup>B</sup> + n<sub>B</sub>) − s<sup>B</sup>(τ<sup>D</sup> + n<sub>D</sub>),
 * so sign(η<sup>loss</sup><sub>D</sub> − η<sup>loss</sup><sub>B</sub>) = sign(h(θ<sub>t</sub>)) whenever both
 * τ<sup>S</sup> + n<sub>S</sub> &gt; 0. θ<sup>crit</sup> is the root of h in [0, 1) (Lemma 24); θ<sub>t</sub> &lt;
 * θ<sup>crit</sup> ⟺ η<sup>loss</sup><sub>D</sub> &lt; η<sup>loss</sup><sub>B</sub>.
 *
 * <p>Note that α, β and h are functions of the state x<sub>t</sub>, not of θ alone; h(θ) for θ ≠ θ<sub>t</sub>
 * is the polynomial of Theorem 11 evaluated with the state's coefficients.
 *
 * <p><b>Numerics.</b> With α ≫ n<sub>B</sub> + n<sub>D</sub> (the ill-conditioned case) β ≈ −α &lt; 0, so the
 * form 2n<sub>D</sub>/(β + √(β² + 4αn<sub>D</sub>)) would cancel; each root is therefore taken from whichever of
 * the two equivalent forms adds same-signed terms, and 1 − θ<sup>crit</sup> is solved separately from the
 * quadratic in δ = 1 − θ, αδ² − (α + n<sub>B</sub> + n<sub>D</sub>)δ + n<sub>B</sub> = 0, as its smaller root
 * 2n<sub>B</sub>/(α + n<sub>B</sub> + n<sub>D</sub> + √Δ<sub>δ</sub>) with
 * Δ<sub>δ</sub> = (α − n<sub>B</sub>)² + n<sub>D</sub>(n<sub>D</sub> + 2α + 2n<sub>B</sub>) (a sum of
 * non-negative terms).
 */
public final class CriticalAlignment {
    private final double s;
    private final double sD;
    private final double sB;
    private final double tauD;
    private final double tauB;
    private final double nD;
    private final double nB;

    private CriticalAlignment(AlignmentState st) {
        this.s = st.s();
        this.sD = st.dom().s();
        this.sB = st.bulk().s();
        this.tauD = st.dom().tau();
        this.tauB = st.bulk().tau();
        this.nD = st.dom().nLoss();
        this.nB = st.bulk().nLoss();
    }

    /** The Theorem 11 quantities of one state. */
    public static CriticalAlignment of(AlignmentState st) {
        if (st == null) {
            throw new IllegalArgumentException("state must not be null");
        }
        return new CriticalAlignment(st);
    }

    /**
     * Whether α (and so β and h) is defined: it needs s<sup>D</sup> &gt; 0 and s<sup>B</sup> &gt; 0, since
     * μ<sup>S</sup>(3,2) = τ<sup>S</sup>/s<sup>S</sup>.
     */
    public boolean hasPolynomial() {
        return sD > 0 && sB > 0;
    }

    /**
     * α = s(τ<sup>D</sup>/s<sup>D</sup> − τ<sup>B</sup>/s<sup>B</sup>) (eq. 6).
     *
     * @throws IllegalStateException when s<sup>D</sup> = 0 or s<sup>B</sup> = 0 (see {@link #hasPolynomial()})
     */
    public double alpha() {
        if (!hasPolynomial()) {
            throw new IllegalStateException(
                    "alpha needs s^D > 0 and s^B > 0 (mu^S(3,2) = tau^S/s^S), got s^D = " + sD + ", s^B = " + sB);
        }
        return s * (tauD / sD - tauB / sB);
    }

    /**
     * β = −α + n<sub>B</sub> + n<sub>D</sub> (eq. 7).
     *
     * @throws IllegalStateException when α is undefined
     */
    public double beta() {
        return -alpha() + nB + nD;
    }

    /** γ = −n<sup>loss</sup><sub>D</sub> (eq. 8). */
    public double gamma() {
        return -nD;
    }

    /**
     * h(θ) = αθ² + βθ + γ (Theorem 11), written as γ + θ(β + αθ).
     *
     * @throws IllegalStateException when α is undefined
     */
    public double h(double theta) {
        Require.finite("theta", theta);
        double a = alpha();
        return gamma() + theta * (beta() + a * theta);
    }

    /**
     * s·h(θ<sub>t</sub>) = s<sup>D</sup>(τ<sup>B</sup> + n<sub>B</sub>) − s<sup>B</sup>(τ<sup>D</sup> + n<sub>D</sub>)
     * (Theorem 11 times s), defined even where α is not: its sign is that of η<sup>loss</sup><sub>D</sub> −
     * η<sup>loss</sup><sub>B</sub> when both τ<sup>S</sup> + n<sub>S</sub> &gt; 0.
     */
    public double sTimesH() {
        return sD * (tauB + nB) - sB * (tauD + nD);
    }

    /** Whether θ<sup>crit</sup> exists: s<sup>D</sup>, s<sup>B</sup> &gt; 0 and {@link #rootExists(double, double, double)}. */
    private boolean rootExists() {
        return hasPolynomial() && rootExists(alpha(), nB, nD);
    }

    /**
     * Whether h has its root θ<sup>crit</sup> in [0, 1) (Lemma 24), given α (eq. 6), n<sub>B</sub> and
     * n<sub>D</sub>: α &gt; 0 and finite, n<sub>B</sub> &gt; 0 (h(1) &gt; 0) and n<sub>D</sub> ≥ 0 (h(0) = −n<sub>D</sub>
     * ≤ 0). Only the signs matter, so an exact-arithmetic caller may pass signums.
     */
    public static boolean rootExists(double alpha, double nB, double nD) {
        return alpha > 0 && Double.isFinite(alpha) && nB > 0 && nD >= 0;
    }

    /**
     * θ<sup>crit</sup>, the root of h in [0, 1) (Lemma 24: (−β + √(β² − 4αγ))/(2α) = 2n<sub>D</sub>/(β +
     * √(β² + 4αn<sub>D</sub>))), computed from whichever form is cancellation-free for the sign of β.
     *
     * <p>Empty when n<sub>B</sub> ≤ 0, s<sup>D</sup> = 0, s<sup>B</sup> = 0 or α ≤ 0, and also when n<sub>D</sub>
     * &lt; 0 (then h(0) &gt; 0 and h(1) &gt; 0, so there is no unique crossing). Equal to 0 when n<sub>D</sub> = 0
     * and n<sub>B</sub> ≥ α (h &gt; 0 on (0, 1]).
     */
    public OptionalDouble thetaCrit() {
        if (!rootExists()) {
            return OptionalDouble.empty();
        }
        double a = alpha();
        double b = beta();
        double sqrtDisc = Math.hypot(b, 2 * Math.sqrt(a * nD));
        double root = StableQuadratic.largerRoot(a, b, -nD, sqrtDisc);
        return OptionalDouble.of(Math.max(0.0, root));
    }

    /**
     * 1 − θ<sup>crit</sup>, solved directly as the smaller root of αδ² − (α + n<sub>B</sub> + n<sub>D</sub>)δ
     * + n<sub>B</sub> = 0 (the quadratic h(1 − δ) = 0), which stays accurate when θ<sup>crit</sup> is within
     * rounding of 1. It lies in the exact-α bracket n<sub>B</sub>/(α + n<sub>B</sub> + n<sub>D</sub>) ≤ δ ≤
     * n<sub>B</sub>/α. Empty exactly when {@link #thetaCrit()} is.
     */
    public OptionalDouble oneMinusThetaCrit() {
        if (!rootExists()) {
            return OptionalDouble.empty();
        }
        double a = alpha();
        double sum = a + nB + nD;
        double diff = a - nB;
        double disc = diff * diff + nD * (nD + 2 * a + 2 * nB);
        double delta = StableQuadratic.smallerRoot(a, -sum, nB, Math.sqrt(disc));
        return OptionalDouble.of(Math.min(1.0, delta));
    }

    @Override
    public String toString() {
        return "CriticalAlignment[thetaCrit=" + thetaCrit() + ", oneMinusThetaCrit=" + oneMinusThetaCrit() + "]";
    }
}
