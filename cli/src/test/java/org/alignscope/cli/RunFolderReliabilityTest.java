package org.alignscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.alignscope.io.OutputFolder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output folders are owned, resumes never destroy results, and a diverging run ends. */
@Tag("reliability")
class RunFolderReliabilityTest {
    static final String TINY = String.join("\n",
            "seeds: [1, 2]",
            "data: {source: gaussian-mixture, train_samples: 30, dimension: 4, classes: 3}",
            "model: {spec: 'mlp:4-4-3:tanh'}",
            "training: {steps: 12, batch_size: 5}",
            "subspace: {k: 2, refresh_every: 3}",
            "switch: {check_every: 2, fallback_step: 4}",
            "logging: {eval_every: 4}", "");

    static Path config(Path dir, String text) throws IOException {
        Path f = dir.resolve("c" + Math.abs(text.hashCode()) + ".yaml");
        Files.writeString(f, text);
        return f;
    }

    /** Every file below {@code dir} with its bytes. */
    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    static void assertSameFiles(Map<String, byte[]> a, Map<String, byte[]> b) {
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) {
            assertTrue(java.util.Arrays.equals(a.get(k), b.get(k)), k + " changed");
        }
    }

    @Test
    void resumeOfAFinishedRunChangesNoFile(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("o");
        String[] r = TrainCommandTest.run("train", "--config", config(tmp, TINY).toString(), "--out", out.toString());
        assertEquals("0", r[0], r[1]);
        Map<String, byte[]> before = files(out);
        r = TrainCommandTest.run("train", "--resume", out.toString());
        assertEquals("2", r[0], r[1]);
        assertEquals(1, r[1].strip().lines().count(), r[1]);
        assertSameFiles(before, files(out));
    }

    @Test
    void aRunKilledBeforeItsFirstCheckpointIsNotResumedAndKeepsItsFiles(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("o");
        String[] r = TrainCommandTest.run("train", "--config", config(tmp, TINY).toString(), "--out", out.toString());
        assertEquals("0", r[0], r[1]);
        // what a kill before the first checkpoint leaves: a manifest saying running, nobody holding the lock
        Path manifest = out.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"complete\"", "\"running\""));
        Map<String, byte[]> before = files(out);
        r = TrainCommandTest.run("train", "--resume", out.toString());
        assertEquals("2", r[0], r[1]);
        assertTrue(r[1].contains("has no checkpoint") && r[1].contains("--force"), r[1]);
        assertSameFiles(before, files(out));
        assertEquals("killed", org.alignscope.report.RunStatus.of(out));
    }

    @Test
    void aSecondWriterIsRefusedInOneLine(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("o");
        try (OutputFolder held = OutputFolder.claim("--out", "--force", out, "train", "another process", false)) {
            String[] r = TrainCommandTest.run("train", "--config", config(tmp, TINY).toString(), "--out", out.toString());
            assertEquals("2", r[0], r[1]);
            assertEquals(1, r[1].strip().lines().count(), r[1]);
            assertTrue(r[1].contains("is in use by another AlignScope process"), r[1]);
            assertFalse(Files.exists(out.resolve("manifest.json")));
            r = TrainCommandTest.run("train", "--resume", out.toString());
            assertEquals("2", r[0], r[1]);
            assertTrue(r[1].contains("--resume: " + out + " is in use by another AlignScope process"), r[1]);
        }
    }

    @Test
    void aForeignFolderIsRefusedUnlessForceAndARerunLeavesNoStaleResults(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("o");
        Files.createDirectories(out);
        Files.writeString(out.resolve("thesis.tex"), "precious");
        Path cfg = config(tmp, TINY);
        String[] r = TrainCommandTest.run("train", "--config", cfg.toString(), "--out", out.toString());
        assertEquals("2", r[0], r[1]);
        assertTrue(r[1].contains("--out: " + out + " is not empty") && r[1].contains("--force"), r[1]);
        assertEquals("precious", Files.readString(out.resolve("thesis.tex")));
        r = TrainCommandTest.run("train", "--config", cfg.toString(), "--out", out.toString(), "--force");
        assertEquals("0", r[0], r[1]);
        assertFalse(Files.exists(out.resolve("thesis.tex")));
        assertTrue(Files.exists(out.resolve("plain").resolve("seed_2")));
        // a rerun of the same kind replaces the folder: no seed_2 of the earlier run stays beside the new seed 1
        r = TrainCommandTest.run("train", "--config", config(tmp, TINY.replace("seeds: [1, 2]", "seeds: [1]")).toString(),
                "--out", out.toString());
        assertEquals("0", r[0], r[1]);
        assertFalse(Files.exists(out.resolve("plain").resolve("seed_2")));
    }

    @Test
    void aDivergingRunIsRecordedAndTheProcessEnds(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("o");
        Path cfg = config(tmp, TINY.replace("mlp:4-4-3:tanh'}", "mlp:4-16-3:relu', loss: mse}")
                + "optimizer: {name: sgd, lr: 1.0e6}\n");
        // the limit only guards against a hang (plots of a loss from 0.6 to 1e161 once never finished)
        String[] r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(120),
                () -> TrainCommandTest.run("train", "--config", cfg.toString(), "--out", out.toString(), "--quiet"));
        assertEquals("0", r[0], r[1]);
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"status\" : \"complete\"") && manifest.contains("\"diverged\""), manifest);
        assertTrue(Files.size(out.resolve("plots").resolve("seed_1.png")) > 0);
        assertTrue(Files.readString(out.resolve("plain").resolve("seed_1").resolve("metrics.csv")).contains("diverged"));
    }

    @Test
    void anEmptyOutIsAnError(@TempDir Path tmp) throws Exception {
        String[] r = TrainCommandTest.run("train", "--config", config(tmp, TINY).toString(), "--out", "");
        assertEquals("2", r[0], r[1]);
        assertTrue(r[1].contains("--out: an empty path"), r[1]);
    }
}
