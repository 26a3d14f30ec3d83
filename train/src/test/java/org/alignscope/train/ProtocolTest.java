package org.alignscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.alignscope.monitor.FindingCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The switching protocol, paired arms, resume and divergence on a tiny synthetic problem (seconds). */
class ProtocolTest {

    /** 3 Gaussian clusters in R^6, an MLP 6-5-3, 40 training samples, batch 8 (5 batches per epoch). */
    static String yaml(String arms, String extra) {
        return String.join("\n",
                "name: tiny",
                "seeds: [11, 12]",
                "data: {source: gaussian-mixture, train_samples: 40, test_samples: 30, dimension: 6, classes: 3,"
                        + " separation: 2, noise: 1, seed: 5}",
                "model: {spec: 'mlp:6-5-3:tanh', loss: mse}",
                "optimizer: {name: momentum, lr: 0.1, momentum: 0.5}",
                "training: {steps: 40, batch_size: 8}",
                "subspace: {k: 2, chunk: 16, refresh_every: 4, tolerance: 1e-8}",
                "switch: {check_every: 3, fallback_step: 13, threshold: 0.95}",
                "logging: {eval_every: 5, checkpoint_every: 10}",
                arms, extra);
    }

    static final String ARMS = String.join("\n",
            "arms:",
            "  - {name: plain, projection: none}",
            "  - {name: dom, projection: dom}",
            "  - {name: bulk, projection: bulk}",
            "  - {name: bulkg, projection: bulk, apply_to: gradient}");

    static Path config(Path dir, String text) throws Exception {
        Path f = dir.resolve("config-" + Math.abs(text.hashCode()) + ".yaml");
        Files.writeString(f, text);
        return f;
    }

    static List<String> lines(Path out, String arm, long seed) throws Exception {
        return Files.readAllLines(out.resolve(arm).resolve("seed_" + seed).resolve("metrics.csv"));
    }

    static int col(List<String> lines, String name) {
        return List.of(lines.get(0).split(",", -1)).indexOf(name);
    }

    static String field(String line, int c) {
        return line.split(",", -1)[c];
    }

    @Test
    void batchSplitThreadsChangeTheRunOnlyAtTheLevelOfRounding(@TempDir Path tmp) throws Exception {
        String arms = "arms: [{name: plain, projection: none}, {name: dom, projection: dom}]";
        String one = yaml(arms, "");
        String two = one.replace("loss: mse}", "loss: mse, threads: 2}");
        assertNotEquals(one, two);
        TrainExperiment.run(config(tmp, one), tmp.resolve("one"), "test", null);
        TrainExperiment.run(config(tmp, two), tmp.resolve("two"), "test", null);
        for (String arm : List.of("plain", "dom")) {
            List<String> a = lines(tmp.resolve("one"), arm, 11);
            List<String> b = lines(tmp.resolve("two"), arm, 11);
            assertEquals(a.size(), b.size());
            for (String name : List.of("batch_loss", "ref_loss", "ref_theta")) {
                int c = col(a, name);
                int compared = 0;
                for (int r = 1; r < a.size(); r++) {
                    String x = field(a.get(r), c);
                    String y = field(b.get(r), c);
                    assertEquals(x.isEmpty(), y.isEmpty(), arm + " " + name + " row " + r);
                    if (!x.isEmpty()) {
                        assertEquals(Double.parseDouble(x), Double.parseDouble(y),
                                1e-9 * Math.max(1e-3, Math.abs(Double.parseDouble(x))), arm + " " + name + " row " + r);
                        compared++;
                    }
                }
                assertTrue(compared > 5, name);
            }
        }
    }

    @Test
    void armsBranchFromTheSwitchStateAndSeeTheSameBatches(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        List<SeedResult> res = TrainExperiment.run(config(tmp, yaml(ARMS, "")), out, "test", null);
        assertEquals(2, res.size());
        for (SeedResult s : res) {
            assertNotNull(s.switchStep());
            long ts = s.switchStep();
            assertTrue(s.switchReason().equals("threshold") || s.switchReason().equals("fallback"));
            assertTrue(ts <= 13);
            List<String> plain = lines(out, "plain", s.seed());
            List<String> dom = lines(out, "dom", s.seed());
            List<String> bulk = lines(out, "bulk", s.seed());
            assertEquals(1 + 40 + 1, plain.size(), "header, steps 0..39, the end row");
            // the base phase is shared verbatim; the switch row's state and batch are the same in every arm
            for (int t = 0; t < ts; t++) {
                assertEquals(plain.get(1 + t), dom.get(1 + t));
                assertEquals(plain.get(1 + t), bulk.get(1 + t));
            }
            int bl = col(plain, "batch_loss");
            int ev = col(plain, "event");
            int uc = col(plain, "update_chi");
            String sw = plain.get(1 + (int) ts);
            assertEquals("switch:" + s.switchReason(), field(sw, ev));
            assertEquals(field(sw, bl), field(dom.get(1 + (int) ts), bl));
            assertEquals(field(sw, bl), field(bulk.get(1 + (int) ts), bl));
            for (int t = (int) ts; t < 40; t++) {
                assertEquals(1.0, Double.parseDouble(field(dom.get(1 + t), uc)), 1e-6, "dom update in span(U)");
                assertEquals(0.0, Double.parseDouble(field(bulk.get(1 + t), uc)), 1e-6, "bulk update orthogonal");
            }
            for (ArmResult a : s.arms()) {
                assertEquals("ok", a.status());
                assertEquals(s.arms().get(0).refLossAtSwitch(), a.refLossAtSwitch());
            }
        }
        // the plain arm does not depend on which other arms run beside it
        Path alone = tmp.resolve("alone");
        TrainExperiment.run(config(tmp, yaml("arms: [{name: plain, projection: none}]", "")), alone, "test", null);
        for (long seed : List.of(11L, 12L)) {
            assertEquals(lines(out, "plain", seed), lines(alone, "plain", seed));
        }
        assertTrue(Files.exists(out.resolve("manifest.json")));
        assertTrue(Files.exists(out.resolve("plots").resolve("seed_11.png")));
        assertTrue(Files.readString(out.resolve("dom/seed_12/metrics.jsonl")).contains("\"eigenvalues\":["));
    }

    @Test
    void aThresholdThatCannotFireFallsBack(@TempDir Path tmp) throws Exception {
        String y = yaml("arms: [{name: plain, projection: none}]", "").replace("threshold: 0.95", "threshold: 1.0");
        List<SeedResult> res = TrainExperiment.run(config(tmp, y), tmp.resolve("o"), "test", null);
        assertEquals("fallback", res.get(0).switchReason());
        assertEquals(13L, res.get(0).switchStep());
        String z = yaml("arms: [{name: plain, projection: none}]", "").replace("threshold: 0.95", "threshold: 0.0");
        res = TrainExperiment.run(config(tmp, z), tmp.resolve("p"), "test", null);
        assertEquals("threshold", res.get(0).switchReason());
        assertEquals(0L, res.get(0).switchStep(), "first check at step 0 fires a zero threshold");
    }

    /** Stops a run (as a kill would) after `stopStep` of seed `seedIndex`, resumes it, compares every file. */
    void resumeIsBitIdentical(Path tmp, int seedIndex, long stopStep) throws Exception {
        resumeIsBitIdentical(tmp, seedIndex, stopStep, "");
    }

    /** As above with extra config text (a monitor section: its files must be byte-identical too). */
    void resumeIsBitIdentical(Path tmp, int seedIndex, long stopStep, String extra) throws Exception {
        resumeIsBitIdentical(tmp, yaml(ARMS, extra), seedIndex, stopStep);
    }

    /**
     * Runs the config {@code text} whole and, in another folder, stopped after {@code stopStep} of seed
     * {@code seedIndex} and resumed; every metrics, monitor and cumulative file must be byte-identical.
     */
    static void resumeIsBitIdentical(Path tmp, String text, int seedIndex, long stopStep) throws Exception {
        Path cfg = config(tmp, text);
        Path full = tmp.resolve("full");
        TrainExperiment.run(cfg, full, "test", null);
        Path cut = tmp.resolve("cut");
        TrainConfig c = ConfigReader.read(cfg);
        Files.createDirectories(cut);
        Files.copy(cfg, cut.resolve("config.yaml"));
        Trainer tr = new Trainer(c, cut, null);
        tr.interruptSeedIndex = seedIndex;
        tr.interruptStep = stopStep;
        assertThrows(Trainer.Interrupted.class, tr::run);
        TrainExperiment.resume(cut, "test --resume", null);
        for (long seed : c.seeds()) {
            for (TrainConfig.Arm a : c.arms()) {
                List<String> files = new java.util.ArrayList<>(List.of("metrics.csv", "metrics.jsonl"));
                if (c.monitor() != null && c.monitor().monitors(a.name())) {
                    files.addAll(List.of("monitor.csv", "monitor.jsonl"));
                    if (c.monitor().cumulative()) {
                        files.addAll(List.of("cumulative.csv", "cumulative.jsonl"));
                    }
                    if (c.monitor().probeSteps() > 0) {
                        files.addAll(List.of("probe.csv", "probe.jsonl"));
                    }
                }
                for (String f : files) {
                    Path p = Path.of(a.name(), "seed_" + seed, f);
                    assertArrayEquals(Files.readAllBytes(full.resolve(p)), Files.readAllBytes(cut.resolve(p)),
                            p + " differs after resume from step " + stopStep);
                }
            }
        }
    }

    @Test
    void resumeAfterTheSwitchIsBitIdentical(@TempDir Path tmp) throws Exception {
        resumeIsBitIdentical(tmp, 1, 27);
    }

    @Test
    void resumeInTheBasePhaseIsBitIdentical(@TempDir Path tmp) throws Exception {
        resumeIsBitIdentical(tmp, 0, 11);
    }

    /** A monitor every 3 steps on three of the four arms (tiny r): its rows resume byte for byte too. */
    static final String MONITOR = "monitor: {every: 3, samples: 4, arms: [plain, dom, bulkg]}";

    @Test
    void resumeWithTheMonitorAfterTheSwitchIsBitIdentical(@TempDir Path tmp) throws Exception {
        resumeIsBitIdentical(tmp, 1, 27, MONITOR);
        assertEquals(List.of(MonitorBridge.COLUMNS.toArray(new String[0])), List.of(Files.readAllLines(
                tmp.resolve("cut/dom/seed_12/monitor.csv")).get(0).split(",")));
        assertFalse(Files.exists(tmp.resolve("cut/bulk/seed_12/monitor.csv")), "bulk is not monitored");
    }

    @Test
    void resumeWithProbesIsBitIdentical(@TempDir Path tmp) throws Exception {
        String text = yaml(ARMS, "monitor: {every: 5, samples: 3, probe_steps: 3, arms: [plain, dom]}")
                .replace("{name: momentum, lr: 0.1, momentum: 0.5}", "{name: sgd, lr: 0.1}");
        resumeIsBitIdentical(tmp, text, 1, 27);
        assertArrayEquals(Files.readAllBytes(tmp.resolve("full").resolve(ProbeSummary.FILE)),
                Files.readAllBytes(tmp.resolve("cut").resolve(ProbeSummary.FILE)), "the run-level table");
    }

    @Test
    void resumeWithTheMonitorInTheBasePhaseIsBitIdentical(@TempDir Path tmp) throws Exception {
        resumeIsBitIdentical(tmp, 0, 11, MONITOR);
    }

    @Test
    void resumeWithAnAdaptiveMonitorScheduleIsBitIdentical(@TempDir Path tmp) throws Exception {
        resumeIsBitIdentical(tmp, 1, 27, "monitor: {every: adaptive, min_every: 1, max_every: 8, samples: 4,"
                + " arms: [plain, dom, bulkg]}");
    }

    @Test
    void aResumeWithADifferentMonitorSectionIsRefused(@TempDir Path tmp) throws Exception {
        Path cfg = config(tmp, yaml(ARMS, ""));
        Path cut = tmp.resolve("cut");
        Files.createDirectories(cut);
        Files.writeString(cut.resolve("config.yaml"), yaml(ARMS, MONITOR));
        Trainer tr = new Trainer(ConfigReader.read(cfg), cut, null);
        tr.interruptSeedIndex = 0;
        tr.interruptStep = 15;
        assertThrows(Trainer.Interrupted.class, tr::run);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainExperiment.resume(cut, "test --resume", null));
        assertTrue(e.getMessage().contains("without the monitor"), e.getMessage());
    }

    @Test
    void aDivergingArmStopsAndTheOthersContinue(@TempDir Path tmp) throws Exception {
        String arms = String.join("\n",
                "arms:",
                "  - {name: plain, projection: none, track: false}",
                "  - {name: blowup, projection: interp, a: 1.0e6, b: 1}");
        Path out = tmp.resolve("o");
        List<SeedResult> res = TrainExperiment.run(config(tmp, yaml(arms,
                "monitor: {every: 1, samples: 2, arms: [blowup]}")), out, "test", null);
        for (SeedResult s : res) {
            List<String> mon = Files.readAllLines(out.resolve("blowup").resolve("seed_" + s.seed())
                    .resolve("monitor.csv"));
            assertEquals(s.arms().get(1).divergedStep() + 2, mon.size(), "a monitor row for every step, the last one's too");
            String lastMon = mon.get(mon.size() - 1);
            assertEquals("", field(lastMon, 12), "no realised loss change for the diverged step");
            assertTrue(field(lastMon, 13).equals(FindingCode.NOT_EVALUATED.code()) || !field(lastMon, 1).isEmpty(), lastMon);
            ArmResult plain = s.arms().get(0);
            ArmResult blow = s.arms().get(1);
            assertEquals("ok", plain.status());
            assertNull(plain.divergedStep());
            assertEquals("diverged", blow.status());
            List<String> b = lines(out, "blowup", s.seed());
            String last = b.get(b.size() - 1);
            assertEquals("diverged", field(last, col(b, "event")));
            assertEquals(blow.divergedStep(), Long.parseLong(field(last, col(b, "step"))));
            assertTrue(blow.divergedStep() > s.switchStep());
            List<String> p = lines(out, "plain", s.seed());
            assertEquals(42, p.size());
            assertEquals("", field(p.get(p.size() - 2), col(p, "batch_chi")), "an untracked arm has no basis");
            int rc = col(p, "refresh");
            long refreshRows = p.stream().skip(1).filter(l -> !field(l, rc).isEmpty()).count();
            assertEquals(plain.refreshes(), refreshRows);
            long beforeSwitch = p.stream().skip(1).filter(l -> !field(l, rc).isEmpty()
                    && Long.parseLong(field(l, 0)) <= s.switchStep()).count();
            assertEquals(refreshRows, beforeSwitch, "no refresh of the untracked arm after the switch");
        }
        Map<?, ?> m = new com.fasterxml.jackson.databind.ObjectMapper().readValue(out.resolve("manifest.json")
                .toFile(), Map.class);
        assertEquals("complete", m.get("status"));
    }
}
