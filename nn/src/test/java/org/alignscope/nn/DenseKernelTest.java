package org.alignscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.alignscope.linalg.random.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * Kernels of the dense and tanh layers against their definitions: the bias pass of a feature-major output, and the
 * tanh kernels bit for bit equal to y = tanh(z), (1 − y²) g and (1 − y²) R{g} − 2y(1 − y²) g R{x} in f64, and to
 * their float roundings in f32, on Gaussian inputs of two spreads and the special values.
 */
class DenseKernelTest {
    @Test
    void addColumnVectorAddsEntryROfTheVectorToRowR() {
        RandomStream r = RandomStream.of(17, 1);
        for (int rows : new int[] {1, 7, 128}) {
            for (int cols : new int[] {1, 3, 10, 500}) {
                double[] y = new double[rows * cols];
                double[] b = new double[rows + 2];
                r.fillGaussian(y, 0, y.length);
                r.fillGaussian(b, 0, b.length);
                double[] sum = y.clone();
                Ops64.INSTANCE.addColumnVector(sum, rows, cols, b, 2);
                float[] sum32 = toFloat(y);
                Ops32.INSTANCE.addColumnVector(sum32, rows, cols, toFloat(b), 2);
                for (int i = 0; i < rows; i++) {
                    for (int c = 0; c < cols; c++) {
                        int at = i * cols + c;
                        assertEquals(y[at] + b[2 + i], sum[at], 0.0, rows + "x" + cols);
                        assertEquals((float) ((float) y[at] + (double) (float) b[2 + i]), sum32[at], 0.0f,
                                rows + "x" + cols);
                    }
                }
            }
        }
    }

    @Test
    void tanhKernelsAreTheDefinition() {
        RandomStream r = RandomStream.of(17, 2);
        // sd 0.3: almost no |z| >= 1 (the rational branch); sd 3: most (the exponential branch); plus special values
        for (double sd : new double[] {0.3, 3}) {
            int n = 1000;
            double[] z = new double[n];
            r.fillGaussian(z, 0, n);
            for (int i = 0; i < n; i++) {
                z[i] *= sd;
            }
            double[] special = {0.0, -0.0, Ops.TANH_SWITCH, -Ops.TANH_SWITCH, Math.nextDown(Ops.TANH_SWITCH), 40,
                -1e300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Double.MIN_VALUE};
            for (int i = 0; i < special.length; i++) {
                z[7 * i + 1] = special[i];
            }
            double[] g = new double[n];
            double[] rgy = new double[n];
            double[] rx = new double[n];
            r.fillGaussian(g, 0, n);
            r.fillGaussian(rgy, 0, n);
            r.fillGaussian(rx, 0, n);
            double[] y = new double[n];
            double[] slope = new double[n];
            double[] rBack = new double[n];
            Ops64.INSTANCE.tanh(z, y, n);
            Ops64.INSTANCE.mulTanhSlope(y, g, slope, n);
            Ops64.INSTANCE.tanhRBackward(y, rgy, g, rx, rBack, n);
            float[] y32 = new float[n];
            float[] slope32 = new float[n];
            float[] rBack32 = new float[n];
            float[] g32 = toFloat(g);
            float[] rgy32 = toFloat(rgy);
            float[] rx32 = toFloat(rx);
            Ops32.INSTANCE.tanh(toFloat(z), y32, n);
            Ops32.INSTANCE.mulTanhSlope(y32, g32, slope32, n);
            Ops32.INSTANCE.tanhRBackward(y32, rgy32, g32, rx32, rBack32, n);
            for (int i = 0; i < n; i++) {
                double t = Ops.tanh(z[i]);
                double s = 1 - t * t;
                String at = "z = " + z[i];
                assertEquals(Double.doubleToRawLongBits(t), Double.doubleToRawLongBits(y[i]), at);
                assertEquals(Double.doubleToRawLongBits(s * g[i]), Double.doubleToRawLongBits(slope[i]), at);
                assertEquals(Double.doubleToRawLongBits(s * rgy[i] + -2 * t * s * g[i] * rx[i]),
                        Double.doubleToRawLongBits(rBack[i]), at);
                double t32 = y32[i];
                double s32 = 1 - t32 * t32;
                assertEquals((float) Ops.tanh((float) z[i]), y32[i], 0.0f, "f32 " + at);
                assertEquals((float) (s32 * g32[i]), slope32[i], 0.0f, "f32 " + at);
                assertEquals((float) (s32 * rgy32[i] + -2 * t32 * s32 * g32[i] * rx32[i]), rBack32[i], 0.0f,
                        "f32 " + at);
            }
        }
    }

    private static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }
}
