package org.alignscope.quadlab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuadSweepTest {

    private static QuadSettings small(double eta, long steps, Path out, int threads) {
        return QuadSettings.sweep(Map.of(QuadSettings.MS, List.of("5", "50"), QuadSettings.SEEDS, List.of(42L, 7L),
                QuadSettings.D, 120, QuadSettings.K, 12, QuadSettings.ETA, eta, QuadSettings.STEPS, steps,
                QuadSettings.STRIDE, 25, QuadSettings.SWEEP_OUT, out, QuadSettings.THREADS, threads));
    }

    private static String refused(Map<String, String> options) {
        return assertThrows(IllegalArgumentException.class,
                () -> QuadSettings.of(QuadSettings.RUN.parse(options, null)).runs()).getMessage();
    }

    @Test
    void writesTheDocumentedFilesAndHeaders(@TempDir Path out) throws Exception {
        List<QuadSweep.Result> results = QuadSweep.run(small(0.003, 600, out, 2), "test");
        assertEquals(4, results.size());
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals("m,lambda_ratio,seed,mean_alignment,std_alignment,theta_inf,status,diverged_step", summary.get(0));
        assertEquals(5, summary.size());
        assertTrue(summary.get(1).startsWith("5,5.1,42,"), summary.get(1));
        assertTrue(summary.get(4).startsWith("50,50.1,7,"), summary.get(4));
        assertTrue(summary.get(1).endsWith(",ok,"));
        Path run = out.resolve("m_50").resolve("seed_7");
        List<String> traj = Files.readAllLines(run.resolve("trajectory.csv"));
        assertEquals("step,loss,theta,eta_star,regime,eta_loss_dom,eta_loss_bulk,theta_crit", traj.get(0));
        assertEquals(600 / 25 + 1 + 1, traj.size());
        assertTrue(traj.get(traj.size() - 1).startsWith("600,"));
        assertTrue(Files.size(run.resolve("plot.png")) > 1000);
        assertTrue(Files.size(out.resolve("alignment.png")) > 1000);
        for (String metric : List.of("final_loss", "final_theta", "frac_low", "frac_stable", "frac_high")) {
            assertTrue(Files.size(out.resolve("plots").resolve("heatmap_" + metric + ".png")) > 1000, metric);
        }
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"seeds\"") && manifest.contains("\"jdk\"") && manifest.contains("\"version\""));
    }

    @Test
    void filesAreIdenticalWhateverTheThreadCount(@TempDir Path out) throws Exception {
        QuadSweep.run(small(0.003, 300, out.resolve("one"), 1), "test");
        QuadSweep.run(small(0.003, 300, out.resolve("two"), 3), "test");
        for (String f : new String[] {"summary.csv", "m_5/seed_42/trajectory.csv", "m_50/seed_7/trajectory.csv"}) {
            assertArrayEquals(Files.readAllBytes(out.resolve("one").resolve(f)), Files.readAllBytes(out.resolve("two").resolve(f)), f);
        }
    }

    @Test
    void divergedRunsAreMarkedAndTheSweepFinishes(@TempDir Path out) throws Exception {
        // eta * lambda_1 = 0.025 * 100 = 2.5 > 2
        List<QuadSweep.Result> results = QuadSweep.run(small(0.025, 3000, out, 2), "test");
        assertTrue(results.stream().allMatch(r -> r.trajectory().diverged()));
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        for (String row : summary.subList(1, summary.size())) {
            String[] f = row.split(",", -1);
            assertEquals("diverged", f[6], row);
            assertTrue(Integer.parseInt(f[7]) > 0, row);
            assertEquals("", f[3], "no mean for a diverged run: " + row);
        }
        assertTrue(Files.exists(out.resolve("m_5").resolve("seed_42").resolve("plot.png")));
    }

    @Test
    void badSettingsAreRejectedBeforeAnyWork() {
        assertEquals("--steady: 200 is out of range; allowed: [1, 100]",
                refused(Map.of("steps", "100", "steady", "200")));
        assertTrue(refused(Map.of("noise", "diag:/nonexistent")).startsWith("--noise: cannot read /nonexistent ("));
        assertEquals("--k: 50 is out of range; allowed: [1, 19]", refused(Map.of("d", "20")),
                "the default k is checked against d too");
        assertEquals("--init-scale: must be > 0 when --sigma is 0 (without noise x_0 = 0 never leaves the minimum:"
                + " the loss is 0 at every step and the alignment θ = 0/0 is undefined)",
                refused(Map.of("sigma", "0", "init_scale", "0")));
    }
}
