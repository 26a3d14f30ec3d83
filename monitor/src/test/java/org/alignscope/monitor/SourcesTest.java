package org.alignscope.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alignscope.linalg.random.RandomStream;
import org.alignscope.nn.Batch;
import org.alignscope.nn.FiniteDifferenceHessian;
import org.alignscope.nn.Loss;
import org.alignscope.nn.Model;
import org.alignscope.nn.Models;
import org.alignscope.nn.Precision;
import org.junit.jupiter.api.Test;

class SourcesTest {
    static Batch data(int n, int features, int classes, long seed) {
        RandomStream r = RandomStream.of(seed, 7);
        double[] x = new double[n * features];
        r.fillGaussian(x, 0, x.length);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(classes);
        }
        return new Batch(x, y, n);
    }

    /** Callbacks over an nn model, as a user's training loop would write them. */
    static TrainingCallbacks callbacks(Model m, ModelSource batches, Batch ref) {
        return new TrainingCallbacks() {
            @Override
            public double[] parameters() {
                return m.parameters();
            }

            @Override
            public double referenceGradient(double[] out) {
                return m.gradient(ref, out);
            }

            @Override
            public void batchGradient(double[] out) {
                m.gradient(batches.nextBatch(), out);
            }
        };
    }

    private static double relErr(double[] a, double[] b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - b[i]) * (a[i] - b[i]);
            den += b[i] * b[i];
        }
        return Math.sqrt(num / den);
    }

    @Test
    void finiteDifferenceHvpIsSecondOrderAndRestoresTheParameters() {
        Model m = Models.create("mlp:5-7-3:tanh", Loss.CROSS_ENTROPY, Precision.F64, 3, 1.0);
        Batch ref = data(40, 5, 3, 1);
        double[] w = m.parameters().clone();
        int n = m.parameterCount();
        double[] v = new double[n];
        RandomStream.of(9, 1).fillGaussian(v, 0, n);
        double[] exact = new double[n];
        m.hvp(ref, v, exact);
        double[] fd = new double[n];
        double[] errs = new double[3];
        double[] eps = {1e-1, 1e-2, 1e-3};
        for (int i = 0; i < 3; i++) {
            new FiniteDifferenceHessian(m.parameters(), out -> m.gradient(ref, out), eps[i]).apply(v, fd);
            errs[i] = relErr(fd, exact);
        }
        // O(eps^2): ten times smaller steps, about a hundred times smaller error.
        for (int i = 0; i < 2; i++) {
            double ratio = errs[i] / errs[i + 1];
            assertTrue(ratio > 50 && ratio < 200, "error ratio " + ratio + " for " + java.util.Arrays.toString(errs));
        }
        new FiniteDifferenceHessian(m.parameters(), out -> m.gradient(ref, out), FiniteDifferenceHessian.DEFAULT_EPSILON)
                .apply(v, fd);
        assertTrue(relErr(fd, exact) < 1e-7, "default-step error " + relErr(fd, exact));
        assertTrue(java.util.Arrays.equals(w, m.parameters()), "parameters restored bit for bit");
    }

    @Test
    void gradientsOnlySourceAgreesWithExactHvps() {
        Model m = Models.create("mlp:4-6-3:tanh", Loss.MSE, Precision.F64, 5, 1.0);
        Batch ref = data(64, 4, 3, 2);
        MonitorOptions opt = MonitorOptions.of(3, 200).withLanczosTolerance(1e-9);
        MonitorResult exact = new AlignmentMonitor(opt).evaluate(new ModelSource(m, ref, 8, 1), 0, 0.1);
        CurvatureSource fd = CallbackSource.gradientsOnly(callbacks(m, new ModelSource(m, ref, 8, 1), ref),
                FiniteDifferenceHessian.DEFAULT_EPSILON);
        MonitorResult approx = new AlignmentMonitor(opt).evaluate(fd, 0, 0.1);
        BlockEstimate a = exact.main();
        BlockEstimate b = approx.main();
        assertEquals(a.theta(), b.theta(), 1e-6);
        assertEquals(a.tauB(), b.tauB(), 1e-5 * Math.abs(a.tauB()));
        assertEquals(a.uD(), b.uD(), 1e-5 * a.uD());
        // Same mini-batch stream: the noise terms agree up to the HVP error too.
        assertEquals(a.eB().value(), b.eB().value(), 1e-5 * a.eB().value());
        assertEquals(a.nLossB().value(), b.nLossB().value(), 1e-5 * Math.abs(a.nLossB().value()));
    }

    @Test
    void fullBatchNoiseIsZeroAndMiniBatchesAreDistinctSamples() {
        Model m = Models.create("lls:4-3", Loss.MSE, Precision.F64, 1, 1.0);
        m.initialise(RandomStream.of(4, 4), 1.0);
        Batch ref = data(30, 4, 3, 3);
        ModelSource full = new ModelSource(m, ref, 30, 1);
        MonitorResult r = new AlignmentMonitor(MonitorOptions.of(2, 4)).evaluate(full, 0, 0.1);
        double scale = r.main().uD();
        assertTrue(r.main().eD().value() <= 1e-24 * scale && r.main().eB().value() <= 1e-24 * scale,
                "the full-batch gradient is the reference gradient: e = " + r.main().eD() + ", " + r.main().eB());
        Batch b = new ModelSource(m, ref, 30, 2).nextBatch();
        int[] counts = new int[3];
        for (int y : b.labels()) {
            counts[y]++;
        }
        int[] refCounts = new int[3];
        for (int y : ref.labels()) {
            refCounts[y]++;
        }
        assertTrue(java.util.Arrays.equals(counts, refCounts), "a batch of size n is a permutation of the reference set");
    }
}
