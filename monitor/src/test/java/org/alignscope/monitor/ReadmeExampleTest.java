package org.alignscope.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
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
        Batch referenceSet = SourcesTest.data(200, 6, 3, 5);
        ModelSource sampler = new ModelSource(model, referenceSet, 16, 9); // only its nextBatch() is used
        double eta = 0.1;
        long steps = 30;
        Path csv = dir.resolve("monitor.csv");
        // --- README example ---
        double[] w = model.parameters(), grad = new double[w.length];   // the model's live parameters
        TrainingCallbacks cb = new TrainingCallbacks() {
            public double[] parameters() { return w; }
            public double referenceGradient(double[] out) { return model.gradient(referenceSet, out); }
            public void batchGradient(double[] out) { model.gradient(sampler.nextBatch(), out); }
        };
        MonitorOptions opts = MonitorOptions.of(3, 32);   // k = 3 dominant directions, r = 32 noise samples
        try (TrainingMonitor tm = new TrainingMonitor(CallbackSource.of(cb), opts, MonitorSchedule.every(10), csv)) {
            tm.onRow(row -> System.out.println(row.result().step() + " " + row.result().findings()));
            for (long t = 0; t < steps; t++) {
                tm.beforeStep(t, eta);
                model.gradient(sampler.nextBatch(), grad);
                for (int i = 0; i < w.length; i++) w[i] -= eta * grad[i];
                tm.afterStep(t);
            }
        }
        // --- end ---
        assertEquals(4, Files.readAllLines(csv).size());
    }
}
