package org.alignscope.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.nn.Batch;
import org.alignscope.nn.Model;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link LossPrediction}: the monitor's {@code dloss_pred} on the same source and draws (i.i.d., mid-epoch and
 * determined batches), and a projected step on a diagonal quadratic against Theorem 10 and the exact spread.
 */
@Tag("reliability")
class LossPredictionTest {
    private static final int N = SamplerTrueNoiseTest.N;
    private static final int B = 50;
    private static final int R = 64;

    private static double[] identity(int d) {
        double[] q = new double[d * d];
        for (int i = 0; i < d; i++) {
            q[i * d + i] = 1;
        }
        return q;
    }

    private static Batch data() {
        return SamplerTrueNoiseTest.data();
    }

    private static Model model() {
        return SamplerTrueNoiseTest.model();
    }

    /** The prediction equals the monitor's dloss_pred to rounding, with the same standard error (delta method). */
    private static void assertSameAsMonitor(CurvatureSource forMonitor, CurvatureSource forPrediction, double eta) {
        Estimate monitor = new AlignmentMonitor(MonitorOptions.of(2, R).withKSpread(0))
                .evaluate(forMonitor, 0, eta).main().dlossPred();
        LossPrediction p = LossPrediction.of(forPrediction, eta, R, LossPrediction.StepMap.IDENTITY);
        assertEquals(monitor.value(), p.value(), 0, "the same formula on the same draws");
        assertEquals(monitor.stdError(), p.stdError(), 1e-6 * monitor.stdError() + 1e-300);
    }

    @Test
    void itIsTheMonitorsDlossPredOnTheSameSourceAndDraws() {
        int d = 10;
        double[] lambda = {5, 3, 2, 1, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05};
        double[] ks = new double[d];
        Arrays.fill(ks, 0.3);
        double[] c = new double[d];
        Arrays.fill(c, 0.5);
        assertSameAsMonitor(QuadraticSource.of(lambda, ks, identity(d), c, 4),
                QuadraticSource.of(lambda, ks, identity(d), c, 4), 0.05);

        Batch data = data();
        Model model = model();
        int[] remaining = Arrays.copyOfRange(RandomStream.of(5, 1).permutation(N), 2 * B, N);
        SamplerState midEpoch = SamplerState.epoch(remaining);
        assertSameAsMonitor(new ModelSource(model, data, B, 11, midEpoch, N),
                new ModelSource(model, data, B, 11, midEpoch, N), 0.3);
        LossPrediction p = LossPrediction.of(new ModelSource(model, data, B, 11, midEpoch, N), 0.3, R,
                LossPrediction.StepMap.IDENTITY);
        assertTrue(p.stdError() > 0 && p.spread() > 0, p.toString());

        SamplerState last = SamplerState.epoch(Arrays.copyOfRange(remaining, B, remaining.length));
        assertSameAsMonitor(new ModelSource(model, data, B, 11, last, N), new ModelSource(model, data, B, 11, last, N),
                0.3);
        LossPrediction determined = LossPrediction.of(new ModelSource(model, data, B, 11, last, N), 0.3, R,
                LossPrediction.StepMap.IDENTITY);
        assertEquals(0, determined.stdError(), "the last batch of an epoch is known");
        assertEquals(0, determined.spread());
    }

    /**
     * A step projected on the first k coordinates of a diagonal quadratic with Gaussian noise: Theorem 10,
     * E ΔL = Σ<sub>S</sub>(−ηλ²c² + ½η²(λ³c² + λκ²)), and Var ΔL = Σ<sub>S</sub>(w²κ² + ½η⁴λ²κ⁴),
     * w = −ηλc + η²λ²c.
     */
    @Test
    void aProjectedStepMatchesTheorem10AndTheExactSpread() {
        int d = 8;
        int k = 3;
        double eta = 0.2;
        double[] lambda = {4, 2.5, 2, 1, 0.6, 0.3, 0.2, 0.1};
        double[] ks = {0.5, 1.0, 0.8, 0.3, 0.9, 0.4, 0.2, 0.6};
        double[] c = {0.7, -0.4, 0.3, 0.9, -0.2, 0.5, 0.1, -0.6};
        LossPrediction.StepMap dominant = v -> Arrays.fill(v, k, v.length, 0);
        double mean = 0;
        double variance = 0;
        for (int i = 0; i < k; i++) {
            double g = lambda[i] * c[i];
            mean += -eta * g * g + 0.5 * eta * eta * (lambda[i] * g * g + lambda[i] * ks[i]);
            double w = -eta * g + eta * eta * lambda[i] * g;
            variance += w * w * ks[i] + 0.5 * Math.pow(eta, 4) * Math.pow(lambda[i] * ks[i], 2); // ks holds κ²
        }
        LossPrediction p = LossPrediction.of(QuadraticSource.of(lambda, ks, identity(d), c, 8), eta, 4000, dominant);
        assertTrue(Math.abs(p.value() - mean) <= 4 * p.stdError(), p + " against " + mean);
        assertEquals(variance, p.spread(), 0.1 * variance, "the spread of the projected step's change");
        LossPrediction full = LossPrediction.of(QuadraticSource.of(lambda, ks, identity(d), c, 8), eta, 4000,
                LossPrediction.StepMap.IDENTITY);
        assertTrue(Math.abs(full.value() - p.value()) > 10 * full.stdError(), "the projection matters: " + full);
    }

    @Test
    void badArgumentsAreRefused() {
        QuadraticSource src = QuadraticSource.of(new double[] {1, 2}, new double[] {1, 1}, identity(2),
                new double[] {1, 1}, 1);
        assertThrows(IllegalArgumentException.class, () -> LossPrediction.of(src, 0, 4, LossPrediction.StepMap.IDENTITY));
        assertThrows(IllegalArgumentException.class, () -> LossPrediction.of(src, 0.1, 1, LossPrediction.StepMap.IDENTITY));
    }
}
