package org.alignscope.theory;

import java.util.Arrays;

/**
 * A quadratic landscape L(x) = ½xᵀAx with known Gaussian gradient noise ξ ~ N(0, Σ) (§3.2, Table 1), and the
 * state-independent quantities and bounds of §4 and §5 that follow from it.
 *
 * <p>Indices are 0-based: {@code lambda[0]} = λ<sub>1</sub>, {@code lambda[k-1]} = λ<sub>k</sub>, {@code lambda[k]} =
 * λ<sub>k+1</sub>, {@code lambda[d-1]} = λ<sub>d</sub>; D = [0, k) and B = [k, d).
 *
 * @param lambda  the eigenvalues of A, positive and sorted descending, with λ<sub>k</sub> &gt; λ<sub>k+1</sub>
 * @param k       the dominant dimension, in [1, d−1]
 * @param kappaSq κ<sub>i</sub>² = u<sub>i</sub>ᵀΣu<sub>i</sub>, the noise variance along each eigenvector
 * @param sMin    s<sub>min</sub> = λ<sub>min</sub>(Σ) (for diagonal noise, min κ²)
 * @param sMax    s<sub>max</sub> = λ<sub>max</sub>(Σ) (for diagonal noise, max κ²)
 */
public record Landscape(double[] lambda, int k, double[] kappaSq, double sMin, double sMax) {

    /**
     * Relative slack allowed when checking s<sub>min</sub> ≤ κ<sub>i</sub>² ≤ s<sub>max</sub> (a Rayleigh quotient
     * of Σ lies between its extreme eigenvalues), for Σ whose eigenvalues were computed numerically.
     */
    public static final double RAYLEIGH_SLACK = 1e-9;

    /**
     * Validates the landscape and copies the arrays. Each failure is an {@link IllegalArgumentException} whose
     * message names the field and the allowed range.
     */
    public Landscape {
        if (lambda == null) {
            throw new IllegalArgumentException("lambda must not be null");
        }
        int d = lambda.length;
        if (d < 2) {
            throw new IllegalArgumentException("lambda must have length d >= 2, got " + d);
        }
        Require.blockSplit(k, d);
        lambda = lambda.clone();
        for (int i = 0; i < d; i++) {
            if (!(lambda[i] > 0) || !Double.isFinite(lambda[i])) {
                throw new IllegalArgumentException("lambda[" + i + "] must be finite and > 0, got " + lambda[i]);
            }
            if (i > 0 && lambda[i] > lambda[i - 1]) {
                throw new IllegalArgumentException("lambda must be sorted descending: lambda[" + i + "] = " + lambda[i]
                        + " > lambda[" + (i - 1) + "] = " + lambda[i - 1]);
            }
        }
        if (!(lambda[k - 1] > lambda[k])) {
            throw new IllegalArgumentException("lambda must have a gap at k (gap1 = lambda_k - lambda_{k+1} > 0): lambda["
                    + (k - 1) + "] = " + lambda[k - 1] + " must be > lambda[" + k + "] = " + lambda[k]);
        }
        Require.length("kappaSq", kappaSq, d);
        kappaSq = kappaSq.clone();
        Require.nonNegativeEntries("kappaSq", kappaSq);
        Require.nonNegative("sMin", sMin);
        Require.nonNegative("sMax", sMax);
        if (sMin > sMax) {
            throw new IllegalArgumentException("sMin must lie in [0, sMax] = [0, " + sMax + "], got " + sMin);
        }
        double slack = RAYLEIGH_SLACK * sMax;
        for (int i = 0; i < d; i++) {
            if (kappaSq[i] < sMin - slack || kappaSq[i] > sMax + slack) {
                throw new IllegalArgumentException("kappaSq[" + i + "] must lie in [sMin, sMax] = [" + sMin + ", " + sMax
                        + "] (a Rayleigh quotient of Sigma), got " + kappaSq[i]);
            }
        }
    }

    /** A landscape with diagonal noise Σ = diag(κ²) in the eigenbasis: s<sub>min</sub> = min κ², s<sub>max</sub> = max κ². */
    public static Landscape withDiagonalNoise(double[] lambda, int k, double[] kappaSq) {
        if (kappaSq == null || kappaSq.length == 0) {
            throw new IllegalArgumentException("kappaSq must be non-empty");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : kappaSq) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new Landscape(lambda, k, kappaSq, lo, hi);
    }

    /** A landscape with isotropic noise Σ = σ²I. */
    public static Landscape withIsotropicNoise(double[] lambda, int k, double sigmaSq) {
        if (lambda == null) {
            throw new IllegalArgumentException("lambda must not be null");
        }
        double[] ks = new double[lambda.length];
        Arrays.fill(ks, sigmaSq);
        return new Landscape(lambda, k, ks, sigmaSq, sigmaSq);
    }

    /** A copy of the eigenvalues. */
    @Override
    public double[] lambda() {
        return lambda.clone();
    }

    /** A copy of the per-direction noise variances. */
    @Override
    public double[] kappaSq() {
        return kappaSq.clone();
    }

    /** The dimension d. */
    public int d() {
        return lambda.length;
    }

    /** λ<sub>i</sub> for the 0-based index i (λ<sub>i+1</sub> in the paper's numbering). */
    public double eigenvalue(int i) {
        return lambda[i];
    }

    /** κ<sub>i</sub>² for the 0-based index i. */
    public double kappaSq(int i) {
        return kappaSq[i];
    }

    /** The {@link AlignmentState} of the iterate with eigen-coordinates c. */
    public AlignmentState state(double[] c) {
        return AlignmentState.of(lambda, c, kappaSq, k);
    }

    private double lambdaK() {
        return lambda[k - 1];
    }

    private double lambdaK1() {
        return lambda[k];
    }

    private double lambda1() {
        return lambda[0];
    }

    private double lambdaLast() {
        return lambda[lambda.length - 1];
    }

    /** λ<sub>1</sub>² − λ<sub>d</sub>², written as (λ<sub>1</sub> − λ<sub>d</sub>)(λ<sub>1</sub> + λ<sub>d</sub>). */
    private double spreadSq() {
        return (lambda1() - lambdaLast()) * (lambda1() + lambdaLast());
    }

    private double sumPow(int from, int to, int power, boolean withNoise) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            double term = power == 1 ? lambda[i] : lambda[i] * lambda[i];
            sum += withNoise ? term * kappaSq[i] : term;
        }
        return sum;
    }

    /** ψ<sub>D</sub> = Σ<sub>i∈D</sub> λ<sub>i</sub>² (eq. 1). */
    public double psiD() {
        return sumPow(0, k, 2, false);
    }

    /** ψ<sub>B</sub> = Σ<sub>i∈B</sub> λ<sub>i</sub>² (eq. 1). */
    public double psiB() {
        return sumPow(k, d(), 2, false);
    }

    /** ρ = k/(d − k), the block proportion (Assumption 1). */
    public double rho() {
        return (double) k / (d() - k);
    }

    /** m = λ<sub>k</sub>/λ<sub>k+1</sub> &gt; 1, the ill-conditioning parameter (Theorems 5, 12, 13). */
    public double gapRatio() {
        return lambdaK() / lambdaK1();
    }

    /** gap1 = λ<sub>k</sub> − λ<sub>k+1</sub> &gt; 0 (eq. 1). */
    public double gap1() {
        return lambdaK() - lambdaK1();
    }

    /** gap2 = λ<sub>k</sub>² − λ<sub>k+1</sub>² &gt; 0 (eq. 1), computed as gap1·(λ<sub>k</sub> + λ<sub>k+1</sub>). */
    public double gap2() {
        return gap1() * (lambdaK() + lambdaK1());
    }

    /** e<sub>D</sub> = Σ<sub>i∈D</sub> λ<sub>i</sub>²κ<sub>i</sub>² (§3.2). */
    public double eD() {
        return sumPow(0, k, 2, true);
    }

    /** e<sub>B</sub> = Σ<sub>i∈B</sub> λ<sub>i</sub>²κ<sub>i</sub>² (§3.2). */
    public double eB() {
        return sumPow(k, d(), 2, true);
    }

    /** n<sup>loss</sup><sub>D</sub> = Σ<sub>i∈D</sub> λ<sub>i</sub>κ<sub>i</sub>² (eq. 5). */
    public double nLossD() {
        return sumPow(0, k, 1, true);
    }

    /** n<sup>loss</sup><sub>B</sub> = Σ<sub>i∈B</sub> λ<sub>i</sub>κ<sub>i</sub>² (eq. 5). */
    public double nLossB() {
        return sumPow(k, d(), 1, true);
    }

    /**
     * g<sub>gap</sub> = 1/(1 + (s<sub>max</sub>/s<sub>min</sub>)(1/ρ)(λ<sub>k+1</sub>/λ<sub>k</sub>)²) (Theorem 3):
     * θ ≤ g<sub>gap</sub> implies p &gt; 0. It is 0 when s<sub>min</sub> = 0 (the guarantee is then empty).
     */
    public double gGap() {
        if (sMin == 0) {
            return 0;
        }
        double r = lambdaK1() / lambdaK();
        return 1 / (1 + (sMax / sMin) * (r * r) / rho());
    }

    /**
     * g<sub>noise</sub> = (1 + s<sub>max</sub>ψ<sub>B</sub>/(s<sub>min</sub>ψ<sub>D</sub>))⁻¹ (proof of Theorem 3):
     * θ ≤ g<sub>noise</sub> implies p &gt; 0, and g<sub>gap</sub> ≤ g<sub>noise</sub>. It is 0 when s<sub>min</sub>
     * = 0.
     */
    public double gNoise() {
        if (sMin == 0) {
            return 0;
        }
        return 1 / (1 + (sMax * psiB()) / (sMin * psiD()));
    }

    /**
     * r<sub>0</sub>, the positive root of a r² + (a − m<sup>aux</sup> − h) r − h = 0 with a = s<sub>min</sub>ψ<sub>B</sub>,
     * h = s<sub>max</sub>ψ<sub>D</sub>, m<sup>aux</sup> = s(λ<sub>1</sub>² − λ<sub>d</sub>²) (Theorem 4); +∞ when a = 0.
     */
    private double r0(double s) {
        Require.nonNegative("s", s);
        double a = sMin * psiB();
        double h = sMax * psiD();
        if (a == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double b = a - s * spreadSq() - h;
        double sqrtDisc = Math.hypot(b, 2 * Math.sqrt(a * h));
        return StableQuadratic.largerRoot(a, b, -h, sqrtDisc);
    }

    /**
     * θ* = r<sub>0</sub>/(1 + r<sub>0</sub>) (Theorem 4), r<sub>0</sub> the positive root of
     * a r² + (a − m<sup>aux</sup> − h) r − h = 0, a = s<sub>min</sub>ψ<sub>B</sub>, h = s<sub>max</sub>ψ<sub>D</sub>,
     * m<sup>aux</sup> = s(λ<sub>1</sub>² − λ<sub>d</sub>²); the root is computed without cancellation. θ ≥ θ*
     * implies p ≤ 0. θ* depends on the state through s = ‖Ax‖². It is 1 when s<sub>min</sub> = 0 (no guarantee
     * below θ = 1).
     *
     * @param s s = ‖Ax<sub>t</sub>‖² ≥ 0
     */
    public double thetaStar(double s) {
        double r = r0(s);
        if (r == Double.POSITIVE_INFINITY) {
            return 1;
        }
        return r / (1 + r);
    }

    /** 1 − θ* = 1/(1 + r<sub>0</sub>), accurate when θ* is within rounding of 1 (Theorem 5's 1 − Θ(1/m²)). */
    public double oneMinusThetaStar(double s) {
        return 1 / (1 + r0(s));
    }

    /**
     * The regime of an iterate (§4 summary): {@link Regime#LOW} if θ ≤ g<sub>gap</sub>, else {@link Regime#HIGH}
     * if θ ≥ θ*(s), else {@link Regime#STABLE}. (Theorem 6: g<sub>gap</sub> &lt; θ*.)
     *
     * @param theta the alignment θ ∈ [0, 1]
     * @param s     s = ‖Ax‖² ≥ 0
     */
    public Regime regime(double theta, double s) {
        Require.unitInterval("theta", theta);
        if (theta <= gGap()) {
            return Regime.LOW;
        }
        if (theta >= thetaStar(s)) {
            return Regime.HIGH;
        }
        return Regime.STABLE;
    }

    /**
     * Theorem 7: η* ≥ 2gap1 / ((λ<sub>1</sub>² − λ<sub>d</sub>²) + s<sub>max</sub>ψ<sub>D</sub>/(λ<sub>d</sub>²‖x‖²θ))
     * when p &gt; 0. The bound is 0 when θ = 0 or ‖x‖ = 0 (and s<sub>max</sub> &gt; 0).
     *
     * @param theta    θ<sub>t</sub> ∈ [0, 1]
     * @param xNormSq  ‖x<sub>t</sub>‖² ≥ 0
     */
    public double thm7LowerBound(double theta, double xNormSq) {
        Require.unitInterval("theta", theta);
        Require.nonNegative("xNormSq", xNormSq);
        double last = lambdaLast();
        return thm7(sMax * psiD(), last * last * xNormSq * theta);
    }

    /**
     * The remark after Theorem 7: η* ≥ 2gap1 / ((λ<sub>1</sub>² − λ<sub>d</sub>²) + λ<sub>1</sub>²s<sub>max</sub>ψ<sub>D</sub>
     * /(λ<sub>k</sub>²λ<sub>d</sub>²‖P<sup>D</sup>x‖²)) when p &gt; 0.
     *
     * @param dominantNormSq ‖P<sup>D</sup>x<sub>t</sub>‖² ≥ 0
     */
    public double thm7LowerBoundDominant(double dominantNormSq) {
        Require.nonNegative("dominantNormSq", dominantNormSq);
        double l1 = lambda1();
        double lk = lambdaK();
        double last = lambdaLast();
        return thm7(l1 * l1 * sMax * psiD(), lk * lk * last * last * dominantNormSq);
    }

    /** 2gap1/((λ<sub>1</sub>² − λ<sub>d</sub>²) + num/den), with 0/0 read as 0 (no noise) and x/0 as +∞. */
    private double thm7(double num, double den) {
        double noiseTerm = num == 0 ? 0 : num / den;
        return 2 * gap1() / (spreadSq() + noiseTerm);
    }

    /**
     * The threshold e<sub>B</sub>/(e<sub>B</sub> + e<sub>D</sub>) of Theorem 8; 0 when there is no noise
     * (e<sub>B</sub> = e<sub>D</sub> = 0).
     */
    public double thm8Threshold() {
        double eb = eB();
        double total = eb + eD();
        return total == 0 ? 0 : eb / total;
    }

    /**
     * Whether Theorem 8's hypothesis θ ≥ e<sub>B</sub>/(e<sub>B</sub> + e<sub>D</sub>) holds, tested in the
     * division-free form θe<sub>D</sub> ≥ (1 − θ)e<sub>B</sub>.
     */
    public boolean thm8Applies(double theta) {
        Require.unitInterval("theta", theta);
        return theta * eD() >= (1 - theta) * eB();
    }

    /**
     * Theorem 8 as stated in the main text: η* ≤ (λ<sub>1</sub> − λ<sub>d</sub>)/(λ<sub>k</sub>λ<sub>1</sub> −
     * λ<sub>k+1</sub>λ<sub>d</sub>). Reported as printed; whether it holds is for a numerical check (the digest
     * expects it to fail).
     */
    public double thm8MainBound() {
        return (lambda1() - lambdaLast()) / (lambdaK() * lambda1() - lambdaK1() * lambdaLast());
    }

    /** Theorem 8 as restated in the appendix: 2(λ<sub>1</sub> − λ<sub>d</sub>)/(λ<sub>k</sub>λ<sub>1</sub> − λ<sub>k+1</sub>λ<sub>d</sub>). */
    public double thm8AppendixBound() {
        return 2 * thm8MainBound();
    }

    /** Corollary 9: η* ≤ 2/λ<sub>1</sub> under Theorem 8's hypothesis (as printed). */
    public double cor9Bound() {
        return 2 / lambda1();
    }

    /**
     * Theorem 13's lower bound on 1 − θ<sup>crit</sup>: n<sub>B</sub>/(sλ<sub>k+1</sub>(m − 1) + n<sub>B</sub> +
     * n<sub>D</sub>), with λ<sub>k+1</sub>(m − 1) = gap1. Reported as printed: the paper's derivation supports
     * only the upper bound (it needs α ≤ s·gap1, but α ≥ s·gap1).
     */
    public double thm13Lower(double s) {
        Require.nonNegative("s", s);
        double nb = nLossB();
        if (nb == 0) {
            return 0;
        }
        return nb / (s * gap1() + nb + nLossD());
    }

    /** Theorem 13's upper bound on 1 − θ<sup>crit</sup>: n<sub>B</sub>/(sλ<sub>k+1</sub>(m − 1)); +∞ when s = 0 &lt; n<sub>B</sub>. */
    public double thm13Upper(double s) {
        Require.nonNegative("s", s);
        double nb = nLossB();
        if (nb == 0) {
            return 0;
        }
        return nb / (s * gap1());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Landscape other && k == other.k && Arrays.equals(lambda, other.lambda)
                && Arrays.equals(kappaSq, other.kappaSq) && Double.compare(sMin, other.sMin) == 0
                && Double.compare(sMax, other.sMax) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Arrays.hashCode(lambda) + k) + Arrays.hashCode(kappaSq)) + Double.hashCode(sMin)
                + Double.hashCode(sMax);
    }

    @Override
    public String toString() {
        return "Landscape[d=" + d() + ", k=" + k + ", lambda_1=" + lambda1() + ", lambda_k=" + lambdaK()
                + ", lambda_{k+1}=" + lambdaK1() + ", lambda_d=" + lambdaLast() + ", sMin=" + sMin + ", sMax=" + sMax + "]";
    }
}
