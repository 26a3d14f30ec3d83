package org.alignscope.verify;

import java.util.ArrayList;
import java.util.List;
import org.alignscope.linalg.random.RandomStream;

/**
 * A claim about a conditional expectation at a fixed state, checked by Monte Carlo: each instance stores its
 * seed and number of draws, so that {@link #evaluate} redraws exactly the same noise on replay. Instances are
 * small (d ≤ 60) random landscapes and states, as in {@link Generator}.
 */
public abstract class MonteCarloChecker extends AbstractChecker {

    protected MonteCarloChecker(double factor) {
        super(factor);
    }

    /** Completes a random instance with its step-size settings; null to skip the draw. By default it is kept as drawn. */
    protected Instance prepare(Instance inst, RandomStream rng) {
        return inst;
    }

    @Override
    protected List<Instance> generate(Budget budget, RandomStream rng) {
        List<Instance> out = new ArrayList<>();
        int tries = 0;
        while (out.size() < budget.monteCarlo() && tries < 100 * budget.monteCarlo()) {
            tries++;
            Instance inst = Generator.randomInstance(rng, id());
            if (inst.d() > 60) {
                continue;
            }
            inst = prepare(inst, rng);
            if (inst == null) {
                continue;
            }
            out.add(inst.with("mc_seed", rng.nextInt(1 << 30)).with("draws", budget.draws()));
        }
        return out;
    }

    /** The stream of an instance's Monte Carlo draws. */
    protected static RandomStream stream(Instance inst) {
        return RandomStream.of((long) inst.param("mc_seed"), 7);
    }

    /** The smaller-margin evaluation of two. */
    protected static Evaluation worse(Evaluation a, Evaluation b) {
        if (a == null) {
            return b;
        }
        return b.margin() < a.margin() ? b : a;
    }
}
