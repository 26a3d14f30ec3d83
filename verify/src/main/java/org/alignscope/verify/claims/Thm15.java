package org.alignscope.verify.claims;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.theory.Alignment;
import org.alignscope.theory.ConstantStepTheory;
import org.alignscope.theory.Landscape;
import org.alignscope.verify.DeterministicChecker;
import org.alignscope.verify.Evaluation;
import org.alignscope.verify.Generator;
import org.alignscope.verify.Instance;
import org.alignscope.verify.Quantities;

/**
 * Theorem 15 (initial decrease phase): under Assumption 14, lim<sub>d</sub> E θ<sub>t+1</sub> &lt; lim<sub>d</sub> E θ<sub>t</sub>
 * for t &lt; t*. The d → ∞ limit is the deterministic curve θ̄<sub>t</sub> = Σ<sub>D</sub>λ²m<sub>t</sub>/Σλ²m<sub>t</sub>
 * with m<sub>i,t</sub> = E c<sub>i,t</sub>² from Lemma 26 (exact at every d; Lemmas 25, 27, 28 give the limit), and a
 * family replicated n times has the same θ̄, t*, ϱ<sub>D</sub>/(δ − Σ<sub>D</sub>β) and Assumption 14 at every d,
 * so the limit curve is computed once per family, exactly, with no finite-d effect to trend away.
 */
public final class Thm15 extends DeterministicChecker {
    /** At most this many steps of the decrease phase are checked per family. */
    static final int HORIZON_CAP = 2000;

    public Thm15() {
        this(1);
    }

    /** @param factor the checked horizon is factor·t* (1 as printed) */
    public Thm15(double factor) {
        super(factor);
    }

    @Override
    public String id() {
        return "thm15";
    }

    @Override
    public String statement() {
        return "Under Assumptions 1 and 14, with t* = floor(log(rho_D/(delta - sum_D beta_i)) / (-2 log(1 - eta lambda_1))): "
                + "for all t in {0, ..., t*-1}, lim_d E[theta_{t+1}] < lim_d E[theta_t].";
    }

    @Override
    public String method() {
        return "Random base landscapes (d0 <= 30, five shapes, isotropic or diagonal noise), eta a random fraction (0.05 to 0.9) "
                + "of min(2/lambda_1, 2 gap1/(lambda_1^2 - lambda_d^2), 1/lambda_1), and a 'large' x_0: c_{i,0}^2 >= 2 beta_i on D "
                + "and sum_D c^2 = delta x U(2, 1e4); kept only when Assumption 14 holds and t* >= 1. The limit curve "
                + "theta-bar_t of Lemma 26 is checked to decrease at every t < min(t*, 2000); margin min_t "
                + "(theta-bar_t - theta-bar_{t+1})/theta-bar_t.";
    }

    @Override
    protected Instance draw(RandomStream r) {
        int d = 2 + r.nextInt(29);
        int k = 1 + r.nextInt(d - 1);
        Generator.Shape shape = Generator.Shape.random(r);
        double[] lambda = Generator.spectrum(r, shape, d, k, Generator.gapRatio(r));
        Generator.Noise n = Generator.noise(r, d, r.nextDouble() < 0.5 ? Generator.NoiseKind.ISOTROPIC : Generator.NoiseKind.DIAGONAL);
        Landscape land = new Landscape(lambda, k, n.kappaSq(), n.sMin(), n.sMax());
        double l1 = lambda[0];
        double ld = lambda[d - 1];
        double limit = Math.min(1 / l1, 2 * land.gap1() / ((l1 - ld) * (l1 + ld)));
        double eta = limit * (0.05 + 0.85 * r.nextDouble());
        ConstantStepTheory th = new ConstantStepTheory(land, eta);
        double delta = th.delta();
        if (!Double.isFinite(delta)) {
            return null;
        }
        double[] c = new double[d];
        r.fillGaussian(c, 0, d);
        double sumD = 0;
        for (int i = 0; i < k; i++) {
            sumD += c[i] * c[i];
        }
        double scale = Math.sqrt(delta * Generator.logUniform(r, 2, 1e4) / sumD);
        for (int i = 0; i < d; i++) {
            c[i] *= scale;
            if (i < k && c[i] * c[i] < 2 * th.beta(i)) {
                c[i] = Math.sqrt(2 * th.beta(i)) * (c[i] < 0 ? -1 : 1);
            }
        }
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("eta", eta);
        Instance inst = new Instance(id(), shape.name().toLowerCase(java.util.Locale.ROOT), lambda, k, n.kappaSq(), n.sMin(),
                n.sMax(), null, c, p, null);
        OptionalLong ts = th.tStar(squares(c));
        return ts.isPresent() && ts.getAsLong() >= 1 ? inst : null;
    }

    static double[] squares(double[] c) {
        double[] out = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            out[i] = c[i] * c[i];
        }
        return out;
    }

    @Override
    public Evaluation evaluate(Instance inst) {
        return evaluate(inst, null);
    }

    @Override
    protected Evaluation evaluate(Instance inst, Quantities unused) {
        Landscape land = inst.landscape();
        double eta = inst.param("eta");
        ConstantStepTheory th = new ConstantStepTheory(land, eta);
        double[] c0Sq = squares(inst.c());
        Map<String, Object> q = new LinkedHashMap<>();
        var a14 = th.checkAssumption14(c0Sq);
        q.put("assumption14", a14.holds() ? "holds" : String.join("; ", a14.violations()));
        OptionalLong ts = th.tStar(c0Sq);
        if (!a14.holds() || ts.isEmpty()) {
            return Evaluation.notApplicable("Assumption 14 fails or t* undefined", q);
        }
        long tStar = ts.getAsLong();
        long horizon = Math.min(HORIZON_CAP, (long) Math.floor(tStar * factor));
        q.put("t_star", (double) tStar);
        q.put("steps_checked", (double) horizon);
        q.put("rho_D", th.rhoD(c0Sq));
        q.put("delta", th.delta());
        int d = inst.d();
        int k = inst.k();
        double[] l = inst.lambda();
        double[] ks = inst.kappaSq();
        double[] m = c0Sq.clone();
        double[] prev = limitTheta(l, m, k);
        double worst = Double.POSITIVE_INFINITY;
        long worstT = -1;
        double worstLeft = 0;
        double worstRight = 0;
        for (long t = 0; t < horizon; t++) {
            for (int i = 0; i < d; i++) {
                m[i] = ConstantStepTheory.nextSecondMoment(m[i], eta, l[i], ks[i]);
            }
            double[] next = limitTheta(l, m, k);
            // theta-bar_t - theta-bar_{t+1} = (1 - theta-bar_{t+1}) - (1 - theta-bar_t), accurate when theta-bar is near 1
            double margin = (next[1] - prev[1]) / prev[0];
            if (margin < worst) {
                worst = margin;
                worstT = t;
                worstLeft = next[0];
                worstRight = prev[0];
            }
            prev = next;
        }
        q.put("worst_t", (double) worstT);
        q.put("theta_bar_t", worstRight);
        q.put("theta_bar_t_plus_1", worstLeft);
        return new Evaluation(worstLeft, worstRight, worst, Evaluation.verdict(worst, TOL), q);
    }

    /** θ̄ and 1 − θ̄ (each from its own block sum, so that both are accurate). */
    private static double[] limitTheta(double[] l, double[] m, int k) {
        double num = 0;
        double bulk = 0;
        for (int i = 0; i < l.length; i++) {
            double w = l[i] * l[i] * m[i];
            if (i < k) {
                num += w;
            } else {
                bulk += w;
            }
        }
        double den = num + bulk;
        return new double[] {Alignment.theta(num, den), bulk / den};
    }
}
