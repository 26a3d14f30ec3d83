package org.alignscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorCommandTest {
    @Test
    void quadraticCrossCheckWritesItsFiles(@TempDir Path out) throws Exception {
        AlignScopeTest.Outcome o = AlignScopeTest.execute("monitor", "--quadratic", "--d", "60", "--k", "6", "--m", "10",
                "--samples", "2000", "--seed", "3", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        List<String> lines = Files.readAllLines(out.resolve("crosscheck.csv"));
        assertEquals("quantity,exact,estimated,rel_error,std_error", lines.get(0));
        assertEquals(16, lines.size());
        for (String f : List.of("monitor.csv", "sensitivity.csv", "eigen.csv", "findings.txt", "manifest.json")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"crosscheck_passes\" : true"));
        // the settings are the command's resolved options, the defaults included
        assertTrue(manifest.contains("\"d\" : 60,") && manifest.contains("\"tolerance\" : 1.0E-10,")
                && manifest.contains("\"probe_steps\" : 0,"), manifest);
    }

    @Test
    void invalidInputExitsWithCode2BeforeAnyWork(@TempDir Path out) {
        for (String[] bad : List.of(new String[] {"--k", "0", "0 is out of range; allowed: [1, 199]"},
                new String[] {"--samples", "1", "1 is out of range; allowed: >= 2"},
                new String[] {"--m", "1", "1 is out of range; allowed: > 1"},
                new String[] {"--eta", "-1", "-1 is out of range; allowed: > 0"},
                new String[] {"--d", "10", "20 is out of range; allowed: [1, 9]"})) {
            AlignScopeTest.Outcome o = AlignScopeTest.execute("monitor", "--quadratic", bad[0], bad[1], "--out",
                    out.resolve("x").toString());
            assertEquals(2, o.code(), o.err());
            String option = bad[0].equals("--d") ? "--k" : bad[0];  // the default k does not fit d = 10
            assertEquals("alignscope: error: " + option + ": " + bad[2], o.err().strip());
            assertFalse(Files.exists(out.resolve("x")));
        }
        AlignScopeTest.Outcome o = AlignScopeTest.execute("monitor", "--out", out.resolve("x").toString());
        assertEquals(2, o.code());
        assertEquals("alignscope: error: --quadratic, --checkpoint DIR --config FILE or --model-checkpoint DIR --data"
                + " SOURCE is required", o.err().strip());
    }

    static final String TINY = String.join("\n",
            "seeds: [4]",
            "data: {source: gaussian-mixture, train_samples: 40, test_samples: 0, dimension: 6, classes: 3}",
            "model: {spec: 'mlp:6-5-3:tanh'}",
            "optimizer: {name: sgd, lr: 0.2}",
            "training: {steps: 24, batch_size: 8}",
            "subspace: {k: 2, refresh_every: 4, tolerance: 1e-8}",
            "switch: {check_every: 3, fallback_step: 7, threshold: 1.0}",
            "logging: {eval_every: 5, checkpoint_every: 10}",
            "monitor: {every: 5, samples: 6}", "");

    /** A run stopped after step 14 (as a kill would), so that its checkpoint of step 10 stays. */
    static Path stoppedRun(Path tmp, Path cfg) {
        Path run = tmp.resolve("run");
        RuntimeException stop = new RuntimeException("stop");
        try {
            org.alignscope.train.TrainExperiment.run(cfg, run, "test", null, (done, total) -> {
                if (done == 15) {
                    throw stop;
                }
            });
        } catch (RuntimeException e) {
            assertEquals(stop, e);
        }
        assertTrue(Files.exists(run.resolve("checkpoint").resolve("state.json")));
        return run;
    }

    @Test
    void checkpointEvaluationWritesTheMonitorColumnsAndTheSensitivity(@TempDir Path tmp) throws Exception {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, TINY);
        Path run = stoppedRun(tmp, cfg);
        Path out = tmp.resolve("eval");
        AlignScopeTest.Outcome o = AlignScopeTest.execute("monitor", "--checkpoint", run.toString(), "--config",
                cfg.toString(), "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        for (String arm : List.of("plain", "dom", "bulk")) {
            Path d = out.resolve(arm);
            List<String> csv = Files.readAllLines(d.resolve("monitor.csv"));
            assertEquals(String.join(",", org.alignscope.monitor.MonitorCsv.HEADER), csv.get(0));
            assertEquals(2, csv.size());
            assertTrue(csv.get(1).startsWith("10,"), csv.get(1));
            // the same row as the (stopped) training run's own evaluation at step 10
            List<String> trained = Files.readAllLines(run.resolve(arm).resolve("seed_4").resolve("monitor.csv"));
            assertTrue(trained.contains(csv.get(1)), csv.get(1));
            List<String> sens = Files.readAllLines(d.resolve("sensitivity.csv"));
            assertTrue(sens.get(0).startsWith("k,lambda_k,lambda_k1,gap,gap_ratio,theta,chi,eta_star"), sens.get(0));
            assertEquals(1 + 4, sens.size(), "header and k' = 1 .. 4 (k = 2, spread 2, k' >= 1)");
            for (String f : List.of("monitor.jsonl", "eigen.csv", "findings.txt")) {
                assertTrue(Files.exists(d.resolve(f)), f);
            }
        }
        assertTrue(Files.exists(out.resolve("manifest.json")));
        // the probes at the same state: probe.csv with a dom, a bulk and three theta rows, the monitor row unchanged
        Path probed = tmp.resolve("probe");
        o = AlignScopeTest.execute("monitor", "--checkpoint", run.toString(), "--config", cfg.toString(),
                "--probe-steps", "20", "--out", probed.toString());
        assertEquals(0, o.code(), o.err());
        for (String arm : List.of("plain", "dom", "bulk")) {
            List<String> p = Files.readAllLines(probed.resolve(arm).resolve("probe.csv"));
            assertEquals(String.join(",", org.alignscope.train.ProbeRow.COLUMNS), p.get(0));
            assertTrue(p.get(1).startsWith("10,dom,") && p.get(2).startsWith("10,bulk,"), p.toString());
            assertEquals(7, p.size(), "header, dom, bulk, three theta-probe rows and loss@eta: " + p);
            assertTrue(p.get(5).startsWith("10,theta@eta,"), p.toString());
            assertEquals(Files.readAllLines(out.resolve(arm).resolve("monitor.csv")),
                    Files.readAllLines(probed.resolve(arm).resolve("monitor.csv")));
        }
        o = AlignScopeTest.execute("monitor", "--checkpoint", run.toString(), "--config", cfg.toString(),
                "--probe-steps", "1", "--out", probed.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("--probe-steps: 1 is not allowed"), o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
    }

    @Test
    void checkpointErrorsAreOneLineWithExitCode2(@TempDir Path tmp) throws Exception {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, TINY);
        Path noMonitor = tmp.resolve("n.yaml");
        Files.writeString(noMonitor, TINY.replace("monitor: {every: 5, samples: 6}", ""));
        Path wider = tmp.resolve("w.yaml");
        Files.writeString(wider, TINY.replace("mlp:6-5-3:tanh", "mlp:6-8-3:tanh"));
        Path run = stoppedRun(tmp, cfg);
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        String[][] cases = {
            {empty.toString(), cfg.toString(), "--checkpoint: no training checkpoint in"},
            {tmp.resolve("missing").toString(), cfg.toString(), "--checkpoint:"},
            {run.toString(), noMonitor.toString(), "--config: has no monitor: section"},
            {run.toString(), wider.toString(), "--checkpoint: incompatible with the config"},
        };
        for (String[] c : cases) {
            AlignScopeTest.Outcome o = AlignScopeTest.execute("monitor", "--checkpoint", c[0], "--config", c[1],
                    "--out", tmp.resolve("x").toString());
            assertEquals(2, o.code(), o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
            assertTrue(o.err().contains(c[2]), o.err());
        }
        AlignScopeTest.Outcome o = AlignScopeTest.execute("monitor", "--checkpoint", run.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("--config: required with --checkpoint"), o.err());
    }
}
