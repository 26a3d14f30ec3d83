package org.alignscope.verify.claims;

import java.util.LinkedHashMap;
import java.util.Map;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.theory.CriticalStep;
import org.alignscope.theory.SignCase;
import org.alignscope.verify.Evaluation;
import org.alignscope.verify.Instance;
import org.alignscope.verify.MonteCarlo;
import org.alignscope.verify.MonteCarloChecker;

/**
 * Lemma 22: E[f<sub>t</sub>(η) | x<sub>t</sub>] = p<sub>t</sub>η² + q<sub>t</sub>η with f<sub>t</sub> =
 * s<sup>B</sup><sub>t</sub>s<sup>D</sup><sub>t+1</sub> − s<sup>B</sup><sub>t+1</sub>s<sup>D</sup><sub>t</sub> (eq. 12) and
 * p, q of eqs. 20–21, on a grid of steps around η*; and q<sub>t</sub> ≤ 2s<sup>B</sup>s<sup>D</sup>(λ<sub>k+1</sub> −
 * λ<sub>k</sub>) &lt; 0 (eq. 20), checked on the same states.
 */
public final class Lemma22 extends MonteCarloChecker {
    private static final double[] STEPS = {0.5, 0.9, 1.1, 2};

    public Lemma22() {
        this(1);
    }

    /** @param factor p is multiplied by it (1 as printed) */
    public Lemma22(double factor) {
        super(factor);
    }

    @Override
    public String id() {
        return "lemma22";
    }

    @Override
    public String statement() {
        return "E[f_t(eta) | x_t] = p_t eta^2 + q_t eta, f_t = s^B_t s^D_{t+1} - s^B_{t+1} s^D_t, with q_t <= 2 s^B s^D (lambda_{k+1} - lambda_k) < 0 "
                + "(eq. 20) and p_t of eq. 21; for p_t > 0 the sign changes at eta*_t = -q_t/p_t (eq. 2).";
    }

    @Override
    public String method() {
        return "Random landscapes and states (d <= 60, five shapes, three noise kinds); eta/eta* in {0.5, 0.9, 1.1, 2} when "
                + "p > 0, else eta lambda_1 in {0.5, 0.9, 1.1, 2}; Monte Carlo mean of f against p eta^2 + q eta "
                + "(margin 1 - |MC - formula|/(5 SE)), and the bound on q (relative margin).";
    }

    @Override
    public Evaluation evaluate(Instance inst) {
        int d = inst.d();
        int k = inst.k();
        double[] l = inst.lambda();
        double[] c = inst.c();
        CriticalStep cs = CriticalStep.of(inst.state());
        double sD = inst.state().dom().s();
        double sB = inst.state().bulk().s();
        double unit = cs.signCase() == SignCase.CRITICAL ? cs.etaStar() : 1 / l[0];
        double[] etas = new double[STEPS.length];
        MonteCarlo.Mean[] means = new MonteCarlo.Mean[STEPS.length];
        for (int j = 0; j < etas.length; j++) {
            etas[j] = STEPS[j] * unit;
            means[j] = new MonteCarlo.Mean();
        }
        RandomStream r = stream(inst);
        double[] z = new double[d];
        double[] zeta = new double[d];
        int draws = (int) inst.param("draws");
        for (int n = 0; n < draws; n++) {
            MonteCarlo.noise(inst, r, z, zeta);
            for (int j = 0; j < etas.length; j++) {
                double eta = etas[j];
                double nd = 0;
                double nb = 0;
                for (int i = 0; i < d; i++) {
                    double next = (1 - eta * l[i]) * c[i] - eta * zeta[i];
                    double v = l[i] * l[i] * next * next;
                    if (i < k) {
                        nd += v;
                    } else {
                        nb += v;
                    }
                }
                means[j].add(sB * nd - nb * sD);
            }
        }
        Evaluation worst = null;
        int worstJ = -1;
        for (int j = 0; j < etas.length; j++) {
            double formula = factor * cs.p() * etas[j] * etas[j] + cs.q() * etas[j];
            Evaluation e = MonteCarlo.identity(means[j].mean(), means[j].se(), formula, new LinkedHashMap<>());
            if (worst == null || e.margin() < worst.margin()) {
                worst = e;
                worstJ = j;
            }
        }
        double qBound = 2 * sB * sD * (l[k] - l[k - 1]);
        double qMargin = Evaluation.margin(cs.q(), qBound);
        Map<String, Object> q = new LinkedHashMap<>(worst.quantities());
        q.put("p", cs.p());
        q.put("q", cs.q());
        q.put("eta_star", cs.etaStar());
        q.put("worst_eta", etas[worstJ]);
        q.put("q_bound", qBound);
        q.put("q_bound_margin", qMargin);
        if (qMargin < worst.margin() && qMargin < -1e-9) {
            return new Evaluation(cs.q(), qBound, qMargin, org.alignscope.verify.Status.VIOLATED, q);
        }
        return new Evaluation(worst.left(), worst.right(), worst.margin(), worst.status(), q);
    }
}
