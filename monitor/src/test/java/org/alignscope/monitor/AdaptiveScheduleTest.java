package org.alignscope.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptiveScheduleTest {
    private static final String NONE = "";
    /** The noise samples behind ρ: t<sub>0.975, 15</sub> = 2.131 scales the noise allowance. */
    private static final int R = 16;

    @Test
    void theIntervalHalvesOnFastChangeDoublesWhenStableAndDropsToTheMinimumOnARegimeChange() {
        AdaptiveSchedule a = new AdaptiveSchedule(10, 160, 0.1);
        AdaptiveSchedule.State prev = new AdaptiveSchedule.State(100, 40, 0.50, 0.8, 0, NONE);
        assertEquals(80, a.nextInterval(prev, 0.52, 0.81, 0, R, NONE), "c = 0.02 < change/2: doubles");
        assertEquals(40, a.nextInterval(prev, 0.57, 0.8, 0, R, NONE), "c = 0.07: between, kept");
        assertEquals(20, a.nextInterval(prev, 0.65, 0.8, 0, R, NONE), "|dtheta| = 0.15 > change: halves");
        assertEquals(20, a.nextInterval(prev, 0.50, 0.6, 0, R, NONE), "|drho|/max rho = 0.25 > change: halves");
        assertEquals(20, a.nextInterval(prev, 0.50, 1.2, 0, R, NONE), "rho crossing 1 (falling -> rising): halves");
        assertEquals(80, a.nextInterval(prev, 0.50, 0.6, 0.09, R, NONE),
                "the same change with se 0.09: 2.131 * 0.09 = 0.19 of the 0.2 is noise, c = 0.01/0.8: doubles");
        assertEquals(80, a.nextInterval(prev, 0.50, 0.6, 0.078, R, NONE), "se 0.078: the t allowance 2.131 * 0.078"
                + " = 0.166 leaves c = 0.034/0.8 = 0.042 < change/2: doubles (2 se would leave 0.055 and keep it)");
        assertEquals(40, a.nextInterval(prev, 0.50, 0.6, 0.078, 1000, NONE),
                "with r = 1000 samples t = 1.962: c = 0.047/0.8 = 0.059, kept");
        assertEquals(10, a.nextInterval(prev, 0.50, 0.8, 0, R, "suspicious-alignment"), "another finding: the minimum");
        assertEquals(10, a.nextInterval(new AdaptiveSchedule.State(0, 10, 0.5, 0.8, 0, NONE), 0.9, 0.8, 0, R, NONE),
                "never below the minimum");
        assertEquals(160, a.nextInterval(new AdaptiveSchedule.State(0, 160, 0.5, 0.8, 0, NONE), 0.5, 0.8, 0, R, NONE),
                "never above the maximum");
        assertEquals(80, a.nextInterval(new AdaptiveSchedule.State(0, 40, 0.5, Double.NaN, Double.NaN, "theory-n/a"),
                0.51, Double.NaN, Double.NaN, R, "theory-n/a"), "no rho (theory n/a): theta alone");
        assertEquals(40, a.nextInterval(new AdaptiveSchedule.State(0, 40, Double.NaN, Double.NaN, Double.NaN, null),
                0.5, 0.8, 0, R, NONE), "the first evaluation keeps the first interval");
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveSchedule(0, 10, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveSchedule(20, 10, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveSchedule(1, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveSchedule(1, 10, 1.5));
    }

    /** SGD on the authors' quadratic: θ falls fast at first, then settles, so the intervals grow; restoring is exact. */
    @Test
    void onATrainingLoopTheStepsFollowTheStateAndARestoredScheduleContinuesIdentically() {
        List<Long> steps = run(new AdaptiveSchedule(2, 64, 0.05), 300, -1);
        assertEquals(0L, steps.get(0));
        long first = steps.get(1) - steps.get(0);
        long last = steps.get(steps.size() - 1) - steps.get(steps.size() - 2);
        assertTrue(last > first, "intervals grow as the state settles: " + steps);
        assertTrue(steps.size() < 150, "fewer evaluations than every 2 steps: " + steps);
        // stop after step 100, restore the state into a fresh schedule, continue: the same steps
        List<Long> resumed = run(new AdaptiveSchedule(2, 64, 0.05), 300, 100);
        assertEquals(steps, resumed);
        assertTrue(new AdaptiveSchedule(2, 64, 0.05).due(0));
    }

    private static List<Long> run(AdaptiveSchedule schedule, int steps, long restartAfter) {
        QuadraticSource src = AuthorsQuadratic.source(60, 6, 10, 0.5, 3);
        // the steps' noise (isotropic, so any rotation) from its own stream: the trajectory does not depend on when
        // the monitor draws its samples, so the test sees the schedule's rule, not a trajectory it perturbed
        QuadraticSource stepNoise = AuthorsQuadratic.source(60, 6, 10, 0.5, 4);
        double eta = 0.004;
        List<Long> at = new ArrayList<>();
        AdaptiveSchedule sch = schedule;
        AlignmentMonitor m = new AlignmentMonitor(MonitorOptions.of(6, 8).withLanczosTolerance(1e-8).withKSpread(1));
        double[] g = new double[src.dimension()];
        double[] xi = new double[src.dimension()];
        for (long t = 0; t < steps; t++) {
            if (t == restartAfter) {
                AdaptiveSchedule fresh = new AdaptiveSchedule(2, 64, 0.05);
                fresh.restore(sch.state());
                sch = fresh;
            }
            if (sch.due(t)) {
                at.add(t);
                m.resetWarmStart();
                sch.evaluated(t, m.evaluate(src, t, eta));
            }
            src.gradient(g);
            stepNoise.noiseSample(g, xi);
            double[] x = src.state();
            for (int i = 0; i < x.length; i++) {
                x[i] -= eta * (g[i] + xi[i]);
            }
        }
        return at;
    }
}
