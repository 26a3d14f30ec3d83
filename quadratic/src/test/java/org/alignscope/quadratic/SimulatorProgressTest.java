package org.alignscope.quadratic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.alignscope.linalg.progress.Progress;
import org.junit.jupiter.api.Test;

class SimulatorProgressTest {
    private static QuadraticRun run(int d, long seed, long steps, double eta) {
        return new QuadraticRun(Spectrum.authors(d, d / 10, 20), new IsotropicNoise(0.5), Initialisation.gaussian(1),
                StepSchedule.constant(eta), Projection.SGD, steps, seed, 10);
    }

    @Test
    void blockStepsAddUpToTheTotalEvenWhenARunStopsEarly() {
        List<long[]> seen = new ArrayList<>();
        Progress p = (done, total) -> {
            synchronized (seen) {
                seen.add(new long[] {done, total});
            }
        };
        // d = 9000: three blocks of <= 4096 coordinates; seeds 1 and 2 are two noise groups; the third run shares
        // seed 2's group and diverges (eta * lambda_1 = 5), which does not stop its group's other run
        List<QuadraticRun> runs = List.of(run(9000, 1, 2500, 0.003), run(9000, 2, 2500, 0.003), run(9000, 2, 2500, 0.05));
        List<Trajectory> out = EigenSimulator.runAll(runs, 2, p);
        long total = 2L * 3 * 2501;
        assertTrue(seen.stream().allMatch(s -> s[1] == total));
        assertEquals(total, seen.stream().mapToLong(s -> s[0]).max().getAsLong());
        assertEquals(0, seen.get(0)[0]);
        assertTrue(out.get(2).diverged());
        assertArrayEquals(EigenSimulator.run(runs.get(0), 1).theta(), out.get(0).theta(), "progress changes nothing");
    }

    @Test
    void aGroupWhoseRunsAllDivergeCountsItsRemainingSteps() {
        List<Long> seen = new ArrayList<>();
        EigenSimulator.runAll(List.of(run(200, 3, 5000, 0.05)), 1, (done, total) -> seen.add(done));
        assertEquals(5001L, seen.get(seen.size() - 1));
    }
}
