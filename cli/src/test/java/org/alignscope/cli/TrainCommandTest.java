package org.alignscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainCommandTest {
    static String[] run(String... args) {
        CommandLine cl = AlignScope.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), err.toString()};
    }

    @Test
    void anUnknownKeyIsOneLineAndExitCode2(@TempDir Path tmp) throws Exception {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, "optimizer:\n  name: sgd\n  lrr: 0.1\n");
        String[] r = run("train", "--config", cfg.toString(), "--out", tmp.resolve("o").toString());
        assertEquals("2", r[0], r[1]);
        assertEquals(1, r[1].strip().lines().count(), r[1]);
        assertTrue(r[1].contains("optimizer.lrr: unknown key; allowed: name, lr,"), r[1]);
        assertFalse(Files.exists(tmp.resolve("o")), "nothing is written before the config is valid");
    }

    @Test
    void aConfigThatCannotBeReadIsBadInputForTheOption(@TempDir Path tmp) {
        Path missing = tmp.resolve("missing.yaml");
        for (String command : new String[] {"train", "bench"}) {
            String[] r = command.equals("train")
                    ? run("train", "--config", missing.toString(), "--out", tmp.resolve("o").toString())
                    : run("bench", "monitor", "--config", missing.toString());
            assertEquals("2", r[0], r[1]);
            assertTrue(r[1].startsWith("alignscope: error: --config: cannot read " + missing + ": "), r[1]);
            assertEquals(1, r[1].strip().lines().count(), r[1]);
        }
        assertFalse(Files.exists(tmp.resolve("o")));
    }

    @Test
    void anOutOfRangeValueIsOneLineAndExitCode2(@TempDir Path tmp) throws Exception {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, "switch: {threshold: 2}\n");
        String[] r = run("train", "--config", cfg.toString(), "--out", tmp.resolve("o").toString());
        assertEquals("2", r[0], r[1]);
        assertTrue(r[1].contains("switch.threshold: 2 is out of range; allowed: [0, 1]"), r[1]);
    }

    @org.junit.jupiter.api.Tag("reliability")
    @Test
    void badCumulativePredictionSettingsAreOneLineAndExitCode2(@TempDir Path tmp) throws Exception {
        String[][] cases = {
            {"monitor: {cumulative_points: 1}\n", "monitor.cumulative_points: 1 is not allowed; allowed: 0 (off) or >= 2"},
            {"optimizer: {name: adam}\nmonitor: {cumulative_points: 5}\n", "monitor.cumulative_points: 5 is not allowed"},
            {"monitor: {cumulative_window: 4}\n", "monitor.cumulative_window: allowed only with"},
            {"monitor: {cumulative_points: 5, cumulative_window: 0}\n", "monitor.cumulative_window: 0 is out of range"}};
        for (String[] c : cases) {
            Path cfg = tmp.resolve("c.yaml");
            Files.writeString(cfg, c[0]);
            String[] r = run("train", "--config", cfg.toString(), "--out", tmp.resolve("o").toString());
            assertEquals("2", r[0], r[1]);
            assertEquals(1, r[1].strip().lines().count(), r[1]);
            assertTrue(r[1].contains(c[1]), r[1]);
            assertFalse(Files.exists(tmp.resolve("o")), "nothing is written before the config is valid");
        }
    }

    @Test
    void aTinyRunWritesItsFolderAndResumeNeedsACheckpoint(@TempDir Path tmp) throws Exception {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, String.join("\n",
                "seeds: [1, 2, 3]",
                "data: {source: gaussian-mixture, train_samples: 30, dimension: 4, classes: 3}",
                "model: {spec: 'mlp:4-4-3:tanh'}",
                "training: {steps: 12, batch_size: 5}",
                "subspace: {k: 2, refresh_every: 3}",
                "switch: {check_every: 2, fallback_step: 4}",
                "logging: {eval_every: 4}", ""));
        Path out = tmp.resolve("o");
        String[] r = run("train", "--config", cfg.toString(), "--out", out.toString());
        assertEquals("0", r[0], r[1]);
        for (String arm : new String[] {"plain", "dom", "bulk"}) {
            assertTrue(Files.exists(out.resolve(arm).resolve("seed_3").resolve("metrics.jsonl")));
        }
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"status\" : \"complete\""));
        // the page reads each column's meaning from the declaration the run's manifest carries
        String page = Files.readString(out.resolve("report.html"));
        for (org.alignscope.train.MetricsColumn c : org.alignscope.train.MetricsColumn.ALL) {
            assertTrue(page.contains("\"name\":\"" + c.name() + "\""), c.name());
        }
        r = run("train", "--resume", out.toString());
        assertEquals("2", r[0], r[1]);
        assertTrue(r[1].contains("--resume: " + out + " is a finished run"), r[1]);
    }

    @Test
    void dashboardPrintsTheUrlFirstAndTheRunEndsWithItsReport(@TempDir Path tmp) throws Exception {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, String.join("\n",
                "seeds: [1]",
                "data: {source: gaussian-mixture, train_samples: 30, dimension: 4, classes: 3}",
                "model: {spec: 'mlp:4-4-3:tanh'}",
                "training: {steps: 8, batch_size: 5}",
                "subspace: {k: 2, refresh_every: 3}",
                "switch: {check_every: 2, fallback_step: 4}", ""));
        Path out = tmp.resolve("o");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = System.out;
        String[] r;
        System.setOut(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            r = run("train", "--config", cfg.toString(), "--out", out.toString(), "--dashboard");
        } finally {
            System.setOut(saved);
        }
        assertEquals("0", r[0], r[1]);
        String first = bytes.toString(java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElse("");
        assertTrue(first.matches("http://127\\.0\\.0\\.1:[0-9]+/"), first);
        assertTrue(Files.exists(out.resolve("report.html")));

        Files.writeString(cfg, "switch: {threshold: 2}\n");
        bytes.reset();
        System.setOut(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            r = run("train", "--config", cfg.toString(), "--out", tmp.resolve("o2").toString(), "--dashboard");
        } finally {
            System.setOut(saved);
        }
        assertEquals("2", r[0], r[1]);
        assertEquals("", bytes.toString(java.nio.charset.StandardCharsets.UTF_8), "no URL before the config is valid");
    }
}
