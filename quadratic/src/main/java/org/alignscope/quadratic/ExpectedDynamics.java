package org.alignscope.quadratic;

import org.alignscope.theory.Alignment;
import org.alignscope.theory.ConstantStepTheory;

/**
 * The exact expected dynamics of the model from a fixed x_0: the second moments m_{i,t} = E[c_{i,t}²] follow
 * Lemma 21 in expectation,
 * <pre>  m_{i,t+1} = (1 − η_t w_S λ_i)² m_{i,t} + η_t² w_S² κ_i²,   m_{i,0} = c_{i,0}²,</pre>
 * whose solution for a constant step and w_S = 1 is Lemma 26: m_{i,t} = (1−ηλ_i)^{2t}(c_{i,0}² − β_i) + β_i.
 * From them: the expected loss E L(x_t) = ½ Σ λ_i m_{i,t} (exact) and the deterministic limit curve
 * θ̄_t = Σ_D λ_i² m_{i,t} / Σ_i λ_i² m_{i,t} of Theorem 15 (the d → ∞ limit of E θ_t, Lemmas 25, 27, 28).
 */
public record ExpectedDynamics(double[] expectedLoss, double[] limitTheta) {

    /** Iterates the recursion for every step of {@code run}, O(d) per step, from that run's c_0. */
    public static ExpectedDynamics of(QuadraticRun run) {
        return of(run, run.steps());
    }

    /** The same for the first {@code horizon} steps only. */
    public static ExpectedDynamics of(QuadraticRun run, long horizon) {
        Spectrum spectrum = run.spectrum();
        int d = spectrum.dimension();
        int k = spectrum.k();
        double[] lambda = spectrum.lambda();
        double[] kappaSq = run.noise().kappaSq(d);
        double[] m = run.init().coordinates(d, run.seed());
        for (int i = 0; i < d; i++) {
            m[i] *= m[i];
        }
        int steps = (int) Math.min(horizon, run.steps());
        double[] loss = new double[steps + 1];
        double[] theta = new double[steps + 1];
        for (int t = 0; t <= steps; t++) {
            if (t > 0) {
                double eta = run.schedule().eta(t - 1L);
                for (int i = 0; i < d; i++) {
                    double h = eta * (i < k ? run.projection().dominant() : run.projection().bulk());
                    m[i] = ConstantStepTheory.nextSecondMoment(m[i], h, lambda[i], kappaSq[i]);
                }
            }
            double l = 0;
            double sD = 0;
            double s = 0;
            for (int i = 0; i < d; i++) {
                double q = lambda[i] * m[i];
                l += q;
                s += lambda[i] * q;
                if (i < k) {
                    sD += lambda[i] * q;
                }
            }
            loss[t] = 0.5 * l;
            theta[t] = Alignment.theta(sD, s);
        }
        return new ExpectedDynamics(loss, theta);
    }
}
