package org.alignscope.verify.claims;

import java.util.LinkedHashMap;
import java.util.Map;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.theory.CriticalAlignment;
import org.alignscope.verify.DeterministicChecker;
import org.alignscope.verify.Evaluation;
import org.alignscope.verify.Generator;
import org.alignscope.verify.Instance;
import org.alignscope.verify.Quantities;

/**
 * Theorem 11: θ<sup>crit</sup> ∈ (0, 1) exists and θ<sub>t</sub> &lt; θ<sup>crit</sup> ⟺ η<sup>loss</sup><sub>D</sub> &lt;
 * η<sup>loss</sup><sub>B</sub>, with sign(η<sup>loss</sup><sub>D</sub> − η<sup>loss</sup><sub>B</sub>) = sign(h(θ<sub>t</sub>)).
 */
public final class Thm11 extends DeterministicChecker {
    public Thm11() {
        this(1);
    }

    /** @param factor θ<sup>crit</sup> is replaced by 1 − (1 − θ<sup>crit</sup>)·factor (1 as printed) */
    public Thm11(double factor) {
        super(factor);
    }

    @Override
    public String id() {
        return "thm11";
    }

    @Override
    public String statement() {
        return "There is a unique theta^crit_t in (0,1), the root of h(theta) = alpha theta^2 + beta theta + gamma (eqs. 6-8), with "
                + "theta_t < theta^crit_t <=> eta^loss_D < eta^loss_B and theta_t > theta^crit_t <=> eta^loss_D > eta^loss_B; "
                + "sign(eta^loss_D - eta^loss_B) = sign(h(theta_t)).";
    }

    @Override
    public String method() {
        return "Random landscapes and states (five shapes, three noise kinds, theta swept over (0,1) and near 0 and 1); a third "
                + "of the states are placed at theta^crit (1 +- 1e-6) to probe the switch. Margin: the smallest of theta^crit, "
                + "1 - theta^crit, and the two sign agreements (theta^crit - theta vs eta^loss_B - eta^loss_D, and h(theta_t) vs "
                + "eta^loss_D - eta^loss_B), each as a signed relative size; exact re-check below 1e-6.";
    }

    @Override
    protected Instance draw(RandomStream r) {
        Instance inst = Generator.randomInstance(r, id());
        if (r.nextDouble() < 1.0 / 3) {
            double om = CriticalAlignment.of(inst.state()).oneMinusThetaCrit().orElse(Double.NaN);
            if (!(om > 0 && om < 1)) {
                return inst;
            }
            double s = inst.state().s();
            double target = 1 - om * (1 + (r.nextDouble() < 0.5 ? 1e-6 : -1e-6));
            if (om > 0.5) {
                target = (1 - om) * (1 + (r.nextDouble() < 0.5 ? 1e-6 : -1e-6));
            }
            return inst.withState(Generator.withTheta(inst.lambda(), inst.k(), inst.c(), target, s));
        }
        return inst;
    }

    private static double sgn(double x) {
        return Math.signum(x);
    }

    @Override
    protected Evaluation evaluate(Instance inst, Quantities q) {
        Map<String, Object> m = new LinkedHashMap<>();
        double delta = q.oneMinusThetaCrit() * factor;
        double thetaCrit = 1 - delta;
        double oneMinusTheta = q.sB() / q.s();
        double ld = q.etaLossD();
        double lb = q.etaLossB();
        double sh = q.sTimesH();
        m.put("theta", q.theta());
        m.put("theta_crit", thetaCrit);
        m.put("one_minus_theta_crit", delta);
        m.put("eta_loss_D", ld);
        m.put("eta_loss_B", lb);
        m.put("s_times_h_theta", sh);
        if (Double.isNaN(delta)) {
            return new Evaluation(Double.NaN, Double.NaN, -1, org.alignscope.verify.Status.VIOLATED, m);
        }
        // a = theta^crit - theta = (1 - theta) - (1 - theta^crit): positive iff theta < theta^crit
        double a = oneMinusTheta - delta;
        double aRel = a / Math.max(oneMinusTheta, delta);
        double b = lb - ld;
        double bRel = b / Math.max(ld, lb);
        double hScale = Math.abs(q.sD() * q.nB()) + Math.abs(q.sB() * q.nD()) + Math.abs(sh);
        double hRel = -sh / hScale;
        double existence = Math.min(thetaCrit, delta);
        double switchAgreement = sgn(aRel) * sgn(bRel) * Math.min(Math.abs(aRel), Math.abs(bRel));
        double signAgreement = sgn(hRel) * sgn(bRel) * Math.min(Math.abs(hRel), Math.abs(bRel));
        m.put("margin_existence", existence);
        m.put("margin_switch", switchAgreement);
        m.put("margin_sign_h", signAgreement);
        double margin = Math.min(existence, Math.min(switchAgreement, signAgreement));
        return new Evaluation(-margin, 0, margin, Evaluation.verdict(margin, TOL), m);
    }

}
