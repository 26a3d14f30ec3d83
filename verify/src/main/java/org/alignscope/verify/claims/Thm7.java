package org.alignscope.verify.claims;

import java.util.LinkedHashMap;
import java.util.Map;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.theory.CriticalStep;
import org.alignscope.theory.Landscape;
import org.alignscope.theory.SignCase;
import org.alignscope.verify.DeterministicChecker;
import org.alignscope.verify.Evaluation;
import org.alignscope.verify.Generator;
import org.alignscope.verify.Instance;
import org.alignscope.verify.Quantities;

/** Theorem 7 and its remark: two lower bounds on η*<sub>t</sub> when p<sub>t</sub> &gt; 0. */
public final class Thm7 extends DeterministicChecker {
    public Thm7() {
        this(1);
    }

    /** @param factor both bounds are multiplied by it (1 as printed) */
    public Thm7(double factor) {
        super(factor);
    }

    @Override
    public String id() {
        return "thm7";
    }

    @Override
    public String statement() {
        return "For any x_t (with p_t > 0): eta*_t >= 2 gap1 / ((lambda_1^2 - lambda_d^2) + s_max psi_D / (lambda_d^2 ||x_t||^2 theta_t)); "
                + "remark: eta*_t >= 2 gap1 / ((lambda_1^2 - lambda_d^2) + lambda_1^2 s_max psi_D / (lambda_k^2 lambda_d^2 ||P^D x_t||^2)).";
    }

    @Override
    public String method() {
        return "Random landscapes and states (five shapes, three noise kinds, theta swept over (0,1) and to within 1e-8 of "
                + "either end, ||Ax||^2 log-uniform on [1e-4, 1e4]); only states with p_t > 0 count. Left: the larger of the "
                + "two bounds; right: eta* (exact re-check below a 1e-6 margin).";
    }

    @Override
    protected Instance draw(RandomStream r) {
        Instance inst = Generator.randomInstance(r, id());
        return CriticalStep.of(inst.state()).signCase() == SignCase.CRITICAL ? inst : null;
    }

    @Override
    protected Evaluation evaluate(Instance inst, Quantities q) {
        Landscape land = inst.landscape();
        double[] c = inst.c();
        double xNormSq = 0;
        double domNormSq = 0;
        for (int i = 0; i < c.length; i++) {
            xNormSq += c[i] * c[i];
            if (i < inst.k()) {
                domNormSq += c[i] * c[i];
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        double star = q.etaStar();
        m.put("p", q.p());
        m.put("q", q.q());
        m.put("eta_star", star);
        if (q.signCase() != SignCase.CRITICAL) {
            return Evaluation.notApplicable("p <= 0: no critical step", m);
        }
        double b1 = factor * land.thm7LowerBound(q.theta(), xNormSq);
        double b2 = factor * land.thm7LowerBoundDominant(domNormSq);
        m.put("bound_theorem", b1);
        m.put("bound_remark", b2);
        return Evaluation.inequality(Math.max(b1, b2), star, TOL, m);
    }
}
