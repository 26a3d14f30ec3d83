package org.alignscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmark runs and reports sane fields; nothing here asserts on wall-clock speed. */
class HvpBenchmarkTest {
    @Test
    void measuresAllThreeTimingsOnATinyNet() {
        HvpBenchmark.Result r = HvpBenchmark.measure("cnn:1x6x6:c2k3-tanh-max2-d3", 8, Loss.MSE, Precision.F32, 5, 0.0,
                2);
        assertEquals(2, r.threads());
        assertEquals(5, r.reps());
        assertEquals(Models.create(r.spec(), Loss.MSE, Precision.F32).parameterCount(), r.parameters());
        assertTrue(r.gradMs() > 0 && r.hvpMs() > 0 && r.operatorMs() > 0);
        assertTrue(Double.isFinite(r.hvpOverGrad()));
        assertFalse(r.backend().isEmpty());
        assertEquals(2.0, HvpBenchmark.median(new double[] {5, 1, 2}), 0.0);
        assertEquals(2.5, HvpBenchmark.median(new double[] {4, 1, 2, 3}), 0.0);
        assertThrows(IllegalArgumentException.class, () -> HvpBenchmark.main(new String[] {"--reps", "3"}));
    }

    @Test
    void layerTimesCoverEveryPassAndTheTimedHvpIsTheHvp() {
        HvpBenchmark.LayerTimes t = HvpBenchmark.measureLayers("mlp:20-8-3:tanh", 16, Loss.CROSS_ENTROPY,
                Precision.F64, 5, 0.0);
        assertEquals(java.util.List.of("0 dense 20->8", "1 tanh 8->8", "2 dense 8->3"), t.layers());
        assertEquals(0.0, t.medianMs()[1][0], "the first layer has no first-order backward pass");
        double total = 0;
        for (double[] pass : t.medianMs()) {
            for (double ms : pass) {
                assertTrue(ms >= 0 && Double.isFinite(ms));
                total += ms;
            }
        }
        assertTrue(t.medianMs()[0][0] > 0 && total > 0);
        assertThrows(IllegalArgumentException.class,
                () -> HvpBenchmark.measureLayers("lls:20-3", 16, Loss.MSE, Precision.F64, 5, 0.0));

        Network net = Network.create("cnn:1x6x6:c2k3-tanh-max2-d3", Loss.MSE, Precision.F32,
                org.alignscope.linalg.random.RandomStream.of(1, 1), 1.0);
        Batch b = Fixtures.batch(net, 4, 4);
        double[] v = Fixtures.gaussian(net.parameterCount(), 3);
        double[] plain = new double[v.length];
        double[] timed = new double[v.length];
        net.hvp(b, v, plain);
        long[][] clock = new long[4][net.layerNames().size()];
        net.hvpTimed(b, v, timed, clock);
        assertArrayEquals(plain, timed, 0.0);
        assertTrue(clock[3][0] > 0, "the first layer's R-backward was timed");
    }
}
