package org.alignscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A ReLU followed by a max pool is built as pool then ReLU ({@link ModelSpec#build(Ops)}); the network must compute
 * exactly what the spec's order computes: outputs, loss, gradient, Hessian and Gauss–Newton products. Inputs and
 * weights lie on a coarse dyadic grid, so every product is exact and the windows are full of ties, exact zeros and
 * all-nonpositive maxima — the cases where the two orders could part.
 */
class ReluMaxPoolOrderTest {
    @ParameterizedTest
    @ValueSource(strings = {"cnn:2x6x6:c3k3p1-relu-max2-d3", "cnn:1x7x7:c2k3-relu-max3s2-c3k2p1-relu-max2s1-d4",
        "cnn:1x8x8:c2k3p1-relu-max2-relu-max2-d3"})
    void theReorderedNetworkEqualsTheSpecOrderExactly(String text) {
        ModelSpec spec = ModelSpec.parse(text);
        List<Layer<double[]>> reordered = spec.build(Ops64.INSTANCE);
        List<Layer<double[]>> asWritten = spec.build(Ops64.INSTANCE, false);
        assertEquals(asWritten.size(), reordered.size());
        int swaps = 0;
        for (int i = 0; i + 1 < reordered.size(); i++) {
            if (reordered.get(i) instanceof PoolLayer && reordered.get(i + 1) instanceof ActivationLayer) {
                assertEquals(reordered.get(i).index, reordered.get(i + 1).index + 1, "each layer keeps its index");
                swaps++;
            }
        }
        assertTrue(swaps >= 1, "at least one ReLU-max pair was reordered in " + text);

        int p = spec.parameterCount();
        double[] theta = grid(p, 1, 0.25);
        double[] v = grid(p, 2, 0.5);
        int n = 6;
        Batch b = new Batch(grid(n * spec.input().size(), 3, 1.0), new int[] {0, 1, 2, 0, 1, 2}, n);
        for (Loss loss : Loss.values()) {
            Engine<double[]> a = new Engine<>(Ops64.INSTANCE, spec.build(Ops64.INSTANCE, false), loss, p);
            Engine<double[]> r = new Engine<>(Ops64.INSTANCE, spec.build(Ops64.INSTANCE), loss, p);
            double[] outA = new double[n * spec.output().size()];
            double[] outR = outA.clone();
            a.outputs(theta, b, outA);
            r.outputs(theta, b, outR);
            assertArrayEquals(outA, outR, 0.0, "outputs");
            double[] ga = new double[p];
            double[] gr = new double[p];
            assertEquals(a.gradient(theta, b, ga), r.gradient(theta, b, gr), 0.0, "loss");
            assertArrayEquals(ga, gr, 0.0, "gradient");
            a.linearise(theta, b);
            r.linearise(theta, b);
            double[] ha = new double[p];
            double[] hr = new double[p];
            a.hessianTimes(theta, v, ha);
            r.hessianTimes(theta, v, hr);
            assertArrayEquals(ha, hr, 0.0, "Hessian-vector product");
            a.gaussNewtonTimes(theta, v, ha);
            r.gaussNewtonTimes(theta, v, hr);
            assertArrayEquals(ha, hr, 0.0, "Gauss-Newton-vector product");
            assertTrue(java.util.Arrays.stream(ga).anyMatch(x -> x != 0), "a non-trivial gradient");
        }
    }

    /** Integers in [−2, 2] times {@code step}: exact sums and products, many ties and zeros. */
    private static double[] grid(int length, long seed, double step) {
        double[] g = Fixtures.gaussian(length, seed);
        for (int i = 0; i < length; i++) {
            g[i] = step * Math.max(-2, Math.min(2, Math.rint(g[i])));
        }
        return g;
    }
}
