package org.alignscope.verify.claims;

import java.util.LinkedHashMap;
import java.util.Map;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.theory.BlockMoments;
import org.alignscope.theory.ProjectedLoss;
import org.alignscope.verify.Evaluation;
import org.alignscope.verify.Instance;
import org.alignscope.verify.MonteCarlo;
import org.alignscope.verify.MonteCarloChecker;

/**
 * Theorem 10: for DSGD and BSGD (the noise projected too), E[L(x<sub>t+1</sub>) − L(x<sub>t</sub>) | x<sub>t</sub>] =
 * −ηs<sup>S</sup> + ½η²(τ<sup>S</sup> + n<sup>loss</sup><sub>S</sub>), so the loss falls iff η &lt; η<sup>loss</sup><sub>S</sub>.
 * With {@code boxTypo} the informal box's Σλ⁴c² replaces τ<sup>S</sup> (a variant the check must reject).
 */
public final class Thm10 extends MonteCarloChecker {
    private static final double[] STEPS = {0.5, 1, 1.5};
    private final boolean boxTypo;

    public Thm10() {
        this(1, false);
    }

    /**
     * @param factor  the η² term is multiplied by it (1 as printed)
     * @param boxTypo use the informal box's λ⁴ in place of τ = Σλ³c²
     */
    public Thm10(double factor, boolean boxTypo) {
        super(factor);
        this.boxTypo = boxTypo;
    }

    @Override
    public String id() {
        return "thm10";
    }

    @Override
    public String statement() {
        return "For S in {D, B} (DSGD, BSGD): E[L(x_{t+1}) - L(x_t) | x_t] = -eta s^S_t + 1/2 eta^2 (tau^S_t + n^loss_S), "
                + "so E Delta L < 0 iff 0 < eta < eta^loss_S = 2 s^S_t/(tau^S_t + n^loss_S).";
    }

    @Override
    public String method() {
        return "Random landscapes and states (d <= 60, five shapes, three noise kinds); for each block, eta/eta^loss_S in "
                + "{0.5, 1, 1.5}; Monte Carlo mean of the loss change of one projected step against the formula "
                + "(margin 1 - |MC - formula|/(5 SE)). The informal box's lambda^4 variant is a test of the checker.";
    }

    @Override
    public Evaluation evaluate(Instance inst) {
        int d = inst.d();
        int k = inst.k();
        double[] l = inst.lambda();
        double[] c = inst.c();
        BlockMoments[] blocks = {inst.state().dom(), inst.state().bulk()};
        double[][] etas = new double[2][STEPS.length];
        MonteCarlo.Mean[][] means = new MonteCarlo.Mean[2][STEPS.length];
        for (int b = 0; b < 2; b++) {
            double unit = ProjectedLoss.etaLoss(blocks[b]);
            for (int j = 0; j < STEPS.length; j++) {
                etas[b][j] = STEPS[j] * unit;
                means[b][j] = new MonteCarlo.Mean();
            }
        }
        RandomStream r = stream(inst);
        double[] z = new double[d];
        double[] zeta = new double[d];
        int draws = (int) inst.param("draws");
        for (int n = 0; n < draws; n++) {
            MonteCarlo.noise(inst, r, z, zeta);
            for (int b = 0; b < 2; b++) {
                int from = b == 0 ? 0 : k;
                int to = b == 0 ? k : d;
                for (int j = 0; j < STEPS.length; j++) {
                    double eta = etas[b][j];
                    double dl = 0;
                    for (int i = from; i < to; i++) {
                        double next = c[i] - eta * (l[i] * c[i] + zeta[i]);
                        dl += 0.5 * l[i] * (next * next - c[i] * c[i]);
                    }
                    means[b][j].add(dl);
                }
            }
        }
        Evaluation worst = null;
        String where = "";
        for (int b = 0; b < 2; b++) {
            BlockMoments m = blocks[b];
            double curvature = (boxTypo ? m.u() : m.tau()) + m.nLoss();
            for (int j = 0; j < STEPS.length; j++) {
                double eta = etas[b][j];
                double formula = -eta * m.s() + factor * 0.5 * eta * eta * curvature;
                Evaluation e = MonteCarlo.identity(means[b][j].mean(), means[b][j].se(), formula, new LinkedHashMap<>());
                if (worst == null || e.margin() < worst.margin()) {
                    worst = e;
                    where = (b == 0 ? "DSGD" : "BSGD") + " eta = " + eta;
                }
            }
        }
        Map<String, Object> q = new LinkedHashMap<>(worst.quantities());
        q.put("worst_comparison", where);
        q.put("eta_loss_D", ProjectedLoss.etaLoss(blocks[0]));
        q.put("eta_loss_B", ProjectedLoss.etaLoss(blocks[1]));
        return new Evaluation(worst.left(), worst.right(), worst.margin(), worst.status(), q);
    }
}
