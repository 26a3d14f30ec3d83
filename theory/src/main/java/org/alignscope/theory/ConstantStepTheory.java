package org.alignscope.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Constant-step SGD x<sub>t+1</sub> = x<sub>t</sub> − η(Ax<sub>t</sub> + ξ<sub>t</sub>) from a deterministic
 * x<sub>0</sub>: the exact second moments (Lemma 26), their deterministic alignment θ̄<sub>t</sub> (Theorem 15), the
 * late-phase limit θ<sub>∞</sub> (Theorem 16), and the initial-decrease length t* with its Assumption 14.
 *
 * <p>Definitions (§6):
 * <pre>
 *   β_i = η κ_i² / (2λ_i − η λ_i²)                      (stationary second moment of c_i)
 *   ϱ_D = Σ_{i∈D} (c_{i,0}² − β_i)
 *   δ   = s_max ψ_D λ_1² / ( λ_d² λ_k² ( 2(λ_k − λ_{k+1})/η − (λ_1² − λ_d²) ) )
 * </pre>
 * Arrays {@code c0Sq} hold c<sub>i,0</sub>² = ⟨x<sub>0</sub>, u<sub>i</sub>⟩², length d, 0-based as in
 * {@link Landscape}.
 */
public final class ConstantStepTheory {
    private final Landscape landscape;
    private final double eta;

    /**
     * @param landscape the quadratic and its noise
     * @param eta       the constant step η &gt; 0 (any size: {@link #checkAssumption14} reports the bounds it breaks)
     */
    public ConstantStepTheory(Landscape landscape, double eta) {
        if (landscape == null) {
            throw new IllegalArgumentException("landscape must not be null");
        }
        this.landscape = landscape;
        this.eta = Require.positive("eta", eta);
    }

    /** Same as the constructor. */
    public static ConstantStepTheory of(Landscape landscape, double eta) {
        return new ConstantStepTheory(landscape, eta);
    }

    /** The landscape. */
    public Landscape landscape() {
        return landscape;
    }

    /** The step η. */
    public double eta() {
        return eta;
    }

    private int d() {
        return landscape.d();
    }

    private int k() {
        return landscape.k();
    }

    private double lambda(int i) {
        return landscape.eigenvalue(i);
    }

    /**
     * β<sub>i</sub> = ηκ<sub>i</sub>²/(2λ<sub>i</sub> − ηλ<sub>i</sub>²) (§6), the limit of E[c<sub>i,t</sub>²] as
     * t → ∞. It is {@code +∞} when ηλ<sub>i</sub> ≥ 2: the recursion then has no stationary second moment.
     *
     * @param i a 0-based eigen-index
     */
    public double beta(int i) {
        double l = lambda(i);
        double x = eta * l;
        if (x >= 2) {
            return Double.POSITIVE_INFINITY;
        }
        return eta * landscape.kappaSq(i) / (l * (2 - x));
    }

    private double sumBetaD() {
        double sum = 0;
        for (int i = 0; i < k(); i++) {
            sum += beta(i);
        }
        return sum;
    }

    /**
     * θ<sub>∞</sub> = Σ<sub>i∈D</sub>λ<sub>i</sub>²β<sub>i</sub> / Σ<sub>i</sub>λ<sub>i</sub>²β<sub>i</sub> (Theorem 16).
     *
     * @throws IllegalStateException when η ≥ 2/λ<sub>1</sub> (some β<sub>i</sub> is infinite: the second moments
     *                               diverge) or when Σλ²β = 0 (no noise: the limit is not given by this formula)
     */
    public double thetaInf() {
        double num = 0;
        double den = 0;
        for (int i = 0; i < d(); i++) {
            double l = lambda(i);
            double w = l * l * beta(i);
            if (i < k()) {
                num += w;
            }
            den += w;
        }
        if (!Double.isFinite(den)) {
            throw new IllegalStateException("thetaInf needs eta < 2/lambda_1 = " + (2 / lambda(0)) + ", got eta = " + eta
                    + " (the second moments diverge)");
        }
        if (den == 0) {
            throw new IllegalStateException("thetaInf is undefined without noise (sum of lambda^2 beta = 0)");
        }
        return Alignment.theta(num, den);
    }

    /**
     * The isotropic small-step approximation after Theorem 16: θ<sub>∞</sub> ≈ Σ<sub>i∈D</sub>λ<sub>i</sub> /
     * Σ<sub>i</sub>λ<sub>i</sub> (exact as η → 0 when κ<sub>i</sub>² is the same for all i). Independent of η and of
     * the noise.
     */
    public double thetaInfIsotropicSmallEta() {
        double num = 0;
        double den = 0;
        for (int i = 0; i < d(); i++) {
            if (i < k()) {
                num += lambda(i);
            }
            den += lambda(i);
        }
        return num / den;
    }

    /**
     * E[c<sub>i,t</sub>²] = (1 − ηλ<sub>i</sub>)<sup>2t</sup>(c<sub>i,0</sub>² − β<sub>i</sub>) + β<sub>i</sub> (Lemma 26),
     * evaluated as (1 − ηλ<sub>i</sub>)<sup>2t</sup>c<sub>i,0</sub>² + η²κ<sub>i</sub>²·(1 − (1 − ηλ<sub>i</sub>)<sup>2t</sup>)
     * /(1 − (1 − ηλ<sub>i</sub>)²) with {@code expm1}/{@code log1p}, which is the same value, stays accurate for
     * small ηλ<sub>i</sub>, and is valid for every η (for ηλ<sub>i</sub> = 2 it is c<sub>i,0</sub>² + η²κ<sub>i</sub>²t;
     * for ηλ<sub>i</sub> &gt; 2 it grows without bound, possibly to {@code +∞}).
     *
     * @param i    a 0-based eigen-index
     * @param c0Sq c<sub>i,0</sub>² ≥ 0
     * @param t    the step count t ≥ 0
     */
    public double expectedSquare(int i, double c0Sq, long t) {
        Require.nonNegative("c0Sq", c0Sq);
        if (t < 0) {
            throw new IllegalArgumentException("t must be >= 0, got " + t);
        }
        if (t == 0) {
            return c0Sq;
        }
        double l = lambda(i);
        double x = eta * l;
        double noise = eta * eta * landscape.kappaSq(i);
        if (x == 2) {
            return c0Sq + noise * t;
        }
        double logRhoSq;
        if (x < 1) {
            logRhoSq = 2 * Math.log1p(-x);
        } else if (x == 1) {
            logRhoSq = Double.NEGATIVE_INFINITY;
        } else {
            logRhoSq = 2 * Math.log(x - 1);
        }
        double exponent = t * logRhoSq;
        double decay = Math.exp(exponent);
        double geometric = -Math.expm1(exponent) / (x * (2 - x));
        double fromStart = c0Sq == 0 ? 0 : decay * c0Sq;
        double fromNoise = noise == 0 ? 0 : noise * geometric;
        return fromStart + fromNoise;
    }

    /**
     * E[c<sub>i,t+1</sub>² | c<sub>i,t</sub>] = (1 − ηλ<sub>i</sub>)²c<sub>i,t</sub>² + η²κ<sub>i</sub>² (Lemma 21),
     * the one-step recursion of the second moments for any step η (not only a constant one), computed as
     * a²m + η²κ² with a = 1 − ηλ; {@link #expectedSquare} is its solution for a constant step (Lemma 26).
     *
     * @param secondMoment E[c<sub>i,t</sub>²] (or c<sub>i,t</sub>² itself)
     * @param eta          the step η<sub>t</sub> applied to this coordinate
     * @param lambda       λ<sub>i</sub>
     * @param kappaSq      κ<sub>i</sub>²
     */
    public static double nextSecondMoment(double secondMoment, double eta, double lambda, double kappaSq) {
        double a = 1 - eta * lambda;
        return a * a * secondMoment + eta * eta * kappaSq;
    }

    /**
     * θ̄<sub>t</sub> = Σ<sub>i∈D</sub>λ<sub>i</sub>²E[c<sub>i,t</sub>²] / Σ<sub>i</sub>λ<sub>i</sub>²E[c<sub>i,t</sub>²],
     * the deterministic limit of E[θ<sub>t</sub>] (Theorem 15, Lemmas 25–28), with E[c²] from
     * {@link #expectedSquare}. It is 0 when every weighted moment is 0.
     *
     * @throws IllegalStateException when the moments overflow (η ≥ 2/λ<sub>1</sub> and t large)
     */
    public double limitTheta(double[] c0Sq, long t) {
        checkStart(c0Sq);
        double num = 0;
        double den = 0;
        for (int i = 0; i < d(); i++) {
            double l = lambda(i);
            double w = l * l * expectedSquare(i, c0Sq[i], t);
            if (i < k()) {
                num += w;
            }
            den += w;
        }
        if (!Double.isFinite(den)) {
            throw new IllegalStateException("second moments overflow at t = " + t + " (eta = " + eta
                    + " >= 2/lambda_1 = " + (2 / lambda(0)) + " makes them diverge)");
        }
        return Alignment.theta(num, den);
    }

    /** ϱ<sub>D</sub> = Σ<sub>i∈D</sub>(c<sub>i,0</sub>² − β<sub>i</sub>) (§6). */
    public double rhoD(double[] c0Sq) {
        checkStart(c0Sq);
        double sum = 0;
        for (int i = 0; i < k(); i++) {
            sum += c0Sq[i] - beta(i);
        }
        return sum;
    }

    /**
     * δ = s<sub>max</sub>ψ<sub>D</sub>λ<sub>1</sub>² / (λ<sub>d</sub>²λ<sub>k</sub>²(2(λ<sub>k</sub> − λ<sub>k+1</sub>)/η −
     * (λ<sub>1</sub>² − λ<sub>d</sub>²))) (§6). {@code +∞} when the bracket is ≤ 0, i.e. when the second step
     * bound of Assumption 14, η &lt; 2gap1/(λ<sub>1</sub>² − λ<sub>d</sub>²), fails.
     */
    public double delta() {
        double l1 = lambda(0);
        double lk = lambda(k() - 1);
        double ld = lambda(d() - 1);
        double bracket = 2 * landscape.gap1() / eta - (l1 - ld) * (l1 + ld);
        if (!(bracket > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        return landscape.sMax() * landscape.psiD() * l1 * l1 / (ld * ld * lk * lk * bracket);
    }

    /**
     * Checks Assumption 14 (Table 2) and the extra η &lt; 1/λ<sub>1</sub> that t* needs. Note that ϱ<sub>D</sub> &gt;
     * δ − Σ<sub>D</sub>β<sub>i</sub> is the same as Σ<sub>i∈D</sub>c<sub>i,0</sub>² &gt; δ.
     */
    public Assumption14 checkAssumption14(double[] c0Sq) {
        checkStart(c0Sq);
        List<String> paper = new ArrayList<>();
        double l1 = lambda(0);
        double ld = lambda(d() - 1);
        double stability = 2 / l1;
        if (!(eta < stability)) {
            paper.add("eta < 2/lambda_1 fails: eta = " + eta + " >= 2/lambda_1 = " + stability);
        }
        double gapBound = 2 * landscape.gap1() / ((l1 - ld) * (l1 + ld));
        if (!(eta < gapBound)) {
            paper.add("eta < 2(lambda_k - lambda_{k+1})/(lambda_1^2 - lambda_d^2) fails: eta = " + eta + " >= " + gapBound);
        }
        int failed = 0;
        int first = -1;
        for (int i = 0; i < k(); i++) {
            if (!(c0Sq[i] > beta(i))) {
                failed++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (failed > 0) {
            paper.add("c_{i,0}^2 > beta_i on D fails for " + failed + " of " + k() + " dominant coordinates (first: i = "
                    + first + ", c0^2 = " + c0Sq[first] + " <= beta = " + beta(first) + ")");
        }
        double rho = rhoD(c0Sq);
        double rhs = delta() - sumBetaD();
        if (!(rho > rhs)) {
            paper.add("rho_D > delta - sum_D beta fails: rho_D = " + rho + " <= delta - sum_D beta = " + rhs);
        }
        List<String> extra = new ArrayList<>();
        double logBound = 1 / l1;
        if (!(eta < logBound)) {
            extra.add("eta < 1/lambda_1 (needed for log(1 - eta lambda_1) in t*) fails: eta = " + eta
                    + " >= 1/lambda_1 = " + logBound);
        }
        return new Assumption14(paper, extra);
    }

    /**
     * t* = ⌊log(ϱ<sub>D</sub>/(δ − Σ<sub>i∈D</sub>β<sub>i</sub>)) / (−2 log(1 − ηλ<sub>1</sub>))⌋ (Theorem 15): the
     * deterministic alignment θ̄ decreases for t ∈ {0, …, t* − 1}. Empty when {@link #checkAssumption14} fails
     * (including the extra η &lt; 1/λ<sub>1</sub>), and when δ ≤ Σ<sub>D</sub>β<sub>i</sub>: the log is then
     * undefined because the proof's condition (1 − ηλ<sub>1</sub>)<sup>2t</sup>ϱ<sub>D</sub> + Σ<sub>D</sub>β<sub>i</sub>
     * &gt; δ holds for every t, and the theorem gives no finite t*. Saturates at {@link Long#MAX_VALUE}.
     */
    public OptionalLong tStar(double[] c0Sq) {
        if (!checkAssumption14(c0Sq).holds()) {
            return OptionalLong.empty();
        }
        double denomInLog = delta() - sumBetaD();
        if (!(denomInLog > 0)) {
            return OptionalLong.empty();
        }
        double ratio = rhoD(c0Sq) / denomInLog;
        double perStep = -2 * Math.log1p(-eta * lambda(0));
        double value = Math.floor(Math.log(ratio) / perStep);
        if (!(value >= 0)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) value);
    }

    private void checkStart(double[] c0Sq) {
        Require.length("c0Sq", c0Sq, d());
        Require.nonNegativeEntries("c0Sq", c0Sq);
    }
}
