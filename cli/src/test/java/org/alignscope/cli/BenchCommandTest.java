package org.alignscope.cli;

import static org.alignscope.cli.HessianCommandTest.captureStdout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alignscope bench}: the subcommands' output lines and their one-line refusals of bad options. */
class BenchCommandTest {

    /** Runs the command, expects exit code 2 and exactly the one line {@code alignscope: error: MESSAGE}. */
    private static void refused(String message, String... args) {
        AlignScopeTest.Outcome o = AlignScopeTest.execute(args);
        assertEquals(2, o.code(), o.err());
        assertEquals("alignscope: error: " + message, o.err().strip());
    }

    @Test
    void benchHvpPrintsTheMedians() {
        String stdout = captureStdout(() -> {
            AlignScopeTest.Outcome o = AlignScopeTest.execute("bench", "hvp", "--model", "mlp:20-8-3:tanh",
                    "--batch", "16", "--reps", "20", "--warmup-s", "0");
            assertEquals(0, o.code(), o.err());
        });
        for (String key : new String[] {"blas ", "grad_ms ", "hvp_ms ", "hvp_over_grad "}) {
            assertTrue(stdout.lines().anyMatch(l -> l.startsWith(key)), key + " missing:\n" + stdout);
        }
        assertFalse(stdout.contains("per_layer"), stdout);
        String perLayer = captureStdout(() -> {
            AlignScopeTest.Outcome o = AlignScopeTest.execute("bench", "hvp", "--model", "mlp:20-8-3:tanh",
                    "--batch", "16", "--reps", "20", "--warmup-s", "0", "--per-layer");
            assertEquals(0, o.code(), o.err());
        });
        assertEquals(3, perLayer.lines().filter(l -> l.startsWith("per_layer ")).count(), perLayer);
        assertTrue(perLayer.lines().anyMatch(l -> l.matches("per_layer 1 tanh 8->8 forward_ms [0-9.]+ backward_ms "
                + "[0-9.]+ r_forward_ms [0-9.]+ r_backward_ms [0-9.]+")), perLayer);
        assertTrue(perLayer.lines().anyMatch(l -> l.startsWith("per_layer_total_ms ")), perLayer);
        AlignScopeTest.Outcome lls = AlignScopeTest.execute("bench", "hvp", "--model", "lls:20-3", "--loss", "mse",
                "--batch", "16", "--reps", "20", "--warmup-s", "0", "--per-layer");
        assertEquals(2, lls.code(), lls.err());
        assertTrue(lls.err().contains("--per-layer"), lls.err());
    }

    @Test
    void benchLanczosBadInputsExit2AndATinyRunReportsCounts() {
        for (String[] bad : new String[][] {{"--n", "7"}, {"--threads", "0"}, {"--tol", "2"}, {"--k", "0"},
                {"--model", "mlp:20-8-3:tanh"}, {"--batch-size", "0"}, {"--loss", "hinge"}}) {
            List<String> args = new ArrayList<>(List.of("bench", "lanczos"));
            args.addAll(Arrays.asList(bad));
            AlignScopeTest.Outcome o = AlignScopeTest.execute(args.toArray(String[]::new));
            assertEquals(2, o.code(), o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
            assertTrue(o.err().contains(bad[0]), o.err());
        }
        if (!Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist"))) {
            return; // the tiny run needs Debian's dataset-fashion-mnist
        }
        String stdout = captureStdout(() -> {
            AlignScopeTest.Outcome o = AlignScopeTest.execute("bench", "lanczos", "--model", "mlp:784-6-10:tanh",
                    "--n", "100", "--steps", "3", "--states", "2", "--every", "2", "--seeds", "1", "--k", "2",
                    "--tol", "1e-4", "--threads", "2");
            assertEquals(0, o.code(), o.err());
        });
        List<String> rows = stdout.lines().filter(l -> l.startsWith("1,")).toList();
        assertEquals(2, rows.size(), stdout);
        assertTrue(rows.get(0).startsWith("1,3,") && rows.get(1).startsWith("1,5,"), stdout);
        for (String row : rows) {
            String[] f = row.split(",");
            assertEquals("true", f[9], "all solves converged: " + row);
            for (int c = 4; c <= 8; c++) {
                assertTrue(Integer.parseInt(f[c]) >= 4, "at least 2k products: " + row);
            }
        }
        assertTrue(stdout.lines().anyMatch(l -> l.startsWith("hvps_warm_sum min/median/max")), stdout);
        assertTrue(stdout.lines().anyMatch(l -> l.startsWith("hvps_warm_davidson min/median/max")), stdout);
    }

    @Test
    void benchHvpBadInputsExit2() {
        AlignScopeTest.Outcome o = AlignScopeTest.execute("bench", "hvp", "--reps", "5");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("--reps"), o.err());
        o = AlignScopeTest.execute("bench", "hvp", "--model", "cnn:1x28x28:c16k3-zz");
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("--model"), o.err());
        o = AlignScopeTest.execute("bench", "hvp", "--model", "mlp:20-8-3:tanh", "--serve", "--per-layer");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("--serve"), o.err());
    }

    @Test
    void eachSubcommandRefusesABadOptionWithTheSchemaWording(@TempDir Path tmp) throws Exception {
        refused("--d: 1 is out of range; allowed: >= 2", "bench", "quad", "--d", "1");
        refused("--repeats: 0 is out of range; allowed: >= 1", "bench", "quad", "--repeats", "0");
        refused("--reps: 5 is out of range; allowed: >= 20", "bench", "hvp", "--reps", "5");
        refused("--threads: 65 is out of range; allowed: [1, 64]", "bench", "hvp", "--threads", "65");
        refused("--warmup-s: -1 is out of range; allowed: >= 0", "bench", "hvp", "--warmup-s", "-1");
        refused("--serve: cannot be combined with --per-layer", "bench", "hvp", "--serve", "--per-layer");
        refused("--n: must be a positive multiple of 10 (got 15)", "bench", "lanczos",
                "--n", "15");
        refused("--batch-size: 200 is out of range; allowed: [1, 100]", "bench", "lanczos", "--n", "100",
                "--batch-size", "200");
        refused("--loss: 'hinge' is not allowed; allowed: ce, mse", "bench", "lanczos", "--loss", "hinge");
        refused("--config: required; allowed: a path", "bench", "monitor");
        Path cfg = Files.writeString(tmp.resolve("c.yaml"), MonitorCommandTest.TINY);
        refused("--every: each interval must be >= 1, got 0", "bench", "monitor", "--config", cfg.toString(),
                "--every", "5,0");
        refused("--window: 0 is out of range; allowed: >= 1", "bench", "monitor", "--config", cfg.toString(),
                "--window", "0");
        refused("--warmup: warmup + window must lie in [1, training.steps = 24], got 20 + 10", "bench", "monitor",
                "--config", cfg.toString(), "--warmup", "20", "--window", "10");
        Path noMonitor = Files.writeString(tmp.resolve("n.yaml"),
                MonitorCommandTest.TINY.replace("monitor: {every: 5, samples: 6}", ""));
        refused("--config: has no monitor: section (it gives k, samples, tolerance)", "bench", "monitor",
                "--config", noMonitor.toString());
    }
}
