package org.alignscope.monitor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.alignscope.theory.AlignmentState;
import org.alignscope.theory.BlockMoments;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Monte Carlo coverage of the noise terms' 95 % intervals: over 300 seeds of a small authors' quadratic at r = 64,
 * the fraction whose interval contains the exact value (the theory module's moments of the known Σ) must lie in the
 * binomial band 0.95 ± 3.3·√(0.95·0.05/300) = [0.908, 0.992]. Intervals of ±1 SE (coverage ≈ 68 %) fail the same
 * band, so the test can fail.
 */
@Tag("reliability")
class IntervalCoverageMonteCarloTest {
    private static final int SEEDS = 300;
    private static final int R = 64;
    private static final int K = 3;
    private static final double HALF_BAND = 3.3 * Math.sqrt(0.95 * 0.05 / SEEDS);

    private record Quantity(String name, ToDoubleFunction<BlockEstimate> estimate, ToDoubleFunction<BlockEstimate> se,
                            ToDoubleFunction<AlignmentState> exact) {
    }

    private static final Quantity[] QUANTITIES = {
        new Quantity("e_D", b -> b.eD().value(), b -> b.eD().stdError(), s -> s.dom().e()),
        new Quantity("e_B", b -> b.eB().value(), b -> b.eB().stdError(), s -> s.bulk().e()),
        new Quantity("nloss_D", b -> b.nLossD().value(), b -> b.nLossD().stdError(), s -> s.dom().nLoss()),
        new Quantity("nloss_B", b -> b.nLossB().value(), b -> b.nLossB().stdError(), s -> s.bulk().nLoss()),
    };

    @Test
    void tIntervalsCoverNinetyFivePercentAndOneStandardErrorDoesNot() {
        int[] tCovered = new int[QUANTITIES.length];
        int[] oneSeCovered = new int[QUANTITIES.length];
        for (long seed = 1; seed <= SEEDS; seed++) {
            QuadraticSource src = AuthorsQuadratic.source(30, K, 10, 0.5, seed);
            AlignmentState exact = src.exactState(K);
            BlockEstimate b = new AlignmentMonitor(MonitorOptions.of(K, R).withKSpread(0).withSeed(seed))
                    .evaluate(src, 0, 0.01).main();
            for (int q = 0; q < QUANTITIES.length; q++) {
                Quantity x = QUANTITIES[q];
                double value = x.estimate().applyAsDouble(b);
                double se = x.se().applyAsDouble(b);
                double truth = x.exact().applyAsDouble(exact);
                tCovered[q] += new Estimate(value, se, R).interval().contains(truth) ? 1 : 0;
                oneSeCovered[q] += Math.abs(value - truth) <= se ? 1 : 0;
            }
        }
        for (int q = 0; q < QUANTITIES.length; q++) {
            String name = QUANTITIES[q].name();
            assertTrue(inBand(tCovered[q]), name + ": t intervals cover " + tCovered[q] + " of " + SEEDS);
            assertFalse(inBand(oneSeCovered[q]), name + ": +-1 SE covers " + oneSeCovered[q] + " of " + SEEDS);
        }
    }

    private static boolean inBand(int covered) {
        return Math.abs(covered / (double) SEEDS - 0.95) <= HALF_BAND;
    }

    @Test
    void theExactMomentsAreTheTheoryModulesOfTheKnownNoise() {
        QuadraticSource src = AuthorsQuadratic.source(30, K, 10, 0.5, 1);
        BlockMoments dom = src.exactState(K).dom();
        double e = 0;
        double[] lambda = src.lambda();
        for (int i = 0; i < K; i++) {
            e += lambda[i] * lambda[i] * 0.25;
        }
        assertTrue(Math.abs(dom.e() - e) <= 1e-12 * e, "e_D = sum over D of lambda^2 sigma^2");
    }
}
