package org.alignscope.monitor;

import static org.alignscope.monitor.Estimate.Format.num;

/**
 * The rule the dominant subspace rests on: the Davis–Kahan bound on the angles between the computed and the true
 * top-k eigenspace. For Ritz pairs (λ̃<sub>i</sub>, v<sub>i</sub>) with residuals r<sub>i</sub> = Hv<sub>i</sub> −
 * λ̃<sub>i</sub>v<sub>i</sub>, the sin Θ theorem (Davis and Kahan 1970, residual form) gives ‖sin Θ‖<sub>F</sub> ≤
 * ‖R<sub>k</sub>‖<sub>F</sub>/δ, R<sub>k</sub> = [r<sub>1</sub> … r<sub>k</sub>], δ the distance from
 * λ̃<sub>1</sub> … λ̃<sub>k</sub> to the eigenvalues λ<sub>k+1</sub>, λ<sub>k+2</sub>, … left out. With no eigenvalue
 * missed, λ<sub>k+1</sub> lies within ‖r<sub>k+1</sub>‖ of λ̃<sub>k+1</sub>, so δ ≥ λ̃<sub>k</sub> − λ̃<sub>k+1</sub> −
 * ‖r<sub>k+1</sub>‖ and
 * <pre>  sin Θ ≤ ‖R<sub>k</sub>‖<sub>F</sub> / (λ̃<sub>k</sub> − λ̃<sub>k+1</sub> − ‖r<sub>k+1</sub>‖)</pre>
 * (+∞ where that denominator is not positive): the residuals of all k + 1 pairs the split uses enter. The bound
 * also bounds the error of θ, since |θ̃ − θ| ≤ ‖P̃<sub>D</sub> − P<sub>D</sub>‖<sub>2</sub> = ‖sin Θ‖<sub>2</sub>.
 * A bound at most s asks ‖r<sub>i</sub>‖ ≤ s·(λ̃<sub>k</sub> − λ̃<sub>k+1</sub>) of each of the top k pairs (at s = 0.1:
 * ‖Hv − λv‖ ≤ (λ<sub>k</sub> − λ<sub>k+1</sub>)/10) and ‖r<sub>k+1</sub>‖ &lt; λ̃<sub>k</sub> − λ̃<sub>k+1</sub>.
 *
 * @param k            the dominant dimension
 * @param gap          λ̃<sub>k</sub> − λ̃<sub>k+1</sub>
 * @param residualNorm ‖R<sub>k</sub>‖<sub>F</sub>, the residuals of the top k pairs
 * @param nextResidual ‖r<sub>k+1</sub>‖
 */
record EigenGap(int k, double gap, double residualNorm, double nextResidual) {

    /** The rule at k for eigenvalues (descending) and their residuals, which hold at least k + 1 pairs. */
    static EigenGap of(double[] values, double[] residuals, int k) {
        double squares = 0;
        for (int i = 0; i < k; i++) {
            squares += residuals[i] * residuals[i];
        }
        return new EigenGap(k, values[k - 1] - values[k], Math.sqrt(squares), residuals[k]);
    }

    /** The Davis–Kahan bound on sin Θ of the dominant subspace; +∞ where the gap is not resolved. */
    double sinBound() {
        double delta = gap - nextResidual;
        return delta > 0 ? residualNorm / delta : Double.POSITIVE_INFINITY;
    }

    /** Whether the bound is at most {@code maxSin}. */
    boolean holds(double maxSin) {
        return sinBound() <= maxSin;
    }

    /**
     * The detail of an {@code unreliable-estimate} when the rule fails at {@code maxSin}, naming the gap:
     * {@code eigengap: lambda_10 - lambda_11 = 0.003100 < 20 * ||R||_F + ||r_11|| = 20 * 0.0008000 + 1.000e-05 ...}.
     */
    String describe(double maxSin) {
        String lk = "lambda_" + k;
        String lk1 = "lambda_" + (k + 1);
        return "eigengap: " + lk + " - " + lk1 + " = " + num(gap) + " < " + num(1 / maxSin) + " * ||R||_F + ||r_"
                + (k + 1) + "|| = " + num(1 / maxSin) + " * " + num(residualNorm) + " + " + num(nextResidual)
                + ", so the dominant subspace may be off by sin(angle) <= " + num(sinBound()) + " (Davis-Kahan: the"
                + " residuals of the top " + k + " pairs over the gap) and theta is uncertain by that much";
    }
}
