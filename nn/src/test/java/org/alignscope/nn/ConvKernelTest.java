package org.alignscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.alignscope.linalg.random.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * The branch-free convolution and pooling kernels of {@link Ops64} against the simple per-element loops that
 * define them, bit for bit, on random shapes with stride 1–3, padding 0–2 and kernel sizes 1–4 (also kernels
 * larger than the padded image's interior, so that a run is empty). f32 runs the same generated loops.
 */
class ConvKernelTest {
    private static final Ops64 OPS = Ops64.INSTANCE;

    /** One random geometry: samples × C × H × W, kernel k, stride s, padding p, output Ho × Wo ≥ 1. */
    private record Geometry(int samples, int channels, int height, int width, int k, int stride, int pad) {
        int outH() {
            return (height + 2 * pad - k) / stride + 1;
        }

        int outW() {
            return (width + 2 * pad - k) / stride + 1;
        }

        int columns() {
            return samples * outH() * outW();
        }

        int unfolded() {
            return channels * k * k * columns();
        }

        int inputs() {
            return samples * channels * height * width;
        }

        static Geometry random(RandomStream r, int stride, int pad) {
            int k;
            int h;
            int w;
            do {
                k = 1 + r.nextInt(4);
                h = 1 + r.nextInt(9);
                w = 1 + r.nextInt(9);
            } while (h + 2 * pad < k || w + 2 * pad < k);
            return new Geometry(1 + r.nextInt(3), 1 + r.nextInt(3), h, w, k, stride, pad);
        }
    }

    private static double[] gaussian(RandomStream r, int n) {
        double[] a = new double[n];
        r.fillGaussian(a, 0, n);
        return a;
    }

    /**
     * The definition of the unfolding: the flat index into x of element (row, column) of X̂, row (c·k + ki)·k + kj
     * and column (s·Ho + oh)·Wo + ow, or −1 in the padding; each element with its own bounds test.
     */
    private static int source(Geometry g, int row, int column) {
        int kj = row % g.k();
        int ki = row / g.k() % g.k();
        int c = row / (g.k() * g.k());
        int ow = column % g.outW();
        int oh = column / g.outW() % g.outH();
        int s = column / (g.outW() * g.outH());
        int ih = oh * g.stride() - g.pad() + ki;
        int iw = ow * g.stride() - g.pad() + kj;
        boolean inside = ih >= 0 && ih < g.height() && iw >= 0 && iw < g.width();
        return inside ? ((s * g.channels() + c) * g.height() + ih) * g.width() + iw : -1;
    }

    /** The definition of {@link Ops#im2col}. */
    private static void im2colReference(Geometry g, double[] x, int xOff, double[] col, int colOff) {
        int m = g.columns();
        for (int row = 0; row < g.channels() * g.k() * g.k(); row++) {
            for (int column = 0; column < m; column++) {
                int at = source(g, row, column);
                col[colOff + row * m + column] = at < 0 ? 0 : x[xOff + at];
            }
        }
    }

    /** The definition of {@link Ops#col2imAdd}, accumulating in the same (row, column) order. */
    private static void col2imReference(Geometry g, double[] col, int colOff, double[] gx, int gxOff) {
        int m = g.columns();
        for (int row = 0; row < g.channels() * g.k() * g.k(); row++) {
            for (int column = 0; column < m; column++) {
                int at = source(g, row, column);
                if (at >= 0) {
                    gx[gxOff + at] += col[colOff + row * m + column];
                }
            }
        }
    }

    private static void im2col(Geometry g, double[] x, int xOff, double[] col, int colOff) {
        OPS.im2col(x, xOff, g.samples(), g.channels(), g.height(), g.width(), g.k(), g.stride(), g.pad(), g.outH(),
                g.outW(), col, colOff);
    }

    private static void col2imAdd(Geometry g, double[] col, int colOff, double[] gx, int gxOff) {
        OPS.col2imAdd(col, colOff, g.samples(), g.channels(), g.height(), g.width(), g.k(), g.stride(), g.pad(),
                g.outH(), g.outW(), gx, gxOff);
    }

    @Test
    void unfoldingMatchesTheDefinitionBitForBit() {
        RandomStream r = RandomStream.of(11, 1);
        for (int stride = 1; stride <= 3; stride++) {
            for (int pad = 0; pad <= 2; pad++) {
                for (int trial = 0; trial < 40; trial++) {
                    Geometry g = Geometry.random(r, stride, pad);
                    int xOff = r.nextInt(5);
                    int colOff = r.nextInt(5);
                    double[] x = gaussian(r, xOff + g.inputs() + 3);
                    // NaN sentinels: every element of the block must be written, and nothing outside it
                    double[] fast = new double[colOff + g.unfolded() + 4];
                    java.util.Arrays.fill(fast, Double.NaN);
                    double[] reference = fast.clone();
                    im2col(g, x, xOff, fast, colOff);
                    im2colReference(g, x, xOff, reference, colOff);
                    assertArrayEquals(reference, fast, 0.0, g.toString());
                    for (int i = colOff; i < colOff + g.unfolded(); i++) {
                        assertFalse(Double.isNaN(fast[i]), g + " left element " + i);
                    }
                }
            }
        }
    }

    @Test
    void foldingMatchesTheDefinitionBitForBitAndIsTheAdjoint() {
        RandomStream r = RandomStream.of(11, 2);
        for (int stride = 1; stride <= 3; stride++) {
            for (int pad = 0; pad <= 2; pad++) {
                for (int trial = 0; trial < 40; trial++) {
                    Geometry g = Geometry.random(r, stride, pad);
                    int gxOff = r.nextInt(5);
                    double[] col = gaussian(r, g.unfolded());
                    double[] fast = gaussian(r, gxOff + g.inputs() + 2);
                    double[] reference = fast.clone();
                    col2imAdd(g, col, 0, fast, gxOff);
                    col2imReference(g, col, 0, reference, gxOff);
                    assertArrayEquals(reference, fast, 0.0, g.toString());

                    // <im2col(x), c> = <x, col2im(c)>, which ties the two definitions to each other
                    double[] x = gaussian(r, g.inputs());
                    double[] unfolded = new double[g.unfolded()];
                    im2col(g, x, 0, unfolded, 0);
                    double[] folded = new double[g.inputs()];
                    col2imAdd(g, col, 0, folded, 0);
                    double lhs = 0;
                    double scale = 0;
                    for (int i = 0; i < col.length; i++) {
                        lhs += unfolded[i] * col[i];
                        scale += Math.abs(unfolded[i] * col[i]);
                    }
                    double rhs = 0;
                    for (int i = 0; i < x.length; i++) {
                        rhs += x[i] * folded[i];
                    }
                    assertEquals(lhs, rhs, 1e-13 * (1 + scale), g.toString());
                }
            }
        }
    }

    @Test
    void float32KernelsAgreeWithTheDoubleOnesOnRepresentableInputs() {
        RandomStream r = RandomStream.of(11, 3);
        for (int trial = 0; trial < 60; trial++) {
            Geometry g = Geometry.random(r, 1 + r.nextInt(3), r.nextInt(3));
            double[] x = new double[g.inputs()];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            double[] col64 = new double[g.unfolded()];
            im2col(g, x, 0, col64, 0);
            float[] x32 = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                x32[i] = (float) x[i];
            }
            float[] col32 = new float[g.unfolded()];
            Ops32.INSTANCE.im2col(x32, 0, g.samples(), g.channels(), g.height(), g.width(), g.k(), g.stride(),
                    g.pad(), g.outH(), g.outW(), col32, 0);
            for (int i = 0; i < col64.length; i++) {
                assertEquals(col64[i], col32[i], 0.0, g + " element " + i);
            }
        }
    }

    @Test
    void blockReshufflesMatchTheirDefinitionAndInvertEachOther() {
        RandomStream r = RandomStream.of(11, 4);
        int samples = 3;
        int pixels = 7;
        int channels = 4;
        int m = samples * pixels;
        double[] blocks = gaussian(r, channels * m);
        double[] bias = gaussian(r, channels + 2);
        int off = 5;
        double[] nchw = new double[off + channels * m];
        OPS.blocksToChannels(blocks, samples, pixels, channels, nchw, off, bias, 2);
        for (int s = 0; s < samples; s++) {
            for (int o = 0; o < channels; o++) {
                for (int p = 0; p < pixels; p++) {
                    assertEquals(blocks[o * m + s * pixels + p] + bias[2 + o],
                            nchw[off + (s * channels + o) * pixels + p], 0.0);
                }
            }
        }
        OPS.blocksToChannels(blocks, samples, pixels, channels, nchw, off, null, 0);
        double[] back = new double[3 + channels * m];
        OPS.channelsToBlocks(nchw, off, samples, pixels, channels, back, 3);
        assertArrayEquals(blocks, java.util.Arrays.copyOfRange(back, 3, back.length), 0.0);
    }

    @Test
    void rowSumsAccumulateIntoTheTargetInColumnOrder() {
        RandomStream r = RandomStream.of(11, 5);
        for (int rows : new int[] {1, 3, 4, 5, 8, 11}) {
            double[] g = gaussian(r, rows * 9);
            double[] out = gaussian(r, rows + 3);
            double[] expected = out.clone();
            for (int row = 0; row < rows; row++) {
                for (int c = 0; c < 9; c++) {
                    expected[3 + row] += g[row * 9 + c];
                }
            }
            OPS.addRowSums(g, rows, 9, out, 3);
            assertArrayEquals(expected, out, 0.0, rows + " rows");
        }
    }

    @Test
    void twoByTwoMaxPoolMatchesTheGeneralLoopWithTiesInfinitiesAndNaN() {
        RandomStream r = RandomStream.of(11, 6);
        for (int trial = 0; trial < 30; trial++) {
            int planes = 1 + r.nextInt(4);
            int h = 2 + r.nextInt(8);
            int w = 2 + r.nextInt(8);
            int outH = (h - 2) / 2 + 1;
            int outW = (w - 2) / 2 + 1;
            double[] x = new double[planes * h * w];
            for (int i = 0; i < x.length; i++) {
                int v = r.nextInt(6); // few values: many ties, and the special values
                x[i] = v < 3 ? v : v == 3 ? Double.NaN : v == 4 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            }
            double[] y = new double[planes * outH * outW];
            int[] idx = new int[y.length];
            OPS.maxPool(x, planes, 1, h, w, 2, 2, outH, outW, y, idx);
            int i = 0;
            for (int sc = 0; sc < planes; sc++) {
                for (int oh = 0; oh < outH; oh++) {
                    for (int ow = 0; ow < outW; ow++, i++) {
                        int best = sc * h * w + 2 * oh * w + 2 * ow;
                        for (int ki = 0; ki < 2; ki++) {
                            for (int kj = 0; kj < 2; kj++) {
                                int at = sc * h * w + (2 * oh + ki) * w + 2 * ow + kj;
                                if (x[at] > x[best]) {
                                    best = at;
                                }
                            }
                        }
                        assertEquals(best, idx[i], "plane " + sc + " window " + oh + "," + ow);
                        assertEquals(x[best], y[i], 0.0);
                    }
                }
            }
        }
    }
}
