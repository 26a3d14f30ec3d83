package org.alignscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The forward pass against direct loops written from PyTorch's definitions (cross-correlation, NCHW,
 * weight O×C×k×k, zero padding, pooling windows, C-order flatten, Linear y = x Wᵀ + b), so that the layers
 * compute what the specs and checkpoints claim, not only something self-consistent.
 */
class ForwardSemanticsTest {
    @Test
    void convStridePaddingMaxPoolFlattenDenseMatchDirectLoops() {
        String spec = "cnn:2x7x6:c3k3s2p1-max2s1-flat-d4";
        for (Precision prec : Precision.values()) {
            Model m = Models.create(spec, Loss.MSE, prec, 5, 1.0);
            Batch b = Fixtures.batch(m, 3, 51);
            double[] want = reference(m.parameters(), b, true);
            double[] got = m.outputs(b);
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], got[i], prec == Precision.F64 ? 1e-13 : 1e-5, prec + " output " + i);
            }
        }
    }

    @Test
    void averagePoolingMatchesDirectLoops() {
        Model m = Models.create("cnn:2x7x6:c3k3s2p1-avg2s1-flat-d4", Loss.MSE, Precision.F64, 6, 1.0);
        Batch b = Fixtures.batch(m, 3, 52);
        double[] want = reference(m.parameters(), b, false);
        double[] got = m.outputs(b);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-13, "output " + i);
        }
    }

    /** conv(2→3, k3, s2, p1) on 7×6 → 3×4×3; pool(2, s1) → 3×3×2; flatten 18; Linear(18, 4). */
    private static double[] reference(double[] p, Batch b, boolean max) {
        int c = 2, h = 7, w = 6, o = 3, k = 3, s = 2, pad = 1, oh = 4, ow = 3, ph = 3, pw = 2;
        int wOff = 0, bOff = o * c * k * k, dW = bOff + o, dB = dW + 4 * 18;
        double[] out = new double[b.n() * 4];
        for (int n = 0; n < b.n(); n++) {
            double[][][] y = new double[o][oh][ow];
            for (int oc = 0; oc < o; oc++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double sum = p[bOff + oc];
                        for (int ic = 0; ic < c; ic++) {
                            for (int ki = 0; ki < k; ki++) {
                                for (int kj = 0; kj < k; kj++) {
                                    int ii = i * s - pad + ki;
                                    int jj = j * s - pad + kj;
                                    if (ii >= 0 && ii < h && jj >= 0 && jj < w) {
                                        sum += p[wOff + ((oc * c + ic) * k + ki) * k + kj]
                                                * b.x()[n * c * h * w + (ic * h + ii) * w + jj];
                                    }
                                }
                            }
                        }
                        y[oc][i][j] = sum;
                    }
                }
            }
            double[] flat = new double[18];
            for (int oc = 0; oc < o; oc++) {
                for (int i = 0; i < ph; i++) {
                    for (int j = 0; j < pw; j++) {
                        double a = max ? Double.NEGATIVE_INFINITY : 0;
                        for (int di = 0; di < 2; di++) {
                            for (int dj = 0; dj < 2; dj++) {
                                double v = y[oc][i + di][j + dj];
                                a = max ? Math.max(a, v) : a + v / 4;
                            }
                        }
                        flat[(oc * ph + i) * pw + j] = a;
                    }
                }
            }
            for (int q = 0; q < 4; q++) {
                double z = p[dB + q];
                for (int f = 0; f < 18; f++) {
                    z += p[dW + q * 18 + f] * flat[f];
                }
                out[n * 4 + q] = z;
            }
        }
        return out;
    }
}
