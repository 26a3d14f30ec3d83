package org.alignscope.quadlab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.alignscope.linalg.progress.Progress;
import org.alignscope.sweep.CellOptions;
import org.alignscope.sweep.Launcher;
import org.alignscope.sweep.Sweep;
import org.alignscope.sweep.SweepConfig;
import org.alignscope.sweep.SweepSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine with an in-process launcher that runs {@code quad run}'s simulation from the cell's arguments (the
 * command line proper is tested end to end, with processes, in the cli module).
 */
class SweepTest {
    /** The options of a cell's command as the command line names them: the key with two dashes. */
    static final CellOptions OPTIONS = key -> "--" + key;

    private final AtomicInteger launches = new AtomicInteger();

    /** Reads the options a quad-run cell gets and runs the simulation; a bad value exits with code 2. */
    private final Launcher quadRun = (args, log) -> {
        launches.incrementAndGet();
        Map<String, String> o = new HashMap<>(Map.of("d", "40", "k", "4", "stride", "1", "steps", "200",
                "no_run_plots", "true"));
        for (int i = 2; i + 1 < args.size(); i += 2) {
            o.put(args.get(i).substring(2).replace('-', '_'), args.get(i + 1));
        }
        try {
            QuadSweep.run(QuadSettings.of(QuadSettings.RUN.parse(o, null)), "test");
            return 0;
        } catch (IllegalArgumentException e) {
            Files.writeString(log, "some output\nalignscope: error: " + e.getMessage() + "\n\n");
            return 2;
        }
    };

    private static SweepConfig config(String steps) {
        // eta = 0.05: eta * lambda_1 = 5 > 2 diverges (|1 - 5|^t passes 1e150 within 300 steps); eta = -1 fails (exit code 2)
        return SweepConfig.parse("command: quad-run\nset: {steps: " + steps + "}\n"
                + "grid:\n  eta: [0.001, 0.003, 0.05, -1]\n  m: [5, 50]\n", "t");
    }

    private List<Sweep.CellResult> run(SweepConfig cfg, Path out, int parallel) {
        return Sweep.run(cfg, Sweep.plan(cfg, out, SweepTest.OPTIONS), out, parallel, quadRun, Progress.NONE, "test");
    }

    @Test
    void failingAndDivergingCellsAreRecordedAndTheOthersFinish(@TempDir Path out) throws Exception {
        List<Sweep.CellResult> results = run(config("400"), out, 2);
        assertEquals(8, results.size());
        assertEquals(List.of("complete", "complete", "complete", "complete", "diverged", "diverged", "failed", "failed"),
                results.stream().map(r -> r.outcome().status()).toList());
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals("cell,eta,m,status,final_loss,final_theta,frac_low,frac_stable,frac_high,lambda_1,wall_seconds,message",
                summary.get(0));
        assertEquals(9, summary.size());
        String[] ok = summary.get(4).split(",", -1);
        assertEquals("eta=0.003_m=50", ok[0]);
        assertEquals("0.003", ok[1]);
        assertEquals("50", ok[2]);
        double low = Double.parseDouble(ok[6]);
        double stable = Double.parseDouble(ok[7]);
        double high = Double.parseDouble(ok[8]);
        assertEquals(1.0, low + stable + high, 1e-12);
        // the final loss and theta are the last row of the cell's own trajectory
        List<String> traj = Files.readAllLines(out.resolve("cells/eta=0.003_m=50/m_50/seed_42/trajectory.csv"));
        String[] last = traj.get(traj.size() - 1).split(",", -1);
        assertEquals("400", last[0]);
        assertEquals(Double.parseDouble(last[1]), Double.parseDouble(ok[4]));
        assertEquals(Double.parseDouble(last[2]), Double.parseDouble(ok[5]));
        assertTrue(summary.get(5).contains(",diverged,,,,,,") && summary.get(5).contains("diverged at step"), summary.get(5));
        assertTrue(summary.get(7).endsWith("exit code 2: alignscope: error: --eta: -1 is out of range; allowed: > 0"), summary.get(7));
        String record = Files.readString(out.resolve("cells/eta=-1_m=5.json"));
        assertTrue(record.contains("\"status\" : \"failed\"") && record.contains("\"exit_code\" : 2"), record);
        for (String m : SweepSummary.METRICS) {
            Path map = out.resolve("plots/heatmap_" + m + ".png");
            if (m.equals("lambda_1")) {
                assertFalse(Files.exists(map), "quad-run cells have no lambda_1, so no heat map");
            } else {
                assertTrue(Files.size(map) > 1000, m);
            }
        }
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"complete\" : 4") && manifest.contains("\"diverged\" : 2")
                && manifest.contains("\"failed\" : 2"), manifest);
    }

    @Test
    void aRerunSkipsFinishedCellsAndRetriesFailedOrChangedOnes(@TempDir Path out) throws Exception {
        run(config("400"), out, 2);
        assertEquals(8, launches.get());
        byte[] before = Files.readAllBytes(out.resolve("cells/eta=0.001_m=5/m_5/seed_42/trajectory.csv"));
        List<String> firstSummary = Files.readAllLines(out.resolve("summary.csv"));
        launches.set(0);
        List<Sweep.CellResult> again = run(config("400"), out, 2);
        assertEquals(2, launches.get(), "only the two failed cells run again");
        assertEquals(6, again.stream().filter(Sweep.CellResult::skipped).count());
        assertEquals("diverged", again.get(4).outcome().status());
        assertArrayEquals(before, Files.readAllBytes(out.resolve("cells/eta=0.001_m=5/m_5/seed_42/trajectory.csv")));
        // a skipped cell's row comes from its record: the same values and wall seconds as the first run
        assertEquals(firstSummary.subList(0, 7), Files.readAllLines(out.resolve("summary.csv")).subList(0, 7));
        launches.set(0);
        run(config("500"), out, 2);
        assertEquals(8, launches.get(), "a changed setting makes every cell stale");
    }

    @Test
    void parallelCellsWriteTheSameFilesAsSerialOnes(@TempDir Path out) throws Exception {
        run(config("400"), out.resolve("serial"), 1);
        run(config("400"), out.resolve("parallel"), 3);
        List<String> a = Files.readAllLines(out.resolve("serial/summary.csv"));
        List<String> b = Files.readAllLines(out.resolve("parallel/summary.csv"));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(withoutWall(a.get(i)), withoutWall(b.get(i)));
        }
        for (String cell : List.of("eta=0.001_m=5/m_5", "eta=0.003_m=50/m_50", "eta=0.05_m=5/m_5")) {
            Path f = Path.of("cells", cell, "seed_42", "trajectory.csv");
            assertArrayEquals(Files.readAllBytes(out.resolve("serial").resolve(f)),
                    Files.readAllBytes(out.resolve("parallel").resolve(f)), cell);
        }
        assertFalse(Files.exists(out.resolve("serial/cells/eta=-1_m=5/m_5")));
    }

    /** Every field but wall_seconds (the tenth). */
    private static String withoutWall(String row) {
        String[] f = row.split(",", -1);
        f[10] = "";
        return Arrays.toString(f);
    }
}
