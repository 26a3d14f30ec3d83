package org.alignscope.verify.claims;

import java.util.LinkedHashMap;
import java.util.Map;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.verify.Evaluation;
import org.alignscope.verify.Generator;
import org.alignscope.verify.Instance;
import org.alignscope.verify.MonteCarlo;
import org.alignscope.verify.MonteCarloChecker;

/**
 * Lemma 21: E[λ<sub>i</sub>²c<sub>i,t+1</sub>² | x<sub>t</sub>] = (1 − ηλ<sub>i</sub>)²λ<sub>i</sub>²c<sub>i,t</sub>² +
 * η²λ<sub>i</sub>²κ<sub>i</sub>², per coordinate and summed over each block.
 */
public final class Lemma21 extends MonteCarloChecker {
    public Lemma21() {
        this(1);
    }

    /** @param factor the noise term η²λ²κ² is multiplied by it (1 as printed) */
    public Lemma21(double factor) {
        super(factor);
    }

    @Override
    public String id() {
        return "lemma21";
    }

    @Override
    public String statement() {
        return "E[lambda_i^2 c_{i,t+1}^2 | x_t] = (1 - eta lambda_i)^2 lambda_i^2 c_{i,t}^2 + eta^2 lambda_i^2 kappa_i^2, "
                + "hence E[s^S_{t+1} | x_t] = s^S_t - 2 eta sum_S lambda^3 c^2 + eta^2 (sum_S lambda^4 c^2 + e_S).";
    }

    @Override
    public String method() {
        return "Random landscapes and states (d <= 60, five shapes, isotropic/diagonal/full noise), eta log-uniform on "
                + "[0.01, 3]/lambda_1; Monte Carlo over the draws of zeta = U^T xi at the fixed x_t; every coordinate and both "
                + "block sums compared with the formula. Margin 1 - |MC - formula|/(5 SE).";
    }

    @Override
    protected Instance prepare(Instance inst, RandomStream rng) {
        return inst.with("eta", Generator.logUniform(rng, 0.01, 3) / inst.lambda()[0]);
    }

    @Override
    public Evaluation evaluate(Instance inst) {
        int d = inst.d();
        int k = inst.k();
        double eta = inst.param("eta");
        double[] l = inst.lambda();
        double[] c = inst.c();
        double[] ks = inst.kappaSq();
        MonteCarlo.Mean[] coord = new MonteCarlo.Mean[d];
        for (int i = 0; i < d; i++) {
            coord[i] = new MonteCarlo.Mean();
        }
        MonteCarlo.Mean dom = new MonteCarlo.Mean();
        MonteCarlo.Mean bulk = new MonteCarlo.Mean();
        RandomStream r = stream(inst);
        double[] z = new double[d];
        double[] zeta = new double[d];
        int draws = (int) inst.param("draws");
        for (int n = 0; n < draws; n++) {
            MonteCarlo.noise(inst, r, z, zeta);
            double sd = 0;
            double sb = 0;
            for (int i = 0; i < d; i++) {
                double next = (1 - eta * l[i]) * c[i] - eta * zeta[i];
                double v = l[i] * l[i] * next * next;
                coord[i].add(v);
                if (i < k) {
                    sd += v;
                } else {
                    sb += v;
                }
            }
            dom.add(sd);
            bulk.add(sb);
        }
        Evaluation worst = null;
        double fd = 0;
        double fb = 0;
        int worstIndex = -1;
        for (int i = 0; i < d; i++) {
            double a = 1 - eta * l[i];
            double f = a * a * l[i] * l[i] * c[i] * c[i] + factor * eta * eta * l[i] * l[i] * ks[i];
            if (i < k) {
                fd += f;
            } else {
                fb += f;
            }
            Evaluation e = MonteCarlo.identity(coord[i].mean(), coord[i].se(), f, new LinkedHashMap<>());
            if (worst == null || e.margin() < worst.margin()) {
                worst = e;
                worstIndex = i;
            }
        }
        Evaluation ed = MonteCarlo.identity(dom.mean(), dom.se(), fd, new LinkedHashMap<>());
        Evaluation eb = MonteCarlo.identity(bulk.mean(), bulk.se(), fb, new LinkedHashMap<>());
        Map<String, Object> q = new LinkedHashMap<>(worse(worse(worst, ed), eb).quantities());
        String where = worse(worse(worst, ed), eb) == worst ? "coordinate " + worstIndex
                : (worse(ed, eb) == ed ? "block D sum" : "block B sum");
        q.put("worst_comparison", where);
        q.put("eta", eta);
        Evaluation w = worse(worse(worst, ed), eb);
        return new Evaluation(w.left(), w.right(), w.margin(), w.status(), q);
    }
}
