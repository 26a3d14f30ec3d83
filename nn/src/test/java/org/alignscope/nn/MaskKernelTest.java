package org.alignscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.alignscope.linalg.random.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * The sign masks that replace branches are the comparisons they stand for, on all pairs of special values
 * (overflowing and underflowing differences included), and the branch-free ReLU kernel gives, bit for bit,
 * a = (z &gt; 0 ? z : 0) and f' = (z &gt; 0 ? 1 : 0), also for ±0, ±∞, NaN (either sign), subnormals and the
 * largest finite values, in f64 and in the generated f32 kernel.
 */
class MaskKernelTest {
    private static final double[] SPECIAL = {0.0, -0.0, 1.5, -2.5, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.NaN, Double.longBitsToDouble(0xfff8000000000001L), Double.MIN_VALUE,
        -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, Float.MIN_VALUE,
        -Float.MIN_VALUE, Float.MAX_VALUE};

    private static double[] inputs() {
        RandomStream r = RandomStream.of(13, 1);
        double[] z = new double[SPECIAL.length + 200];
        System.arraycopy(SPECIAL, 0, z, 0, SPECIAL.length);
        for (int i = SPECIAL.length; i < z.length; i++) {
            z[i] = r.nextGaussian();
        }
        return z;
    }

    @Test
    void positiveMaskIsTheSignTest() {
        for (double z : inputs()) {
            assertEquals(z > 0 ? -1L : 0L, Ops.positiveMask(z), "z = " + z);
        }
    }

    @Test
    void greaterMaskIsTheComparison() {
        double[] z = inputs();
        for (double v : z) {
            for (double m : z) {
                assertEquals(v > m ? -1L : 0L, Ops.greaterMask(v, m), v + " > " + m);
            }
        }
    }

    @Test
    void reluMatchesItsDefinitionBitForBit() {
        double[] z = inputs();
        int n = z.length;
        double[] a = new double[n];
        double[] d1 = new double[n];
        Ops64.INSTANCE.activation(Activation.RELU, z, a, d1, null, n);
        float[] z32 = new float[n];
        for (int i = 0; i < n; i++) {
            z32[i] = (float) z[i];
        }
        float[] a32 = new float[n];
        float[] d132 = new float[n];
        Ops32.INSTANCE.activation(Activation.RELU, z32, a32, d132, null, n);
        for (int i = 0; i < n; i++) {
            assertEquals(Double.doubleToRawLongBits(z[i] > 0 ? z[i] : 0), Double.doubleToRawLongBits(a[i]),
                    "a at z = " + z[i]);
            assertEquals(Double.doubleToRawLongBits(z[i] > 0 ? 1 : 0), Double.doubleToRawLongBits(d1[i]),
                    "f' at z = " + z[i]);
            assertEquals(Float.floatToRawIntBits(z32[i] > 0 ? z32[i] : 0), Float.floatToRawIntBits(a32[i]),
                    "f32 a at z = " + z32[i]);
            assertEquals(Float.floatToRawIntBits(z32[i] > 0 ? 1 : 0), Float.floatToRawIntBits(d132[i]),
                    "f32 f' at z = " + z32[i]);
        }
    }
}
