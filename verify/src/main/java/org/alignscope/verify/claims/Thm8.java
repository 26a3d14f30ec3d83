package org.alignscope.verify.claims;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.theory.CriticalStep;
import org.alignscope.theory.Landscape;
import org.alignscope.theory.SignCase;
import org.alignscope.verify.ClaimChecker;
import org.alignscope.verify.DeterministicChecker;
import org.alignscope.verify.Evaluation;
import org.alignscope.verify.Generator;
import org.alignscope.verify.Instance;
import org.alignscope.verify.Quantities;

/**
 * Theorem 8 and Corollary 9: upper bounds on η*<sub>t</sub> under θ<sub>t</sub> ≥ e<sub>B</sub>/(e<sub>B</sub> +
 * e<sub>D</sub>), in the paper's three printed forms, and the corrected statement derived from the same proof
 * steps: if θ<sub>t</sub> ≤ e<sub>D</sub>/(e<sub>B</sub> + e<sub>D</sub>) (i.e. s<sup>B</sup>e<sub>D</sub> ≥
 * s<sup>D</sup>e<sub>B</sub>, which makes the noise part of p non-negative), then η*<sub>t</sub> ≤ 2(λ<sub>1</sub> −
 * λ<sub>d</sub>)/(λ<sub>k</sub>² − λ<sub>k+1</sub>²), because −q ≤ 2s<sup>B</sup>s<sup>D</sup>(λ<sub>1</sub> −
 * λ<sub>d</sub>) and p ≥ s<sup>B</sup>s<sup>D</sup>(λ<sub>k</sub>² − λ<sub>k+1</sub>²).
 */
public final class Thm8 extends DeterministicChecker {
    /** Which printed form. */
    public enum Form {
        MAIN("thm8-main", "If theta_t >= e_B/(e_B+e_D), then eta*_t <= (lambda_1 - lambda_d)/(lambda_k lambda_1 - lambda_{k+1} lambda_d) (main text)."),
        APPENDIX("thm8-appendix", "If theta_t >= e_B/(e_B+e_D), then eta*_t <= 2(lambda_1 - lambda_d)/(lambda_k lambda_1 - lambda_{k+1} lambda_d) (appendix restatement)."),
        COR9("cor9", "Under the conditions of Theorem 8, eta*_t <= 2/lambda_1."),
        CORRECTED("thm8-corrected", "If theta_t <= e_D/(e_B+e_D) (s^B e_D >= s^D e_B) and p_t > 0, then eta*_t <= 2(lambda_1 - lambda_d)/(lambda_k^2 - lambda_{k+1}^2).");

        final String id;
        final String statement;

        Form(String id, String statement) {
            this.id = id;
            this.statement = statement;
        }
    }

    private final Form form;

    public Thm8(Form form) {
        this(form, 1);
    }

    /** @param factor the bound is multiplied by it (1 as printed) */
    public Thm8(Form form, double factor) {
        super(factor);
        this.form = form;
    }

    @Override
    public String id() {
        return form.id;
    }

    @Override
    public String statement() {
        return form.statement;
    }

    @Override
    public String method() {
        return "Random landscapes and states (five shapes incl. lambda_1 >> lambda_k, three noise kinds), theta drawn "
                + (form == Form.CORRECTED ? "in (0, e_D/(e_B+e_D)]" : "in [e_B/(e_B+e_D), 1)")
                + ", ||Ax||^2 log-uniform on [1e-4, 1e4]; only states with p_t > 0 (a finite eta*) count. "
                + "Margin (bound - eta*)/bound; exact re-check of eta* below a 1e-6 margin.";
    }

    @Override
    public Optional<ClaimChecker> corrected() {
        return form == Form.CORRECTED || form == Form.COR9 ? Optional.empty() : Optional.of(new Thm8(Form.CORRECTED));
    }

    @Override
    protected Instance draw(RandomStream r) {
        Instance base = Generator.randomInstance(r, id());
        Landscape land = base.landscape();
        double eb = land.eB();
        double ed = land.eD();
        double theta;
        if (form == Form.CORRECTED) {
            double hi = ed / (eb + ed);
            theta = hi * (r.nextDouble() < 0.2 ? 1 : Generator.theta(r));
        } else {
            double lo = eb / (eb + ed);
            theta = r.nextDouble() < 0.2 ? lo : lo + (1 - lo) * Generator.theta(r);
        }
        if (!(theta > 0 && theta < 1)) {
            return null;
        }
        double s = Generator.logUniform(r, 1e-4, 1e4);
        Instance inst = base.withState(Generator.withTheta(base.lambda(), base.k(), base.c(), theta, s));
        return CriticalStep.of(inst.state()).signCase() == SignCase.CRITICAL ? inst : null;
    }

    double bound(Landscape land) {
        double l1 = land.eigenvalue(0);
        double lk = land.eigenvalue(land.k() - 1);
        double lk1 = land.eigenvalue(land.k());
        double ld = land.eigenvalue(land.d() - 1);
        return switch (form) {
            case MAIN -> land.thm8MainBound();
            case APPENDIX -> land.thm8AppendixBound();
            case COR9 -> land.cor9Bound();
            case CORRECTED -> 2 * (l1 - ld) / ((lk - lk1) * (lk + lk1));
        };
    }

    /** The bound in exact arithmetic (one rounding), so that a bound attained exactly gives a margin of exactly 0. */
    double exactBound(Landscape land) {
        java.math.BigDecimal l1 = new java.math.BigDecimal(land.eigenvalue(0));
        java.math.BigDecimal lk = new java.math.BigDecimal(land.eigenvalue(land.k() - 1));
        java.math.BigDecimal lk1 = new java.math.BigDecimal(land.eigenvalue(land.k()));
        java.math.BigDecimal ld = new java.math.BigDecimal(land.eigenvalue(land.d() - 1));
        java.math.BigDecimal two = java.math.BigDecimal.valueOf(2);
        java.math.BigDecimal num;
        java.math.BigDecimal den;
        switch (form) {
            case MAIN -> {
                num = l1.subtract(ld);
                den = lk.multiply(l1).subtract(lk1.multiply(ld));
            }
            case APPENDIX -> {
                num = two.multiply(l1.subtract(ld));
                den = lk.multiply(l1).subtract(lk1.multiply(ld));
            }
            case COR9 -> {
                num = two;
                den = l1;
            }
            default -> {
                num = two.multiply(l1.subtract(ld));
                den = lk.multiply(lk).subtract(lk1.multiply(lk1));
            }
        }
        return num.divide(den, org.alignscope.verify.Exact.MC).doubleValue();
    }

    @Override
    protected Evaluation evaluate(Instance inst, Quantities q) {
        Landscape land = inst.landscape();
        Map<String, Object> m = new LinkedHashMap<>();
        double theta = q.theta();
        double eb = land.eB();
        double ed = land.eD();
        m.put("theta", theta);
        m.put("e_D", ed);
        m.put("e_B", eb);
        m.put("p", q.p());
        m.put("q", q.q());
        boolean applies = form == Form.CORRECTED ? q.noiseTermNonNegative(ed, eb) : land.thm8Applies(theta);
        if (!applies) {
            return Evaluation.notApplicable("theta outside the hypothesis", m);
        }
        double star = q.etaStar();
        m.put("eta_star", star);
        if (q.signCase() != SignCase.CRITICAL) {
            return Evaluation.notApplicable("p <= 0: no critical step", m);
        }
        double b = factor * (q.exactArithmetic() ? exactBound(land) : bound(land));
        m.put("bound", b);
        return Evaluation.inequality(star, b, TOL, m);
    }
}
