package org.alignscope.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.alignscope.linalg.random.RandomStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The window's step draw and the W/p estimator with its standard error on synthetic sequences of known sum. */
@Tag("reliability")
class CumulativeWindowTest {
    @Test
    void everyStepIsDrawnWhenPointsReachTheWindow() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, CumulativeWindow.draw(5, 5, RandomStream.of(1)));
        assertArrayEquals(new int[] {0, 1, 2}, CumulativeWindow.draw(3, 20, RandomStream.of(1)));
        CumulativeWindow w = CumulativeWindow.open(100, 103, 20, RandomStream.of(1), 0.5);
        assertArrayEquals(new long[] {100, 101, 102}, w.drawn());
        assertTrue(w.due(101) && !w.due(103) && !w.due(99));
    }

    @Test
    void theDrawIsAPureFunctionOfItsStream() {
        int[] a = CumulativeWindow.draw(50, 7, RandomStream.of(3, 9, 2, 4));
        assertArrayEquals(a, CumulativeWindow.draw(50, 7, RandomStream.of(3, 9, 2, 4)));
        assertEquals(7, Arrays.stream(a).distinct().count());
        for (int i = 1; i < a.length; i++) {
            assertTrue(a[i - 1] < a[i], "ascending");
        }
        assertTrue(!Arrays.equals(a, CumulativeWindow.draw(50, 7, RandomStream.of(3, 9, 2, 5))),
                "another window index draws other steps");
    }

    /** All C(10, 3) = 120 subsets equally likely: a chi-square test over 30,000 draws (119 degrees of freedom). */
    @Test
    void theDrawIsUniformOverTheSubsets() {
        int draws = 30_000;
        Map<String, Integer> counts = new HashMap<>();
        RandomStream r = RandomStream.of(17);
        for (int n = 0; n < draws; n++) {
            counts.merge(Arrays.toString(CumulativeWindow.draw(10, 3, r)), 1, Integer::sum);
        }
        assertEquals(120, counts.size());
        double expected = draws / 120.0;
        double chi2 = 0;
        for (int c : counts.values()) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        // mean 119, sd sqrt(238) = 15.4: five sd on either side
        assertTrue(chi2 > 119 - 5 * 15.4 && chi2 < 119 + 5 * 15.4, "chi2 = " + chi2);
    }

    /** With every step predicted exactly and no spread the estimate is the sum and the standard error 0. */
    @Test
    void everyStepPredictedExactlyGivesTheSum() {
        CumulativeWindow w = CumulativeWindow.open(0, 4, 4, RandomStream.of(1), 2.0);
        double[] e = {-0.1, -0.2, 0.05, -0.3};
        for (double v : e) {
            w.add(new LossPrediction(v, 0, 0));
        }
        CumulativeRow row = w.close(1.45);
        assertEquals(-0.55, row.predicted(), 1e-15);
        assertEquals(0, row.stdError());
        assertEquals(-0.55, row.realised(), 1e-15);
        assertTrue(Double.isNaN(row.z()));
        assertEquals(4, row.steps());
    }

    @Test
    void aWindowWithAnUnpredictedStepCannotClose() {
        CumulativeWindow w = CumulativeWindow.open(0, 10, 3, RandomStream.of(1), 0);
        w.add(new LossPrediction(1, 0, 0));
        assertThrows(IllegalStateException.class, () -> w.close(0));
    }

    /**
     * Monte Carlo coverage: per step a true expectation e<sub>t</sub> (known sum), a prediction e<sub>t</sub> +
     * σ·N(0, 1) with standard error σ and a realised change e<sub>t</sub> + √v·N(0, 1) with spread v; over 4,000
     * windows |z| ≤ 2 in about 95.4 % of them, for each term of the standard error alone and all together.
     */
    @Test
    void theStandardErrorCoversTheRealisedChange() {
        int windowSize = 60;
        double[] truth = new double[windowSize];
        for (int t = 0; t < windowSize; t++) {
            truth[t] = 1e-3 * (Math.sin(t / 3.0) - 0.2);
        }
        double[][] cases = {{20, 0, 0}, {60, 4e-4, 0}, {60, 0, 6e-4}, {20, 3e-4, 5e-4}}; // p, σ, √v
        for (double[] cs : cases) {
            int points = (int) cs[0];
            RandomStream r = RandomStream.of(23, points, (long) (1e5 * cs[1]), (long) (1e5 * cs[2]));
            int replicates = 4000;
            int covered = 0;
            for (int n = 0; n < replicates; n++) {
                CumulativeWindow w = CumulativeWindow.open(0, windowSize, points, r, 0);
                double realised = 0;
                for (int t = 0; t < windowSize; t++) {
                    realised += truth[t] + cs[2] * r.nextGaussian();
                    if (w.due(t)) {
                        w.add(new LossPrediction(truth[t] + cs[1] * r.nextGaussian(), cs[1], cs[2] * cs[2]));
                    }
                }
                if (Math.abs(w.close(realised).z()) <= 2) {
                    covered++;
                }
            }
            double coverage = (double) covered / replicates;
            // nominal 0.954 (s² from 20 points makes it a t with 19 df, 0.94); MC sd 0.0034
            assertTrue(coverage > 0.925 && coverage < 0.97, "p = " + points + ", sigma = " + cs[1] + ", spread sd = "
                    + cs[2] + ": coverage " + coverage);
        }
    }
}
