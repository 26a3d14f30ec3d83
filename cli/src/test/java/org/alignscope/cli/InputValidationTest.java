package org.alignscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.alignscope.nn.Npy;
import org.alignscope.nn.Precision;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input that used to crash, hang or fail late: each is refused with exit code 2 and one line that names the
 * option, before any work and before the output folder exists.
 */
@Tag("reliability")
class InputValidationTest {
    /** Runs the command with {@code --out dir/out} and checks the refusal; returns the message. */
    private static String refused(Path dir, String option, String... args) {
        Path out = dir.resolve("out");
        String[] all = Stream.concat(Stream.of(args), Stream.of("--out", out.toString())).toArray(String[]::new);
        AlignScopeTest.Outcome o = AlignScopeTest.execute(all);
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().startsWith("alignscope: error: " + option + ":"), o.err());
        assertFalse(Files.exists(out), "no output folder before the input is checked");
        return o.err();
    }

    @Test
    void noNoiseAndAZeroStartIsRefusedButNoNoiseAloneRuns(@TempDir Path dir) throws Exception {
        assertTrue(refused(dir, "--init-scale", "quad", "run", "--sigma", "0", "--init-scale", "0").contains("--sigma is 0"));
        Path out = dir.resolve("gd");
        AlignScopeTest.Outcome o = AlignScopeTest.execute("quad", "run", "--sigma", "0", "--d", "20", "--k", "2",
                "--steps", "50", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        String row = Files.readAllLines(out.resolve("summary.csv")).get(1);
        assertTrue(row.contains(",ok,"), "a noiseless run is plain gradient descent, θ_∞ left empty: " + row);
    }

    @Test
    void aDimensionBeyondTheHeapIsRefused(@TempDir Path dir) {
        Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() < 60L << 30, "a heap of 60 GiB or more fits d");
        assertTrue(refused(dir, "--d", "quad", "run", "--d", "2000000000").contains("must be at most"));
        refused(dir, "--steps", "quad", "run", "--steps", "2000000000");
    }

    @Test
    void aModelBeyondOneArrayOrTheHeapIsRefused(@TempDir Path dir) {
        assertTrue(refused(dir, "--model", "hessian", "--model", "mlp:784-100000000-10:tanh", "--data", "synthetic")
                .contains("79500000010 parameters"));
        Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() < 150L << 30, "a heap of 150 GiB or more fits it");
        refused(dir, "--model", "hessian", "--model", "mlp:784-1000000-10:tanh", "--data", "synthetic");
    }

    @Test
    void kAtOrAboveTheParameterCountIsRefused(@TempDir Path dir) {
        for (String k : List.of("53", "60")) {
            assertTrue(refused(dir, "--k", "hessian", "--model",
                    "mlp:6-5-3:tanh", "--data", "synthetic", "--n", "30", "--k", k).contains("parameter count 53"));
        }
    }

    @Test
    void aMonitorKThatDoesNotFitTheModelIsRefused(@TempDir Path dir) throws Exception {
        Path fixed = Files.writeString(dir.resolve("fixed.yaml"), MonitorCommandTest.TINY.replace(
                "monitor: {every: 5, samples: 6}", "monitor: {every: 5, samples: 6, k: 53}"));
        assertTrue(refused(dir, "monitor.k", "train", "--config", fixed.toString()).endsWith(
                "monitor.k: 53 does not fit the 53 parameters; allowed: an integer in [1, 52], or auto\n"));
        Path auto = Files.writeString(dir.resolve("auto.yaml"), MonitorCommandTest.TINY.replace("mlp:6-5-3:tanh",
                "mlp:6-2-3:tanh").replace("monitor: {every: 5, samples: 6}", "monitor: {every: 5, samples: 6, k: auto}"));
        assertTrue(refused(dir, "monitor.k", "train", "--config", auto.toString()).contains(
                "monitor.k: auto does not fit the 23 parameters; allowed: an integer in [1, 22] (auto needs at least"
                        + " 32 parameters)"));
    }

    /** A checkpoint of mlp:6-5-3:tanh written by a tiny hessian run. */
    private static Path checkpoint(Path dir) {
        Path run = dir.resolve("source");
        AlignScopeTest.Outcome o = AlignScopeTest.execute(HessianCommandTest.tiny(run));
        assertEquals(0, o.code(), o.err());
        return run.resolve("model");
    }

    private static String hessianAt(Path dir, Path ckpt) {
        return refused(dir, "--checkpoint", "hessian", "--checkpoint", ckpt.toString(), "--data", "synthetic", "--n",
                "30", "--k", "3");
    }

    /** Rewrites an .npy file with its first value replaced. */
    private static void poison(Path file, double value) throws IOException {
        Npy.Array a = Npy.read(file);
        double[] data = a.data().clone();
        data[0] = value;
        Npy.write(file, data, 0, a.shape(), Precision.F64);
    }

    @Test
    void nonFiniteParametersInACheckpointAreRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path ckpt = checkpoint(dir);
        poison(ckpt.resolve("2.weight.npy"), Double.NaN);
        assertTrue(hessianAt(dir, ckpt).contains("2.weight.npy: 1 of 15 parameters are NaN or infinite"));
        poison(ckpt.resolve("2.weight.npy"), Double.POSITIVE_INFINITY);
        assertTrue(hessianAt(dir, ckpt).contains("2.weight.npy"));
    }

    @Test
    void indexPathsOutsideTheCheckpointFolderAreRefused(@TempDir Path dir) throws Exception {
        Path ckpt = checkpoint(dir);
        Path index = ckpt.resolve("index.json");
        String original = Files.readString(index);
        Files.copy(ckpt.resolve("0.bias.npy"), dir.resolve("outside.npy"));
        for (String escape : List.of("../../etc/passwd", "../outside.npy", dir.resolve("outside.npy").toString(),
                "/etc/passwd")) {
            Files.writeString(index, original.replace("\"0.bias.npy\"", "\"" + escape + "\""));
            assertTrue(hessianAt(dir, ckpt).contains("not inside the checkpoint folder"), escape);
        }
    }

    @Test
    void aMonitorCheckpointWithNonFiniteParametersIsRefusedNamingTheFile(@TempDir Path tmp) throws Exception {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, MonitorCommandTest.TINY);
        Path run = MonitorCommandTest.stoppedRun(tmp, cfg);
        try (Stream<Path> files = Files.list(run.resolve("checkpoint"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".params.npy")).toList()) {
                poison(f, Double.NaN);
            }
        }
        CorruptCheckpointTest.rechecksum(run.resolve("checkpoint"));  // as a deliberate edit would; else it is damage
        String err = refused(tmp, "--checkpoint", "monitor", "--checkpoint", run.toString(), "--config", cfg.toString());
        assertTrue(err.contains(".params.npy: 1 of "), err);
    }

    @Test
    void anEmptyOrIncompleteReplayFileIsRefused(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.json"));
        Path array = Files.writeString(dir.resolve("array.json"), "[]");
        Path bare = Files.writeString(dir.resolve("bare.json"), "{\"claim\": \"T16\"}");
        for (Path f : List.of(empty, array, bare)) {
            AlignScopeTest.Outcome o = AlignScopeTest.execute("quad", "verify", "--replay", f.toString());
            assertEquals(2, o.code(), o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
            assertTrue(o.err().startsWith("alignscope: error: --replay: "), o.err());
        }
    }

    @Test
    void repeatedSeedsOrGapRatiosAreRefusedBeforeTheSweep(@TempDir Path dir) {
        refused(dir, "--seeds", "quad", "sweep", "--seeds", "1,1", "--m", "5", "--steps", "100");
        refused(dir, "--m", "quad", "sweep", "--m", "5,5.0", "--steps", "100");
    }

    @Test
    void anInitialScaleWhoseLossDivergesIsRefused(@TempDir Path dir) {
        assertTrue(refused(dir, "--init-scale", "quad", "run", "--init-scale", "1e300", "--steps", "100")
                .contains("must be at most"));
    }
}
