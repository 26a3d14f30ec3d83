package org.alignscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.alignscope.io.AtomicFolder;
import org.alignscope.io.OutputFolder;
import org.alignscope.io.WriteFaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --resume} of a run whose checkpoint or run folder was damaged — torn, edited by hand, tampered with
 * and re-checksummed, partly deleted — is refused in one line with exit code 2 and changes no file; the one state
 * a kill can leave (between the checkpoint's two renames) resumes.
 */
@Tag("reliability")
class CorruptCheckpointTest {
    static final String CONFIG = String.join("\n",
            "seeds: [1]",
            "data: {source: gaussian-mixture, train_samples: 30, dimension: 4, classes: 3}",
            "model: {spec: 'mlp:4-4-3:tanh'}",
            "optimizer: {name: momentum, lr: 0.1, momentum: 0.5}",
            "training: {steps: 12, batch_size: 5}",
            "subspace: {k: 2, refresh_every: 3}",
            "switch: {check_every: 2, fallback_step: 4}",
            "logging: {eval_every: 4, checkpoint_every: 3}", "");

    @AfterEach
    void disarm() {
        WriteFaults.arm(0, WriteFaults.Kind.ENOSPC);
    }

    /** A run stopped by a failed write after its last checkpoint: a folder that --resume continues. */
    static Path interrupted(Path tmp) throws Exception {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, CONFIG);
        WriteFaults.arm(0, WriteFaults.Kind.ENOSPC);
        String[] r = TrainCommandTest.run("train", "--config", cfg.toString(), "--out", tmp.resolve("whole").toString(),
                "--quiet");
        assertEquals("0", r[0], r[1]);
        long writes = WriteFaults.count();
        Path out = tmp.resolve("cut");
        WriteFaults.arm(writes - 12, WriteFaults.Kind.ENOSPC);
        r = TrainCommandTest.run("train", "--config", cfg.toString(), "--out", out.toString(), "--quiet");
        WriteFaults.arm(0, WriteFaults.Kind.ENOSPC);
        assertEquals("3", r[0], r[1]);
        assertTrue(Files.isDirectory(out.resolve("checkpoint")), "the cut run has a checkpoint");
        return out;
    }

    /** Ways to damage a run folder; each leaves a folder whose resume must be refused. */
    static Map<String, Damage> damages() {
        Map<String, Damage> d = new LinkedHashMap<>();
        d.put("state.json truncated", ck -> truncate(ck.resolve("state.json"), 40));
        d.put("state.json emptied", ck -> Files.writeString(ck.resolve("state.json"), ""));
        d.put("state.json deleted", ck -> Files.delete(ck.resolve("state.json")));
        d.put("a parameter file with a flipped byte", ck -> flip(first(ck, ".params.npy"), 100));
        d.put("a parameter file truncated", ck -> truncate(first(ck, ".params.npy"), 90));
        d.put("a parameter file deleted", ck -> Files.delete(first(ck, ".params.npy")));
        d.put("an optimizer file with a flipped byte", ck -> flip(first(ck, ".opt."), 130));
        d.put("the basis with a flipped byte", ck -> flip(first(ck, ".basis.npy"), 140));
        d.put("the checksums deleted", ck -> Files.delete(ck.resolve(AtomicFolder.CHECKSUMS)));
        d.put("the checksums garbled", ck -> Files.writeString(ck.resolve(AtomicFolder.CHECKSUMS), "x\n"));
        d.put("the copied config deleted", ck -> Files.delete(ck.resolve("config.yaml")));
        d.put("step 1000000000, re-checksummed", ck -> editState(ck, "\"step\" : [0-9]+", "\"step\" : 1000000000"));
        d.put("step -1, re-checksummed", ck -> editState(ck, "\"step\" : [0-9]+", "\"step\" : -1"));
        d.put("step 1000000000, not re-checksummed", ck -> Files.writeString(ck.resolve("state.json"),
                Files.readString(ck.resolve("state.json")).replaceFirst("\"step\" : [0-9]+", "\"step\" : 1000000000")));
        d.put("a field of the wrong type, re-checksummed", ck -> editState(ck, "\"seed\" : 1,", "\"seed\" : \"one\","));
        d.put("a field missing, re-checksummed", ck -> editState(ck, "\"files\" :", "\"filez\" :"));
        d.put("another format, re-checksummed", ck -> editState(ck, "alignscope-train-checkpoint", "something-else"));
        d.put("NaN parameters, re-checksummed", ck -> {
            Path f = first(ck, ".params.npy");
            byte[] b = Files.readAllBytes(f);
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putDouble(128, Double.NaN);
            Files.write(f, b);
            rechecksum(ck);
        });
        d.put("the run's config.yaml edited", ck -> {
            Path cfg = ck.getParent().resolve("config.yaml");
            Files.writeString(cfg, Files.readString(cfg).replace("lr: 0.1", "lr: 0.2"));
        });
        d.put("a metrics file cut short", ck -> truncate(ck.getParent().resolve("plain/seed_1/metrics.csv"), 50));
        d.put("a metrics file deleted", ck -> Files.delete(ck.getParent().resolve("dom/seed_1/metrics.jsonl")));
        d.put("the checkpoint replaced by a file", ck -> {
            OutputFolder.deleteTree(ck);
            Files.writeString(ck, "not a folder");
        });
        d.put("the checkpoint's copy and its old copy both damaged", ck -> {
            Path old = ck.resolveSibling("checkpoint.old");
            Files.move(ck, old);
            Files.delete(old.resolve("state.json"));
        });
        return d;
    }

    @Test
    void everyDamagedCheckpointIsRefusedInOneLineAndChangesNoFile(@TempDir Path tmp) throws Exception {
        Path template = interrupted(tmp);
        List<String> failures = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Damage> e : damages().entrySet()) {
            Path out = tmp.resolve("damaged" + i++);
            copy(template, out);
            e.getValue().apply(out.resolve("checkpoint"));
            Map<String, byte[]> before = RunFolderReliabilityTest.files(out);
            String[] r = TrainCommandTest.run("train", "--resume", out.toString(), "--quiet");
            Map<String, byte[]> after = RunFolderReliabilityTest.files(out);
            System.out.println("CorruptCheckpointTest: " + e.getKey() + " -> exit " + r[0] + ": " + r[1].strip());
            boolean same = before.keySet().equals(after.keySet()) && before.keySet().stream()
                    .allMatch(k -> java.util.Arrays.equals(before.get(k), after.get(k)));
            if (!r[0].equals("2") || r[1].strip().lines().count() != 1 || !r[1].startsWith("alignscope: error: --resume: ")
                    || !same) {
                failures.add(e.getKey() + ": exit " + r[0] + (same ? "" : ", files changed") + ": " + r[1].strip());
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void aKillBetweenTheCheckpointsRenamesResumesToTheSameBytes(@TempDir Path tmp) throws Exception {
        Path cut = interrupted(tmp);
        Path ck = cut.resolve("checkpoint");
        Files.move(ck, cut.resolve("checkpoint.tmp"));
        String[] r = TrainCommandTest.run("train", "--resume", cut.toString(), "--quiet");
        assertEquals("0", r[0], r[1]);
        Map<String, byte[]> expected = KillResumeTest.results(tmp.resolve("whole"));
        Map<String, byte[]> got = KillResumeTest.results(cut);
        assertEquals(expected.keySet(), got.keySet());
        for (String f : expected.keySet()) {
            assertTrue(java.util.Arrays.equals(expected.get(f), got.get(f)), f);
        }
    }

    interface Damage {
        void apply(Path checkpoint) throws Exception;
    }

    static Path first(Path dir, String part) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().contains(part)).sorted().findFirst().orElseThrow();
        }
    }

    static void truncate(Path f, int bytes) throws Exception {
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, Math.min(bytes, b.length)));
    }

    static void flip(Path f, int at) throws Exception {
        byte[] b = Files.readAllBytes(f);
        b[at] ^= 0x40;
        Files.write(f, b);
    }

    static void editState(Path ck, String regex, String replacement) throws Exception {
        Path f = ck.resolve("state.json");
        String before = Files.readString(f);
        String after = before.replaceFirst(regex, replacement);
        assertTrue(!after.equals(before), "the edit '" + regex + "' matched nothing");
        Files.writeString(f, after);
        rechecksum(ck);
    }

    /** What a deliberate tamperer does: recomputes the checksum list over the edited files. */
    static void rechecksum(Path ck) throws Exception {
        StringBuilder sums = new StringBuilder();
        try (Stream<Path> s = Files.list(ck)) {
            for (Path p : s.filter(p -> !p.getFileName().toString().equals(AtomicFolder.CHECKSUMS)).sorted().toList()) {
                sums.append(AtomicFolder.sha256(p)).append("  ").append(p.getFileName()).append('\n');
            }
        }
        Files.writeString(ck.resolve(AtomicFolder.CHECKSUMS), sums.toString(), StandardCharsets.UTF_8);
    }

    static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }
}
