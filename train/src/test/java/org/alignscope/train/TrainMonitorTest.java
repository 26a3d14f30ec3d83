package org.alignscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alignscope.monitor.MonitorCsv;
import org.alignscope.monitor.Verdict;
import org.alignscope.settings.SettingError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alignscope train} with a {@code monitor:} section on a tiny synthetic problem. */
class TrainMonitorTest {
    static String yaml(String optimizer, int batch, String monitor) {
        return String.join("\n",
                "seeds: [11]",
                "data: {source: gaussian-mixture, train_samples: 40, test_samples: 0, dimension: 6, classes: 3,"
                        + " separation: 2, noise: 1, seed: 5}",
                "model: {spec: 'mlp:6-5-3:tanh', loss: mse}",
                "optimizer: " + optimizer,
                "training: {steps: 24, batch_size: " + batch + "}",
                "subspace: {k: 2, chunk: 16, refresh_every: 4, tolerance: 1e-8}",
                "switch: {check_every: 3, fallback_step: 7, threshold: 1.0}",
                "logging: {eval_every: 5}",
                "arms: [{name: plain, projection: none}, {name: dom, projection: dom}, {name: bulk, projection: bulk}]",
                monitor, "");
    }

    static Path write(Path dir, String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    static List<String[]> rows(Path out, String arm) throws Exception {
        List<String[]> r = new ArrayList<>();
        for (String l : Files.readAllLines(out.resolve(arm).resolve("seed_11").resolve("monitor.csv"))) {
            r.add(l.split(",", -1));
        }
        return r;
    }

    @Test
    @org.junit.jupiter.api.Tag("reliability")
    void kAutoWritesTheChosenKInKUsedAndLeavesKEmpty(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("auto");
        TrainExperiment.run(write(tmp, "a.yaml", yaml("{name: sgd, lr: 0.2}", 8,
                "monitor: {every: 10, samples: 4, k: auto, arms: [plain]}")), out, "t", null);
        List<String[]> r = rows(out, "plain");
        List<String> header = List.of(r.get(0));
        assertEquals(4, r.size(), "the header and the rows of steps 0, 10, 20");
        for (String[] row : r.subList(1, r.size())) {
            int used = Integer.parseInt(row[header.indexOf("k_used")]);
            assertTrue(used >= 2 && used <= 30, "auto's k lies in [2, 30]: " + used);
            assertEquals("", row[header.indexOf("k")], "k: auto asks for no k");
        }
    }

    @Test
    @org.junit.jupiter.api.Tag("reliability")
    void dynamicKWritesTheCountInKDynAndSplitsAtItOrAtKMin(@TempDir Path tmp) throws Exception {
        for (double c : new double[] {0.05, 1e4}) {
            Path out = tmp.resolve("dynamic-" + c);
            TrainExperiment.run(write(tmp, "d.yaml", yaml("{name: sgd, lr: 0.2}", 8,
                    "monitor: {every: 10, samples: 4, dynamic_k: " + c + ", k_min: 2, arms: [plain]}")), out, "t",
                    null);
            List<String[]> r = rows(out, "plain");
            List<String> header = List.of(r.get(0));
            assertEquals(4, r.size(), "the header and the rows of steps 0, 10, 20");
            for (String[] row : r.subList(1, r.size())) {
                int dyn = Integer.parseInt(row[header.indexOf("k_dyn")]);
                double threshold = c / Double.parseDouble(row[header.indexOf("eta")]);
                double lambda1 = Double.parseDouble(row[header.indexOf("lambda_1")]);
                assertEquals(lambda1 > threshold, dyn >= 1, "lambda_1 " + lambda1 + " against c/eta " + threshold);
                assertEquals(Math.max(2, dyn), Integer.parseInt(row[header.indexOf("k_used")]), "clamp to k_min 2");
                assertEquals("", row[header.indexOf("k")], "dynamic_k asks for no k");
                assertEquals(dyn < 2, row[header.indexOf("findings")].contains("dynamic-k-below-min"),
                        row[header.indexOf("findings")]);
            }
            if (c > 1) {
                assertEquals("0", r.get(1)[header.indexOf("k_dyn")], "c/eta = 5e4 lies above every eigenvalue");
            }
        }
    }

    @Test
    void rowsAppearOnTheScheduleWithTheDocumentedColumnsAndDoNotChangeTraining(@TempDir Path tmp) throws Exception {
        Path with = tmp.resolve("with");
        Path without = tmp.resolve("without");
        String opt = "{name: sgd, lr: 0.2}";
        TrainExperiment.run(write(tmp, "a.yaml", yaml(opt, 8, "monitor: {every: 5, samples: 6}")), with, "t", null);
        TrainExperiment.run(write(tmp, "b.yaml", yaml(opt, 8, "")), without, "t", null);
        for (String arm : List.of("plain", "dom", "bulk")) {
            Path m = Path.of(arm, "seed_11", "metrics.csv");
            assertEquals(Files.readString(without.resolve(m)), Files.readString(with.resolve(m)),
                    "the monitor must not change the training trajectory");
            List<String[]> r = rows(with, arm);
            assertEquals(List.of(MonitorCsv.HEADER), List.of(r.get(0)));
            assertEquals(List.of("step", "theta", "chi", "eta", "eta_star", "eta_loss_dom", "eta_loss_bulk",
                    "theta_crit", "regime", "lambda_1", "eta_lambda1", "dloss_pred", "dloss_real", "findings"),
                    List.of(r.get(0)).subList(0, 14), "the issue's columns first");
            List<String> steps = new ArrayList<>();
            for (String[] row : r.subList(1, r.size())) {
                steps.add(row[0]);
                double theta = Double.parseDouble(row[1]);
                assertTrue(theta >= 0 && theta <= 1, row[1]);
                assertEquals(Math.sqrt(theta), Double.parseDouble(row[2]), 1e-12);
                assertEquals("0.2", row[3]);
                assertFalse(row[12].isEmpty(), "dloss_real is measured");
                assertFalse(row[11].isEmpty(), "SGD: dloss_pred exists");
                assertEquals("2", row[14], "k defaults to subspace.k");
            }
            assertEquals(List.of("0", "5", "10", "15", "20"), steps);
            assertTrue(Files.readString(with.resolve(arm).resolve("seed_11").resolve("monitor.jsonl"))
                    .contains("\"sensitivity_theta\":["));
        }
        // the base phase (steps < 7) is one trajectory: its rows are the same in every arm's file
        assertEquals(List.of(rows(with, "plain").get(1)), List.of(rows(with, "dom").get(1)));
        assertEquals(List.of(rows(with, "plain").get(2)), List.of(rows(with, "bulk").get(2)));
        assertFalse(Files.exists(without.resolve("plain/seed_11/monitor.csv")));

        // the run-level verdict summary: the run, then each monitored trajectory, from the rows' verdict column
        List<String> summary = Files.readAllLines(with.resolve(VerdictReport.FILE));
        assertEquals(8, summary.size(), "two lines for the run and each of three trajectories: " + summary);
        assertTrue(summary.get(0).startsWith("run: 15 evaluations: "), summary.get(0));
        assertTrue(summary.get(1).startsWith("  suggests: "), summary.get(1));
        for (String arm : List.of("plain", "dom", "bulk")) {
            List<String[]> r = rows(with, arm);
            int v = List.of(r.get(0)).indexOf("verdict");
            Map<String, Integer> counts = new TreeMap<>();
            for (String[] row : r.subList(1, r.size())) {
                counts.merge(Verdict.of(row[v]).code(), 1, Integer::sum);
            }
            String line = summary.stream().filter(l -> l.startsWith(arm + " seed 11: 5 evaluations: ")).findFirst()
                    .orElseThrow();
            counts.forEach((code, n) -> assertTrue(line.contains(code + " " + (100 * n / 5) + "% (" + n + ")"), line));
        }
        assertEquals(5, Files.readAllLines(with.resolve(VerdictReport.TABLE)).size(), "header, run, three trajectories");
        assertFalse(Files.exists(without.resolve(VerdictReport.FILE)), "no monitor, no verdicts");
    }

    @Test
    void noiseFreePredictionMatchesTheRealisedLossChange(@TempDir Path tmp) throws Exception {
        // batch = the whole training (= reference) set: every noise sample is zero, so E ΔL is the second-order
        // Taylor model −η‖g‖² + ½η²gᵀHg; with a small step the third-order remainder is tiny
        Path out = tmp.resolve("o");
        TrainExperiment.run(write(tmp, "c.yaml", yaml("{name: sgd, lr: 0.01}", 40,
                "monitor: {every: 4, samples: 3, arms: [plain]}")), out, "t", null);
        List<String[]> r = rows(out, "plain");
        assertEquals(7, r.size());
        for (String[] row : r.subList(1, r.size())) {
            double pred = Double.parseDouble(row[11]);
            double real = Double.parseDouble(row[12]);
            assertTrue(real < 0, "a small full-batch step lowers the loss");
            assertEquals(real, pred, 1e-3 * Math.abs(real), "step " + row[0]);
        }
    }

    @Test
    void theOptimizerProfileFollowsTheArmsOptimizer(@TempDir Path tmp) throws Exception {
        Path mom = tmp.resolve("mom");
        TrainExperiment.run(write(tmp, "m.yaml", yaml("{name: momentum, lr: 0.05, momentum: 0.5}", 8,
                "monitor: {every: 10, samples: 3, arms: [plain]}")), mom, "t", null);
        for (String[] row : rows(mom, "plain").subList(1, 4)) {
            assertTrue(row[13].contains("theory-n/a"), String.join(",", row));
            assertTrue(row[11].isEmpty(), "no SGD prediction for heavy ball");
            assertEquals(2 + 2 * 0.5, Double.parseDouble(row[28]), 1e-12, "heavy-ball edge");
        }
        Path eff = tmp.resolve("eff");
        TrainExperiment.run(write(tmp, "e.yaml", yaml("{name: momentum, lr: 0.05, momentum: 0.5}", 8,
                "monitor: {every: 10, samples: 3, arms: [plain], effective_step: true}")), eff, "t", null);
        for (String[] row : rows(eff, "plain").subList(1, 4)) {
            assertFalse(row[13].contains("theory-n/a"), String.join(",", row));
            assertFalse(row[11].isEmpty(), "the effective step η/(1 − μ) gives a prediction");
        }
        Path adam = tmp.resolve("adam");
        TrainExperiment.run(write(tmp, "d.yaml", yaml("{name: adam, lr: 0.01}", 8,
                "monitor: {every: 10, samples: 3, arms: [plain]}")), adam, "t", null);
        List<String[]> a = rows(adam, "plain");
        assertTrue(a.get(1)[27].isEmpty(), "no preconditioner before Adam's first step");
        for (String[] row : a.subList(2, 4)) {
            assertTrue(row[13].contains("theory-n/a"), String.join(",", row));
            assertTrue(Double.parseDouble(row[27]) > 0, "η·λ1(P⁻¹H) from Adam's second moment");
            assertEquals((2 + 2 * 0.9) / (1 - 0.9), Double.parseDouble(row[28]), 1e-9, "Adam edge");
        }
    }

    @Test
    void checkpointEvaluationMatchesTheTrainingRowAtThatStep(@TempDir Path tmp) throws Exception {
        String text = yaml("{name: sgd, lr: 0.2}", 8, "monitor: {every: 5, samples: 6}")
                .replace("logging: {eval_every: 5}", "logging: {eval_every: 5, checkpoint_every: 10}");
        Path cfgFile = write(tmp, "k.yaml", text);
        TrainConfig cfg = ConfigReader.read(cfgFile);
        Path full = tmp.resolve("full");
        TrainExperiment.run(cfgFile, full, "t", null);
        Path cut = tmp.resolve("cut");
        Trainer tr = new Trainer(cfg, cut, null);
        tr.interruptSeedIndex = 0;
        tr.interruptStep = 12;
        assertThrows(Trainer.Interrupted.class, tr::run);
        List<CheckpointMonitor.Evaluation> ev = CheckpointMonitor.evaluate(cfg, cut);
        assertEquals(List.of("plain", "dom", "bulk"), ev.stream().map(CheckpointMonitor.Evaluation::trajectory).toList());
        for (CheckpointMonitor.Evaluation e : ev) {
            assertEquals(10, e.result().step());
            String[] trained = rows(full, e.trajectory()).get(3);
            assertEquals("10", trained[0]);
            // step 10 is not a refresh step: same state, basis, Lanczos seed and noise draws as in training
            CheckpointMonitor.write(e, tmp.resolve("eval").resolve(e.trajectory()));
            List<String> lines = Files.readAllLines(tmp.resolve("eval").resolve(e.trajectory()).resolve("monitor.csv"));
            assertEquals(2, lines.size());
            assertEquals(String.join(",", trained), lines.get(1));
        }
        // the probe: 400 projected steps per subspace from the same state; the evaluation itself is unchanged and
        // the state is restored (the realised change of step 10 is the same)
        List<CheckpointMonitor.Evaluation> probed = CheckpointMonitor.evaluate(cfg, cut, 400);
        for (int i = 0; i < probed.size(); i++) {
            CheckpointMonitor.Evaluation e = probed.get(i);
            assertEquals(ev.get(i).result().main().theta(), e.result().main().theta());
            assertEquals(ev.get(i).dlossReal(), e.dlossReal(), "the probe leaves the state as it found it");
            assertEquals(400, e.probe().draws());
            for (ProjectedProbe.Outcome o : List.of(e.probe().dom(), e.probe().bulk())) {
                // the prediction is the second-order expectation over mini-batches: a Monte Carlo test of it
                assertTrue(Math.abs(o.z()) < 4, e.trajectory() + " " + o);
                assertTrue(o.se() > 0 && o.drawsAgree() >= 0 && o.drawsAgree() <= 1, o.toString());
            }
            CheckpointMonitor.write(e, tmp.resolve("probe").resolve(e.trajectory()));
            List<String> p = Files.readAllLines(tmp.resolve("probe").resolve(e.trajectory()).resolve("probe.csv"));
            assertEquals(String.join(",", ProbeRow.COLUMNS), p.get(0));
            assertEquals(1 + 2 + 3 + 1, p.size(), "dom, bulk, three theta-probe rows and the plain step's loss");
            assertTrue(p.get(6).startsWith("10,loss@eta,0.2,"), p.get(6));
            assertTrue(p.get(1).startsWith("10,dom,0.2,"), p.get(1));
            assertTrue(p.get(2).startsWith("10,bulk,0.2,"), p.get(2));
            List<String> kinds = p.subList(3, 6).stream().map(l -> l.split(",")[1]).toList();
            double etaStar = e.result().main().etaStar().value();
            assertEquals(etaStar > 0 && Double.isFinite(etaStar) ? List.of("theta@0.5", "theta@2", "theta@eta")
                    : List.of("theta@0.5eta", "theta@2eta", "theta@eta"), kinds);
            assertTrue(p.get(5).startsWith("10,theta@eta,0.2,"), p.get(5));
        }
        SettingError one = assertThrows(SettingError.class,
                () -> CheckpointMonitor.SCHEMA.of(Map.of(CheckpointMonitor.PROBE_STEPS, 1), null));
        assertEquals("--probe-steps: 1 is not allowed; allowed: 0 (off) or >= 2", one.getMessage());
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> CheckpointMonitor.evaluate(cfg, full));
        assertTrue(x.getMessage().startsWith("--checkpoint: no training checkpoint"), x.getMessage());
        TrainConfig other = ConfigReader.parse(text.replace("mlp:6-5-3:tanh", "mlp:6-7-3:tanh"), "t");
        x = assertThrows(IllegalArgumentException.class, () -> CheckpointMonitor.evaluate(other, cut));
        assertTrue(x.getMessage().startsWith("--checkpoint: incompatible"), x.getMessage());
    }

    @Test
    void anAdaptiveScheduleChangesItsIntervalWithTheState(@TempDir Path tmp) throws Exception {
        String opt = "{name: sgd, lr: 0.2}";
        String mon = "monitor: {every: adaptive, min_every: 1, max_every: 8, change: 0.05, samples: 6,"
                + " arms: [plain, dom]}";
        Path full = tmp.resolve("full");
        TrainExperiment.run(write(tmp, "a.yaml", yaml(opt, 8, mon)), full, "t", null);
        for (String arm : List.of("plain", "dom")) {
            List<Long> steps = new ArrayList<>();
            for (String[] row : rows(full, arm).subList(1, rows(full, arm).size())) {
                steps.add(Long.parseLong(row[0]));
            }
            assertEquals(0L, steps.get(0));
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < steps.size(); i++) {
                gaps.add(steps.get(i) - steps.get(i - 1));
            }
            assertTrue(gaps.stream().allMatch(g -> g >= 1 && g <= 8), arm + " " + steps);
            assertTrue(gaps.stream().distinct().count() > 1, "the interval changes with the state: " + arm + " " + steps);
        }
    }

    @Test
    void probeStepsAddTheProbeColumnsToTheMonitorRows(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("p");
        List<String> progress = new ArrayList<>();
        TrainExperiment.run(write(tmp, "p.yaml", yaml("{name: sgd, lr: 0.2}", 8,
                "monitor: {every: 10, samples: 4, probe_steps: 5, arms: [dom]}")), out, "t", progress::add);
        List<String[]> r = rows(out, "dom");
        // probe.csv: per probed state dom, bulk, the three theta-probe rows and the plain step's loss row
        List<String> probe = Files.readAllLines(out.resolve("dom/seed_11/probe.csv"));
        assertEquals(String.join(",", ProbeRow.COLUMNS), probe.get(0));
        assertEquals(1 + 6 * (r.size() - 1), probe.size(), "six rows per monitor row");
        List<ProbeRow> parsed = ProbeSummary.read(out.resolve("dom/seed_11/probe.csv"));
        for (int i = 1; i < probe.size(); i++) {
            String[] f = probe.get(i).split(",", -1);
            String kind = List.of("dom", "bulk", "theta@0.5", "theta@2", "theta@eta", "loss@eta").get((i - 1) % 6);
            assertTrue(f[1].equals(kind) || f[1].equals(kind + "eta"), probe.get(i));
            assertEquals(r.get(1 + (i - 1) / 6)[0], f[0], "the probed state's step");
            assertEquals(parsed.get(i - 1).z(), Double.parseDouble(f[6]), 0, "z = (realised - predicted)/SE");
        }
        // the run-level table: every row counted once, hit rates with their Wilson intervals
        List<String> summary = Files.readAllLines(out.resolve(ProbeSummary.FILE));
        assertEquals(String.join(",", ProbeSummary.COLUMNS), summary.get(0));
        assertEquals(List.of("theta,near", "theta,far", "loss,near", "loss,far", "step,near", "step,far"),
                summary.subList(1, 7).stream().map(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1))).toList());
        long counted = 0;
        long beyond = 0;
        for (String l : summary.subList(1, 7)) {
            String[] f = l.split(",", -1);
            beyond += Long.parseLong(f[8]);
            long hits = Long.parseLong(f[2]);
            long misses = Long.parseLong(f[3]);
            counted += hits + misses + Long.parseLong(f[4]);
            org.alignscope.monitor.ConfidenceInterval w = org.alignscope.monitor.ConfidenceInterval.wilson(hits,
                    hits + misses);
            assertEquals(w.lower(), Double.parseDouble(f[6]), 0, l);
            assertEquals(w.upper(), Double.parseDouble(f[7]), 0, l);
        }
        assertEquals(probe.size() - 1, counted, "one monitored arm: every probe row once");
        assertEquals(parsed.stream().filter(p -> Math.abs(p.z()) > 2).count(), beyond, "the rows with |z| > 2");
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("probes (hits of resolved, 95 % Wilson): theta near")),
                progress.toString());
        assertEquals(MonitorCsv.HEADER.length + ProjectedProbe.COLUMNS.length, r.get(0).length);
        assertEquals("probe_draws", r.get(0)[MonitorCsv.HEADER.length]);
        for (String[] row : r.subList(1, r.size())) {
            assertEquals("5", row[MonitorCsv.HEADER.length]);
            assertFalse(row[MonitorCsv.HEADER.length + 1].isEmpty(), "probe_dom_mean");
        }
        assertTrue(Files.size(out.resolve("plots").resolve("monitor_dom_seed_11.png")) > 1000, "theta, eta, probe panels");
        assertFalse(Files.exists(out.resolve("plots").resolve("monitor_plain_seed_11.png")), "plain is not monitored");
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> ConfigReader.parse(
                yaml("{name: adam, lr: 0.01}", 8, "monitor: {probe_steps: 5}"), "t"));
        assertTrue(x.getMessage().startsWith("monitor.probe_steps: 5 is not allowed"), x.getMessage());
    }

    @Test
    void theOverheadBenchmarkRunsEveryWindowFromTheSameStateWithTheRightEvaluationCounts(@TempDir Path tmp)
            throws Exception {
        TrainConfig cfg = ConfigReader.read(write(tmp, "b.yaml", yaml("{name: sgd, lr: 0.2}", 8,
                "monitor: {every: 5, samples: 3}")));
        List<MonitorBenchmark.Window> w = MonitorBenchmark.run(cfg, 4, 10, List.of(5, 1), null);
        assertEquals(List.of(0, 5, 1, 0), w.stream().map(MonitorBenchmark.Window::every).toList());
        assertEquals(List.of(0, 2, 10, 0), w.stream().map(MonitorBenchmark.Window::evaluations).toList());
        assertTrue(w.get(1).coldHvps() > 0 && w.get(2).warmHvps() > 0, w.toString());
        assertTrue(Double.isNaN(w.get(0).coldSeconds()), "no evaluation in a plain window");
        SettingError e = assertThrows(SettingError.class, () -> MonitorBenchmark.run(cfg, 20, 10, List.of(5), null));
        assertEquals("--warmup: warmup + window must lie in [1, training.steps = 24], got 20 + 10", e.getMessage());
        e = assertThrows(SettingError.class,
                () -> MonitorBenchmark.SCHEMA.parse(Map.of("config", "b.yaml", "every", "5,0"), null));
        assertEquals("--every: each interval must be >= 1, got 0", e.getMessage());
        e = assertThrows(SettingError.class,
                () -> MonitorBenchmark.SCHEMA.parse(Map.of("config", "b.yaml", "window", "0"), null));
        assertEquals("--window: 0 is out of range; allowed: >= 1", e.getMessage());
    }
}
