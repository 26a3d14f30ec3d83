package org.alignscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.alignscope.linalg.random.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * Kernels of the dense and tanh layers against their definitions: the transposing bias pass on shapes around its
 * block size, and the tanh activation bit for bit equal to t = tanh(z), f′ = 1 − t², f″ = −2t(1 − t²) in f64, and
 * to their float roundings in f32, on Gaussian inputs of two spreads and the special values.
 */
class DenseKernelTest {
    @Test
    void transposeAddRowVectorIsTheTransposePlusTheRowVector() {
        RandomStream r = RandomStream.of(17, 1);
        for (int rows : new int[] {1, 7, 31, 32, 33, 70}) {
            for (int cols : new int[] {1, 3, 10, 128}) {
                double[] src = new double[rows * cols];
                double[] b = new double[cols + 2];
                r.fillGaussian(src, 0, src.length);
                r.fillGaussian(b, 0, b.length);
                double[] dst = new double[rows * cols];
                Ops64.INSTANCE.transposeAddRowVector(src, rows, cols, b, 2, dst);
                float[] dst32 = new float[rows * cols];
                Ops32.INSTANCE.transposeAddRowVector(toFloat(src), rows, cols, toFloat(b), 2, dst32);
                for (int i = 0; i < rows; i++) {
                    for (int c = 0; c < cols; c++) {
                        double want = src[c * rows + i] + b[2 + c];
                        assertEquals(want, dst[i * cols + c], 0.0, rows + "x" + cols);
                        assertEquals((float) ((float) src[c * rows + i] + (double) (float) b[2 + c]),
                                dst32[i * cols + c], 0.0f, rows + "x" + cols);
                    }
                }
            }
        }
    }

    @Test
    void tanhActivationIsTheDefinition() {
        RandomStream r = RandomStream.of(17, 2);
        // sd 0.3: few |z| >= ln(3)/2 (the rational branch); sd 3: most (the exponential branch); plus special values
        for (double sd : new double[] {0.3, 3}) {
            double[] z = new double[1000];
            r.fillGaussian(z, 0, z.length);
            for (int i = 0; i < z.length; i++) {
                z[i] *= sd;
            }
            double[] special = {0.0, -0.0, Ops.TANH_HALF, -Ops.TANH_HALF, Math.nextDown(Ops.TANH_HALF), 40, -1e300,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Double.MIN_VALUE};
            for (int i = 0; i < special.length; i++) {
                z[7 * i + 1] = special[i];
            }
            double[] a = new double[z.length];
            double[] d1 = new double[z.length];
            double[] d2 = new double[z.length];
            Ops64.INSTANCE.activation(Activation.TANH, z, a, d1, d2, z.length);
            float[] z32 = toFloat(z);
            float[] a32 = new float[z.length];
            float[] e32 = new float[z.length];
            float[] f32 = new float[z.length];
            Ops32.INSTANCE.activation(Activation.TANH, z32, a32, e32, f32, z.length);
            for (int i = 0; i < z.length; i++) {
                double t = Ops.tanh(z[i]);
                double s = 1 - t * t;
                assertEquals(Double.doubleToRawLongBits(t), Double.doubleToRawLongBits(a[i]), "z = " + z[i]);
                assertEquals(Double.doubleToRawLongBits(s), Double.doubleToRawLongBits(d1[i]), "z = " + z[i]);
                assertEquals(Double.doubleToRawLongBits(-2 * t * s), Double.doubleToRawLongBits(d2[i]), "z = " + z[i]);
                double t32 = Ops.tanh(z32[i]);
                double s32 = 1 - t32 * t32;
                assertEquals((float) t32, a32[i], 0.0f, "f32 z = " + z32[i]);
                assertEquals((float) s32, e32[i], 0.0f, "f32 z = " + z32[i]);
                assertEquals((float) (-2 * t32 * s32), f32[i], 0.0f, "f32 z = " + z32[i]);
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
