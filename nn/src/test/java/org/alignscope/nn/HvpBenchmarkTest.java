package org.alignscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
    }

    @Test
    void serveAnswersEveryBlockWithItsTimesAndStopsAtTheEndOfTheInput() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HvpBenchmark.serve("mlp:20-8-3:tanh", 16, Loss.CROSS_ENTROPY, Precision.F64, 0.0, 2,
                new BufferedReader(new StringReader("3\n 1 \n")), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        assertEquals("ready", lines.get(0));
        int[] expected = {3, 1};
        for (int block = 0; block < 2; block++) {
            String[] f = lines.get(block + 1).split(" ");
            assertEquals("hvp_ms", f[0]);
            assertEquals(expected[block] + 1, f.length, lines.get(block + 1));
            for (int i = 1; i < f.length; i++) {
                double ms = Double.parseDouble(f[i]);
                assertTrue(ms >= 0 && Double.isFinite(ms), lines.get(block + 1));
            }
        }
        for (String bad : new String[] {"0", "abc", "10001", "2 1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HvpBenchmark.serve(
                    "mlp:20-8-3:tanh", 16, Loss.MSE, Precision.F32, 0.0, 1, new BufferedReader(new StringReader(bad)),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
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
