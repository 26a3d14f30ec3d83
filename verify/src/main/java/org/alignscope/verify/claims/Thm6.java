package org.alignscope.verify.claims;

import java.util.LinkedHashMap;
import java.util.Map;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.theory.Landscape;
import org.alignscope.verify.DeterministicChecker;
import org.alignscope.verify.Evaluation;
import org.alignscope.verify.Generator;
import org.alignscope.verify.Instance;
import org.alignscope.verify.Quantities;

/** Theorem 6 (separation of the regimes): g<sub>gap</sub> &lt; θ*<sub>t</sub>. */
public final class Thm6 extends DeterministicChecker {
    public Thm6() {
        this(1);
    }

    /** @param factor the right side used is factor·θ* (1 as printed) */
    public Thm6(double factor) {
        super(factor);
    }

    @Override
    public String id() {
        return "thm6";
    }

    @Override
    public String statement() {
        return "If gap2 > 0 and s_max < inf, then g_gap < theta*_t, with g_gap = 1/(1 + (s_max/s_min)(1/rho)(lambda_{k+1}/lambda_k)^2).";
    }

    @Override
    public String method() {
        return "Random landscapes (five shapes, isotropic/diagonal/full noise), the state entering only through s = ||Ax||^2 > 0, "
                + "log-uniform on [1e-8, 1e8] (theta* decreases to its infimum as s -> 0; at x_t = 0 itself a two-level spectrum "
                + "with isotropic noise gives g_gap = theta* exactly). "
                + "Margin (theta* - g_gap)/theta*, computed from 1 - g_gap and 1 - theta* (no cancellation near 1).";
    }

    @Override
    protected Instance draw(RandomStream r) {
        Instance base = Generator.randomInstance(r, id());
        double s = Generator.logUniform(r, 1e-8, 1e8);
        return base.with("s", s);
    }

    @Override
    public Evaluation evaluate(Instance inst) {
        return evaluate(inst, null);
    }

    @Override
    protected Evaluation evaluate(Instance inst, Quantities unused) {
        Landscape land = inst.landscape();
        double s = inst.param("s");
        double gGap = land.gGap();
        double r = land.eigenvalue(land.k()) / land.eigenvalue(land.k() - 1);
        double x = (land.sMax() / land.sMin()) * r * r / land.rho();
        double oneMinusGap = x / (1 + x);
        double star = land.thetaStar(s);
        double oneMinusStar = land.oneMinusThetaStar(s);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", s);
        m.put("g_gap", gGap);
        m.put("theta_star", star);
        m.put("one_minus_g_gap", oneMinusGap);
        m.put("one_minus_theta_star", oneMinusStar);
        if (factor == 1) {
            double margin = (oneMinusGap - oneMinusStar) / star;
            return new Evaluation(gGap, star, margin, Evaluation.verdict(margin, TOL), m);
        }
        return Evaluation.inequality(gGap, factor * star, TOL, m);
    }
}
