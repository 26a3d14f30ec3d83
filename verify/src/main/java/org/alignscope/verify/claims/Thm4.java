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

/**
 * Theorem 4 (large-alignment regime): θ<sub>t</sub> ≥ θ*<sub>t</sub> implies that the alignment falls in
 * expectation for every η &gt; 0. Its exact content at any d, and through Lemma 20 in the limit, is p<sub>t</sub> ≤ 0
 * (then E f = pη² + qη &lt; 0 for all η &gt; 0 since q &lt; 0); a finite instance replicated n times keeps θ, θ*
 * and the sign of p, so a finite-d counterexample is one in the limit too.
 */
public final class Thm4 extends DeterministicChecker {
    public Thm4() {
        this(1);
    }

    /** @param factor the threshold used is factor·θ* (1 as printed) */
    public Thm4(double factor) {
        super(factor);
    }

    @Override
    public String id() {
        return "thm4";
    }

    @Override
    public String statement() {
        return "There is theta*_t in (0,1), theta* = r0/(1+r0) with r0 the positive root of a r^2 + (a - m_aux - h) r - h = 0 "
                + "(a = s_min psi_B, h = s_max psi_D, m_aux = s_t (lambda_1^2 - lambda_d^2)), such that theta_t >= theta*_t "
                + "implies lim E[theta_{t+1} | x_t] < theta_t for every eta_t > 0.";
    }

    @Override
    public String method() {
        return "Random spectra (five shapes, d up to 200), isotropic, diagonal and full noise, ||Ax||^2 log-uniform on "
                + "[1e-8, 1e8]; theta drawn in [theta*, 1) (a quarter of the draws within 1e-6 relative of theta*; states within 1e-9 of it, where the hypothesis is undecidable in rounding, are not counted). Checked: p_t <= 0, "
                + "margin -p/(|s^B(u^D+e_D)| + |s^D(u^B+e_B)|); exact re-check below 1e-6.";
    }

    @Override
    protected Instance draw(RandomStream r) {
        Instance base = Generator.randomInstance(r, id());
        Landscape land = base.landscape();
        double s = Generator.logUniform(r, 1e-8, 1e8);
        double oneMinus = threshold(land, s, true);
        // a quarter of the draws just inside the boundary (1e-6 relative: well clear of the rounding of theta*)
        double theta = r.nextDouble() < 0.25 ? 1 - oneMinus * (1 - 1e-6) : 1 - oneMinus * r.nextDouble();
        if (!(theta > 0 && theta < 1)) {
            return null;
        }
        return base.withState(Generator.withTheta(base.lambda(), base.k(), base.c(), theta, s));
    }

    /** 1 − (the threshold used): 1 − factor·θ*(s). */
    private double threshold(Landscape land, double s, boolean oneMinus) {
        double t = factor == 1 ? land.thetaStar(s) : factor * land.thetaStar(s);
        double om = factor == 1 ? land.oneMinusThetaStar(s) : 1 - t;
        return oneMinus ? om : t;
    }

    @Override
    protected Evaluation evaluate(Instance inst, Quantities q) {
        Landscape land = inst.landscape();
        Map<String, Object> m = new LinkedHashMap<>();
        double s = q.s();
        double oneMinusTheta = q.sB() / s;
        double oneMinusStar = threshold(land, s, true);
        m.put("theta", q.theta());
        m.put("theta_star", threshold(land, s, false));
        m.put("one_minus_theta", oneMinusTheta);
        m.put("one_minus_theta_star", oneMinusStar);
        m.put("p", q.p());
        m.put("q", q.q());
        if (oneMinusTheta > oneMinusStar) {
            return Evaluation.notApplicable("theta < theta*", m);
        }
        if (oneMinusStar - oneMinusTheta <= 1e-9 * oneMinusStar) {
            // theta* is a closed form rounded to ~1e-15: whether theta >= theta* cannot be decided this close
            return Evaluation.notApplicable("theta within rounding of theta*: the hypothesis is undecidable", m);
        }
        double scale = q.pScale();
        return Evaluation.inequality(q.p() / scale, 0, TOL, m);
    }
}
