package org.alignscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.alignscope.linalg.random.RandomStream;
import org.junit.jupiter.api.Test;

/** The R-passes of a convolution give the same numbers with the unfolded input cached by the forward pass and without. */
class Conv2dCacheTest {
    private static double[] gaussian(int n, long purpose) {
        double[] a = new double[n];
        RandomStream.of(7, purpose).fillGaussian(a, 0, n);
        return a;
    }

    @Test
    void cachedAndRecomputedUnfoldingsAgree() {
        // k 3, stride 2, pad 1: ⌊(64 + 2 − 3)/2⌋ + 1 = 32; 1024 pixels × 144 = 147,456 unfolded elements per
        // sample, so 30 samples make 3 chunks of CHUNK_ELEMENTS (14, 14, 2): the cache offsets are exercised
        Shape in = Shape.image(16, 64, 63);
        Shape out = Shape.image(4, 32, 32);
        int n = 30;
        Conv2dLayer<double[]> cached = new Conv2dLayer<>(Ops64.INSTANCE, in, 4, 3, 2, 1, out, 0);
        Conv2dLayer<double[]> fresh = new Conv2dLayer<>(Ops64.INSTANCE, in, 4, 3, 2, 1, out, 0, 0);
        int params = cached.parameterCount();
        double[] p = gaussian(params, 1);
        double[] v = gaussian(params, 2);
        double[] x = gaussian(n * in.size(), 3);
        double[] rx = gaussian(n * in.size(), 4);
        double[] gy = gaussian(n * out.size(), 5);
        double[] rgy = gaussian(n * out.size(), 6);
        double[][] results = new double[2][];
        int which = 0;
        for (Conv2dLayer<double[]> layer : java.util.List.of(cached, fresh)) {
            double[] y = new double[n * out.size()];
            double[] ry = new double[n * out.size()];
            double[] rgx = new double[n * in.size()];
            double[] hv = new double[params];
            double[] gp = new double[params];
            layer.forward(p, n, x, y, true);
            layer.rForward(p, v, n, x, rx, ry);
            layer.rBackward(p, v, n, x, rx, gy, rgy, rgx, hv);
            layer.backward(p, n, x, rgy, null, gp);
            results[which++] = concat(y, ry, rgx, hv, gp);
        }
        assertArrayEquals(results[1], results[0], 0.0);
    }

    private static double[] concat(double[]... parts) {
        int len = 0;
        for (double[] a : parts) {
            len += a.length;
        }
        double[] out = new double[len];
        int at = 0;
        for (double[] a : parts) {
            System.arraycopy(a, 0, out, at, a.length);
            at += a.length;
        }
        return out;
    }
}
