package org.alignscope.verify;

import java.util.List;
import org.alignscope.linalg.random.RandomStream;

/**
 * The common part of every checker: generate instances, evaluate each, aggregate. The aggregation is the same
 * for every claim (no claim is special-cased): the claim is violated when some instance is, inconclusive when
 * some instance is inconclusive or none was applicable, and holds otherwise. Instances outside the claim's
 * hypothesis ({@link Evaluation#notApplicable}) are not counted.
 *
 * <p>{@code factor} scales the claimed side (a bound, a formula, a threshold) before the comparison. It is 1 for
 * the claim as printed; the tests inject deliberately broken variants (e.g. 0.5) to show that the checker
 * detects a false claim.
 */
public abstract class AbstractChecker implements ClaimChecker {
    /** The claimed side's scale: 1 as printed. */
    protected final double factor;

    protected AbstractChecker(double factor) {
        this.factor = factor;
    }

    /** The instances to try, drawn from the stream, within the budget. */
    protected abstract List<Instance> generate(Budget budget, RandomStream rng);

    @Override
    public ClaimResult check(Budget budget, RandomStream rng) {
        long start = System.nanoTime();
        List<Instance> instances = generate(budget, rng);
        int checked = 0;
        int violated = 0;
        int inconclusive = 0;
        Instance worst = null;
        Evaluation worstEval = null;
        Instance smallest = null;
        Evaluation smallestEval = null;
        for (Instance inst : instances) {
            Evaluation e = evaluate(inst);
            if (e.quantities().containsKey("not_applicable")) {
                continue;
            }
            checked++;
            if (e.status() == Status.VIOLATED) {
                violated++;
                if (smallest == null || inst.d() < smallest.d()
                        || (inst.d() == smallest.d() && e.margin() < smallestEval.margin())) {
                    smallest = inst;
                    smallestEval = e;
                }
            } else if (e.status() == Status.INCONCLUSIVE) {
                inconclusive++;
            }
            if (e.hasMargin() && (worstEval == null || e.margin() < worstEval.margin())) {
                worst = inst;
                worstEval = e;
            }
        }
        Status status;
        if (violated > 0) {
            status = Status.VIOLATED;
        } else if (inconclusive > 0 || checked == 0) {
            status = Status.INCONCLUSIVE;
        } else {
            status = Status.HOLDS;
        }
        return new ClaimResult(id(), status, checked, violated, inconclusive, worst, worstEval, smallest, smallestEval,
                (System.nanoTime() - start) / 1e9);
    }
}
