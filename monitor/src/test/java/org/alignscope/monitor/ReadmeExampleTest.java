package org.alignscope.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.alignscope.nn.Batch;
import org.alignscope.nn.Loss;
import org.alignscope.nn.Model;
import org.alignscope.nn.Models;
import org.alignscope.nn.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of monitor/README.md, compiled and run (its body is the README's code, line for line). */
class ReadmeExampleTest {
    @Test
    void readmeExampleRuns(@TempDir Path dir) throws Exception {
        Model model = Models.create("mlp:6-8-3:tanh", Loss.CROSS_ENTROPY, Precision.F64, 1, 1.0);
        Batch trainingSet = SourcesTest.data(200, 6, 3, 5);
        Path csv = dir.resolve("monitor.csv");
        // --- README example ---
        double eta = 0.1;
        int batch = 20, steps = 30, n = trainingSet.n();
        double[] w = model.parameters(), grad = new double[w.length];   // the model's live parameters
        List<Integer> order = IntStream.range(0, n).boxed().collect(Collectors.toList());
        int[] next = {n};                                                // position in this epoch's order
        TrainingSampler sampler = new TrainingSampler() {
            public SamplerState state() { return SamplerState.epoch(indices(order.subList(next[0], n))); }
            public int trainingSize() { return n; }
            public int batchSize() { return batch; }
            public void meanGradient(int[] idx, double[] out) { model.gradient(trainingSet.rows(idx), out); }
        };
        TrainingCallbacks cb = new TrainingCallbacks() {
            public double[] parameters() { return w; }
            public double referenceGradient(double[] out) { return model.gradient(trainingSet, out); }
            public TrainingSampler sampler() { return sampler; }          // the monitor draws its own batches
        };
        MonitorOptions opts = MonitorOptions.of(3, 32);   // k = 3 dominant directions, r = 32 noise samples
        try (TrainingMonitor tm = new TrainingMonitor(CallbackSource.of(cb), opts, MonitorSchedule.every(7), csv)) {
            tm.onRow(row -> System.out.println(row.result().step() + " " + row.result().findings()));
            Random shuffle = new Random(1);
            for (long t = 0; t < steps; t++) {
                if (next[0] == n) { Collections.shuffle(order, shuffle); next[0] = 0; }   // a new epoch
                tm.beforeStep(t, eta);
                model.gradient(trainingSet.rows(indices(order.subList(next[0], next[0] += batch))), grad);
                for (int i = 0; i < w.length; i++) w[i] -= eta * grad[i];
                tm.afterStep(t);
            }
        }
        // --- end ---
        assertEquals(6, Files.readAllLines(csv).size());
    }

    @Test
    void theReadmeAndTheGuideShowThisCode() throws Exception {
        String test = Files.readString(Path.of("src/test/java/org/alignscope/monitor/ReadmeExampleTest.java"));
        String body = test.substring(test.indexOf("// --- README example ---\n") + 26, test.indexOf("        // --- end ---"));
        String code = body.lines().map(l -> l.startsWith("        ") ? l.substring(8) : l)
                .collect(Collectors.joining("\n"));
        for (Path page : List.of(Path.of("README.md"), Path.of("../docs/guide/monitor.md"))) {
            assertTrue(Files.readString(page).contains(code), page + " does not show the code of this test");
        }
    }

    /** The README's one helper: a list of indices as an array. */
    static int[] indices(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
