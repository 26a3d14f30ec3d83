package org.alignscope.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.alignscope.linalg.random.RandomStream;

/**
 * A claim that is an exact statement about one state: evaluated in double precision through the theory module,
 * and re-evaluated in exact arithmetic ({@link Quantities#exact}) whenever the double margin is below
 * {@link #RECHECK}, so that a violation is never a cancellation artefact. A violation needs a margin below
 * −{@link #TOL} in the exact re-check. Justification of 1e-9: the exact re-check is accurate to about 1e-15
 * relative (one rounding of each side, see {@link Exact}); the landscape constants (g<sub>gap</sub>, θ*, the
 * printed bounds) are well-conditioned closed forms of the exact inputs with at most a few dozen roundings,
 * i.e. below 1e-13 relative. 1e-9 leaves four orders of magnitude above both.
 */
public abstract class DeterministicChecker extends AbstractChecker {
    /** Violation allowance on the normalised margin. */
    public static final double TOL = 1e-9;
    /** Double margins below this are re-checked in exact arithmetic. */
    public static final double RECHECK = 1e-6;

    protected DeterministicChecker(double factor) {
        super(factor);
    }

    /** The evaluation from a source of quantities (fast or exact). */
    protected abstract Evaluation evaluate(Instance inst, Quantities q);

    /** Draws one candidate instance; may return null when the draw does not meet the hypothesis. */
    protected abstract Instance draw(RandomStream rng);

    @Override
    public Evaluation evaluate(Instance inst) {
        Evaluation e = evaluate(inst, Quantities.fast(inst));
        if (e.hasMargin() && e.margin() < RECHECK) {
            Evaluation x = evaluate(inst, Quantities.exact(inst));
            x.quantities().put("exact_recheck", "yes");
            x.quantities().put("double_margin", e.margin());
            return x;
        }
        return e;
    }

    @Override
    protected List<Instance> generate(Budget budget, RandomStream rng) {
        return drawMany(budget.deterministic(), rng, this::draw);
    }

    /** Up to n instances from a drawing function, giving up after 20·n failed draws. */
    public static List<Instance> drawMany(int n, RandomStream rng, Function<RandomStream, Instance> f) {
        List<Instance> out = new ArrayList<>();
        int tries = 0;
        while (out.size() < n && tries < 20 * n) {
            tries++;
            Instance inst = f.apply(rng);
            if (inst != null) {
                out.add(inst);
            }
        }
        return out;
    }
}
