package org.alignscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.alignscope.io.WriteFaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk or a lost permission at the n-th write of a small training run, for every n: one line naming the path
 * and the reason, exit code 3, and no file torn or half written — every CSV and JSON Lines file ends with a whole
 * row, every CSV row has its header's columns, every JSON file parses, and no temporary file is left beside them.
 */
@Tag("reliability")
class WriteFaultTest {
    static final String CONFIG = String.join("\n",
            "seeds: [1]",
            "data: {source: gaussian-mixture, train_samples: 30, dimension: 4, classes: 3}",
            "model: {spec: 'mlp:4-4-3:tanh'}",
            "training: {steps: 8, batch_size: 5}",
            "subspace: {k: 2, refresh_every: 3}",
            "switch: {check_every: 2, fallback_step: 4}",
            "logging: {eval_every: 4, checkpoint_every: 3}", "");

    @AfterEach
    void disarm() {
        WriteFaults.arm(0, WriteFaults.Kind.ENOSPC);
    }

    @Test
    void everyFailedWriteIsOneLineExit3AndLeavesNoTornFile(@TempDir Path tmp) throws Exception {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, CONFIG);
        WriteFaults.arm(0, WriteFaults.Kind.ENOSPC);
        String[] r = TrainCommandTest.run("train", "--config", cfg.toString(), "--out", tmp.resolve("whole").toString(),
                "--quiet");
        assertEquals("0", r[0], r[1]);
        long writes = WriteFaults.count();
        System.out.println("WriteFaultTest: a failure injected at each of the run's " + writes + " writes");
        assertTrue(writes > 20, "a small run still writes many times: " + writes);
        for (long n = 1; n <= writes; n++) {
            WriteFaults.Kind kind = n % 2 == 0 ? WriteFaults.Kind.EACCES : WriteFaults.Kind.ENOSPC;
            Path out = tmp.resolve("fault" + n);
            WriteFaults.arm(n, kind);
            r = TrainCommandTest.run("train", "--config", cfg.toString(), "--out", out.toString(), "--quiet");
            String at = "write " + n + " of " + writes + " (" + kind + "): ";
            assertEquals("3", r[0], at + r[1]);
            assertEquals(1, r[1].strip().lines().count(), at + r[1]);
            assertTrue(r[1].startsWith("alignscope: error: cannot ") && r[1].contains(out.toString())
                    && r[1].contains(kind == WriteFaults.Kind.ENOSPC ? "no space left on device" : "permission denied"),
                    at + r[1]);
            assertWhole(out, at);
        }
    }

    /** A real full disk: a 300 KiB tmpfs, where this machine lets the tests mount one (root, no container limits). */
    @Test
    void aRealFullDiskIsOneLineExit3AndLeavesNoTornRow(@TempDir Path tmp) throws Exception {
        Path mount = Files.createDirectory(tmp.resolve("small"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(p.waitFor() == 0, "no tmpfs can be mounted here");
        try {
            Path cfg = tmp.resolve("c.yaml");
            Files.writeString(cfg, CONFIG.replace("steps: 8", "steps: 400").replace("seeds: [1]", "seeds: [1, 2, 3]"));
            Path out = mount.resolve("o");
            String[] r = TrainCommandTest.run("train", "--config", cfg.toString(), "--out", out.toString(), "--quiet");
            assertEquals("3", r[0], r[1]);
            assertEquals(1, r[1].strip().lines().count(), r[1]);
            assertTrue(r[1].contains(out.toString()) && r[1].toLowerCase(java.util.Locale.ROOT)
                    .contains("no space left on device"), r[1]);
            assertWhole(out, "tmpfs: ");
        } finally {
            new ProcessBuilder("umount", mount.toString()).start().waitFor();
        }
    }

    /** No torn row, no unparsable JSON, no temporary file under {@code dir}. */
    static void assertWhole(Path dir, String at) throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (Map.Entry<String, byte[]> f : RunFolderReliabilityTest.files(dir).entrySet()) {
            String name = f.getKey();
            String text = new String(f.getValue(), StandardCharsets.UTF_8);
            assertFalse(Path.of(name).getFileName().toString().startsWith(".") && name.endsWith(".tmp"),
                    at + "temporary file left: " + name);
            if (name.endsWith(".csv") || name.endsWith(".jsonl")) {
                assertTrue(text.isEmpty() || text.endsWith("\n"), at + name + " ends in a torn row");
            }
            if (name.endsWith(".csv") && !text.isEmpty()) {
                String[] lines = text.split("\n");
                int columns = lines[0].split(",", -1).length;
                for (String line : lines) {
                    assertEquals(columns, line.split(",", -1).length, at + name + ": " + line);
                }
            }
            if (name.endsWith(".jsonl")) {
                for (String line : text.lines().toList()) {
                    json.readTree(line);
                }
            }
            if (name.endsWith(".json")) {
                json.readTree(text);
            }
        }
    }
}
