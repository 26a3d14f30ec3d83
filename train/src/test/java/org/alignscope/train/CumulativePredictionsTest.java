package org.alignscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alignscope.monitor.CumulativeColumn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code monitor.cumulative_points} on the tiny problem of {@link ProtocolTest} with SGD (40 steps, 5 batches per
 * epoch, the switch at step 13 at the latest): the rows of {@code cumulative.csv}, their agreement with the monitor's
 * dloss_pred where every step is predicted, and a resume byte for byte from inside a window.
 */
@Tag("reliability")
class CumulativePredictionsTest {
    private static String yaml(String monitor) {
        return ProtocolTest.yaml(ProtocolTest.ARMS, monitor)
                .replace("optimizer: {name: momentum, lr: 0.1, momentum: 0.5}", "optimizer: {name: sgd, lr: 0.1}");
    }

    private static List<String[]> rows(Path out, String arm, long seed, String file) throws Exception {
        return Files.readAllLines(out.resolve(arm).resolve("seed_" + seed).resolve(file)).stream()
                .map(l -> l.split(",", -1)).toList();
    }

    private static double num(String[] row, List<String[]> table, String column) {
        return Double.parseDouble(row[List.of(table.get(0)).indexOf(column)]);
    }

    @Test
    void aTinyRunWritesOneRowPerWindowWithTheDocumentedColumns(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("o");
        TrainExperiment.run(ProtocolTest.config(tmp, yaml("monitor: {every: 100, samples: 4, arms: [plain, dom],"
                + " cumulative_points: 3, cumulative_window: 7}")), out, "t", null);
        for (String arm : List.of("plain", "dom")) {
            List<String[]> t = rows(out, arm, 11, "cumulative.csv");
            assertEquals(CumulativeColumn.names(), List.of(t.get(0)));
            assertEquals(6, t.size() - 1, "windows [0,7) … [35,40): the last one ends with the run");
            for (int i = 1; i < t.size(); i++) {
                String[] r = t.get(i);
                assertEquals(7.0 * (i - 1), num(r, t, "window_start"));
                assertEquals(Math.min(7.0 * i, 40), num(r, t, "window_end"));
                assertEquals(3, num(r, t, "points"));
                assertEquals(num(r, t, "loss_end") - num(r, t, "loss_start"), num(r, t, "cum_real_dloss"), 0);
                double se = num(r, t, "cum_pred_se");
                assertTrue(se > 0, arm + " row " + i);
                assertEquals((num(r, t, "cum_real_dloss") - num(r, t, "cum_pred_dloss")) / se, num(r, t, "z"),
                        1e-12 * Math.abs(num(r, t, "z")) + 1e-15);
                double parts = Math.pow(num(r, t, "se_choice"), 2) + Math.pow(num(r, t, "se_draws"), 2)
                        + Math.pow(num(r, t, "se_spread"), 2);
                assertEquals(se * se, parts, 1e-9 * se * se);
                if (i > 1) {
                    assertEquals(num(t.get(i - 1), t, "loss_end"), num(r, t, "loss_start"), 0, "windows are contiguous");
                }
            }
        }
        assertFalse(Files.exists(out.resolve("bulk/seed_11/cumulative.csv")), "bulk is not monitored");
    }

    /** With every step predicted (p ≥ W) and the monitor at every step, a window's prediction is Σ dloss_pred. */
    @Test
    void everyStepPredictedSumsTheMonitorsDlossPred(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("o");
        TrainExperiment.run(ProtocolTest.config(tmp, yaml("monitor: {every: 1, samples: 4, arms: [plain],"
                + " k_spread: 0, cumulative_points: 20}")), out, "t", null);
        List<String[]> cum = rows(out, "plain", 12, "cumulative.csv");
        List<String[]> mon = rows(out, "plain", 12, "monitor.csv");
        assertEquals(9, cum.size(), "8 windows of one epoch (5 steps)");
        for (String[] r : cum.subList(1, cum.size())) {
            assertEquals(5, num(r, cum, "points"));
            double sum = 0;
            for (String[] m : mon.subList(1, mon.size())) {
                double step = num(m, mon, "step");
                if (step >= num(r, cum, "window_start") && step < num(r, cum, "window_end")) {
                    sum += num(m, mon, "dloss_pred");
                }
            }
            assertEquals(sum, num(r, cum, "cum_pred_dloss"), 1e-9 * Math.abs(sum));
            assertEquals(0, num(r, cum, "se_choice"), "no step left out");
        }
    }

    @Test
    void resumeFromInsideAWindowAfterTheSwitchIsBitIdentical(@TempDir Path tmp) throws Exception {
        ProtocolTest.resumeIsBitIdentical(tmp, yaml("monitor: {every: 6, samples: 3, arms: [plain, dom, bulkg],"
                + " cumulative_points: 3, cumulative_window: 7}"), 1, 27);
    }

    @Test
    void resumeFromInsideAWindowInTheBasePhaseIsBitIdentical(@TempDir Path tmp) throws Exception {
        ProtocolTest.resumeIsBitIdentical(tmp, yaml("monitor: {every: 6, samples: 3, arms: [dom],"
                + " cumulative_points: 3, cumulative_window: 7}"), 0, 11);
    }
}
