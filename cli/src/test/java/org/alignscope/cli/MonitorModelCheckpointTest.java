package org.alignscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.alignscope.data.CsvDataset;
import org.alignscope.data.Dataset;
import org.alignscope.monitor.AlignmentMonitor;
import org.alignscope.monitor.ModelSource;
import org.alignscope.monitor.MonitorOptions;
import org.alignscope.monitor.MonitorResult;
import org.alignscope.monitor.SamplerState;
import org.alignscope.nn.Batch;
import org.alignscope.nn.Checkpoint;
import org.alignscope.nn.Loss;
import org.alignscope.nn.Model;
import org.alignscope.nn.Models;
import org.alignscope.nn.Precision;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alignscope monitor --model-checkpoint DIR --data SOURCE}: the monitor at a saved model, no training run. */
@Tag("reliability")
class MonitorModelCheckpointTest {
    private static final String SPEC = "mlp:4-6-3:tanh";

    /** A tiny model, saved as a checkpoint in {@code dir/model}. */
    private static Path savedModel(Path dir) throws Exception {
        Model m = Models.create(SPEC, Loss.CROSS_ENTROPY, Precision.F64, 5, 1.0);
        Path ck = dir.resolve("model");
        Checkpoint.save(m, ck);
        return ck;
    }

    /** 30 rows x1..x4,label with labels i mod 3 (balanced). */
    private static Path csv(Path dir) throws Exception {
        Random rng = new Random(9);
        StringBuilder b = new StringBuilder("x1,x2,x3,x4,label\n");
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 4; j++) {
                b.append(String.format(Locale.ROOT, "%.6f,", rng.nextGaussian() + (j == i % 3 ? 2 : 0)));
            }
            b.append(i % 3).append('\n');
        }
        Path f = dir.resolve("ref.csv");
        Files.writeString(f, b.toString());
        return f;
    }

    private static String[] args(Path model, Path csv, Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("monitor", "--model-checkpoint", model.toString(), "--data",
                "csv:" + csv, "--n", "30", "--eta", "0.1", "--batch-size", "8", "--k", "2", "--samples", "40",
                "--seed", "7", "--out", out.toString()));
        a.addAll(Arrays.asList(extra));
        return a.toArray(String[]::new);
    }

    /** The value of a column of the one row of a CSV file. */
    private static double column(Path file, String name) throws Exception {
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), "one row: " + lines);
        int i = Arrays.asList(lines.get(0).split(",", -1)).indexOf(name);
        assertTrue(i >= 0, name + " in " + lines.get(0));
        return Double.parseDouble(lines.get(1).split(",", -1)[i]);
    }

    @Test
    void theCommandEvaluatesAsTheLibraryDoesOnTheSameModelAndData(@TempDir Path dir) throws Exception {
        Path model = savedModel(dir);
        Path csv = csv(dir);
        Path out = dir.resolve("out");
        AlignScopeTest.Outcome o = AlignScopeTest.execute(args(model, csv, out, "--sampler", "replacement"));
        assertEquals(0, o.code(), o.err());

        Model m = Checkpoint.load(model);
        Dataset data = CsvDataset.read(csv, "label").dataset();
        MonitorOptions options = MonitorOptions.of(2, 40).withLanczosTolerance(1e-10).withThetaThreshold(0.9)
                .withSeed(7);
        MonitorResult r = new AlignmentMonitor(options).evaluate(new ModelSource(m,
                new Batch(data.features(), data.labels(), data.size()), 8, 7, SamplerState.replacement(),
                data.size()), 0, 0.1);
        Path monitorCsv = out.resolve("monitor.csv");
        assertEquals(r.main().theta(), column(monitorCsv, "theta"));
        assertEquals(r.main().etaStar().value(), column(monitorCsv, "eta_star"));
        assertEquals(r.eigen().values()[0], column(monitorCsv, "lambda_1"));
    }

    @Test
    void aCsvReferenceSetRunsEndToEndWithTheProbes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        AlignScopeTest.Outcome o = AlignScopeTest.execute(args(savedModel(dir), csv(dir), out, "--probe-steps", "3"));
        assertEquals(0, o.code(), o.err());
        assertEquals(2, Files.readAllLines(out.resolve("monitor.csv")).size());
        for (String f : List.of("monitor.jsonl", "sensitivity.csv", "eigen.csv", "findings.txt", "manifest.json")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        // dom, bulk, the three step sizes of the theta-probe and the plain step's loss
        assertEquals(7, Files.readAllLines(out.resolve("probe.csv")).size());
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"noise_model\" : \"epoch: 30 of 30 samples left, batch 8\""), manifest);
        assertTrue(manifest.contains("\"spec\" : \"" + SPEC + "\""), manifest);
    }

    /** Each bad input exits 2 with one line naming the option, before any output is written. */
    @Test
    void badInputExits2WithOneLineNamingTheOption(@TempDir Path dir) throws Exception {
        Path model = savedModel(dir);
        Path csv = csv(dir);
        Path out = dir.resolve("out");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        List<String[]> cases = List.of(
                new String[] {"--data", "monitor", "--model-checkpoint", model.toString(), "--eta", "0.1",
                    "--batch-size", "8", "--out", out.toString()},
                new String[] {"--model-checkpoint", "monitor", "--model-checkpoint", model.toString(), "--checkpoint",
                    dir.toString(), "--data", "synthetic", "--n", "30", "--eta", "0.1", "--batch-size", "8", "--out",
                    out.toString()},
                new String[] {"--batch-size", "monitor", "--model-checkpoint", model.toString(), "--data",
                    "csv:" + csv, "--n", "30", "--eta", "0.1", "--batch-size", "31", "--out", out.toString()},
                new String[] {"--model-checkpoint", "monitor", "--model-checkpoint", empty.toString(), "--data",
                    "synthetic", "--n", "30", "--eta", "0.1", "--batch-size", "8", "--out", out.toString()},
                new String[] {"--eta", "monitor", "--model-checkpoint", model.toString(), "--data", "synthetic",
                    "--n", "30", "--batch-size", "8", "--out", out.toString()},
                new String[] {"--d", "monitor", "--model-checkpoint", model.toString(), "--data", "synthetic",
                    "--n", "30", "--eta", "0.1", "--batch-size", "8", "--d", "50", "--out", out.toString()},
                new String[] {"--k", "monitor", "--model-checkpoint", model.toString(), "--data", "synthetic",
                    "--n", "30", "--eta", "0.1", "--batch-size", "8", "--k", "51", "--out", out.toString()},
                new String[] {"--batch-size", "monitor", "--quadratic", "--batch-size", "8", "--out",
                    out.toString()});
        for (String[] c : cases) {
            AlignScopeTest.Outcome o = AlignScopeTest.execute(Arrays.copyOfRange(c, 1, c.length));
            String what = String.join(" ", c) + " -> " + o.err();
            assertEquals(2, o.code(), what);
            assertEquals(1, o.err().strip().lines().count(), what);
            assertTrue(o.err().startsWith("alignscope: error: " + c[0] + ":"), what);
            assertFalse(Files.exists(out), what);
        }
    }
}
