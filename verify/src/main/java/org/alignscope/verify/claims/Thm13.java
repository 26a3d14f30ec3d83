package org.alignscope.verify.claims;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.theory.Landscape;
import org.alignscope.verify.ClaimChecker;
import org.alignscope.verify.DeterministicChecker;
import org.alignscope.verify.Evaluation;
import org.alignscope.verify.Generator;
import org.alignscope.verify.Instance;
import org.alignscope.verify.Quantities;

/**
 * Theorem 13, each bound separately, and the corrected lower bound: since α = s(μ<sup>D</sup>(3,2) −
 * μ<sup>B</sup>(3,2)) ≤ s(λ<sub>1</sub> − λ<sub>d</sub>) and 1 − θ<sup>crit</sup> ≥ n<sub>B</sub>/(α + n<sub>B</sub> +
 * n<sub>D</sub>) (the proof's own quadratic), n<sub>B</sub>/(s(λ<sub>1</sub> − λ<sub>d</sub>) + n<sub>B</sub> +
 * n<sub>D</sub>) ≤ 1 − θ<sup>crit</sup>. The printed lower bound uses s·λ<sub>k+1</sub>(m − 1) = s·gap1 in place of
 * s(λ<sub>1</sub> − λ<sub>d</sub>), which is too small when λ<sub>1</sub> ≫ λ<sub>k</sub>.
 */
public final class Thm13 extends DeterministicChecker {
    /** Which bound. */
    public enum Bound {
        LOWER("thm13-lower", "n^loss_B / (s_t lambda_{k+1}(m-1) + n^loss_B + n^loss_D) <= 1 - theta^crit_t, m = lambda_k/lambda_{k+1}."),
        UPPER("thm13-upper", "1 - theta^crit_t <= n^loss_B / (s_t lambda_{k+1}(m-1)), m = lambda_k/lambda_{k+1}."),
        LOWER_CORRECTED("thm13-lower-corrected", "n^loss_B / (s_t (lambda_1 - lambda_d) + n^loss_B + n^loss_D) <= 1 - theta^crit_t.");

        final String id;
        final String statement;

        Bound(String id, String statement) {
            this.id = id;
            this.statement = statement;
        }
    }

    private final Bound bound;

    public Thm13(Bound bound) {
        this(bound, 1);
    }

    /** @param factor the bound is multiplied by it (1 as printed) */
    public Thm13(Bound bound, double factor) {
        super(factor);
        this.bound = bound;
    }

    @Override
    public String id() {
        return bound.id;
    }

    @Override
    public String statement() {
        return bound.statement;
    }

    @Override
    public String method() {
        return "Random landscapes and states (five shapes, a fifth with lambda_1 10 to 10^4 times lambda_k; three noise kinds; "
                + "theta over (0,1) and near its ends; ||Ax||^2 log-uniform on [1e-4, 1e4]). 1 - theta^crit from the "
                + "cancellation-free root of the quadratic in delta = 1 - theta; margin relative to the right side; exact "
                + "re-check (40-digit square root) below 1e-6.";
    }

    @Override
    public Optional<ClaimChecker> corrected() {
        return bound == Bound.LOWER ? Optional.of(new Thm13(Bound.LOWER_CORRECTED)) : Optional.empty();
    }

    @Override
    protected Instance draw(RandomStream r) {
        return Generator.randomInstance(r, id());
    }

    @Override
    protected Evaluation evaluate(Instance inst, Quantities q) {
        Landscape land = inst.landscape();
        Map<String, Object> m = new LinkedHashMap<>();
        double s = q.s();
        double delta = q.oneMinusThetaCrit();
        m.put("s", s);
        m.put("n_D", q.nD());
        m.put("n_B", q.nB());
        m.put("one_minus_theta_crit", delta);
        if (Double.isNaN(delta)) {
            return Evaluation.notApplicable("theta^crit does not exist", m);
        }
        double b;
        switch (bound) {
            case LOWER -> b = land.thm13Lower(s);
            case UPPER -> b = land.thm13Upper(s);
            default -> {
                double spread = land.eigenvalue(0) - land.eigenvalue(land.d() - 1);
                b = q.nB() / (s * spread + q.nB() + q.nD());
            }
        }
        b *= factor;
        m.put("bound", b);
        return bound == Bound.UPPER ? Evaluation.inequality(delta, b, TOL, m) : Evaluation.inequality(b, delta, TOL, m);
    }
}
