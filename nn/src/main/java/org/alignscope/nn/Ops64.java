package org.alignscope.nn;

import org.hipparchus.special.Erf;

/** {@link Ops} on {@code double[]}. Template for {@link Ops32} (see {@code nn/tools/gen-ops32.sh}). */
@SuppressWarnings("cast") // the (double) casts are the template markers that become (float) in Ops32
final class Ops64 extends Ops<double[]> {
    static final Ops64 INSTANCE = new Ops64();

    private Ops64() {
    }

    @Override
    Precision precision() {
        return Precision.F64;
    }

    @Override
    double[] alloc(int n) {
        return new double[n];
    }

    @Override
    int length(double[] a) {
        return a.length;
    }

    // BEGIN-PRECISION-SPECIFIC
    @Override
    double[] importVector(double[] src, double[] scratch) {
        return src;
    }

    @Override
    double[] outputVector(double[] dst, double[] scratch) {
        return dst;
    }

    @Override
    void exportVector(double[] src, double[] dst, int n) {
        if (src != dst) {
            System.arraycopy(src, 0, dst, 0, n);
        }
    }

    @Override
    void toDouble(double[] src, int off, double[] dst, int n) {
        System.arraycopy(src, off, dst, 0, n);
    }

    @Override
    void fromDouble(double[] src, double[] dst, int off, int n) {
        System.arraycopy(src, 0, dst, off, n);
    }

    /**
     * {@link #tanh(double)}, bit for bit, in two passes: the rational branch over every entry, in a loop the JIT
     * vectorises, then the exponential branch over the entries with |z| ≥ 1 only: faster than one branchy pass
     * unless most entries are large (docs/results/hvp-performance.md). Float32 keeps one pass: with float arrays
     * the first loop does not vectorise.
     */
    @Override
    void tanh(double[] z, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = tanhSmall(z[i]);
        }
        for (int i = 0; i < n; i++) {
            double x = z[i];
            if (Math.abs(x) >= TANH_SWITCH) {
                y[i] = tanhLarge(x);
            }
        }
    }
    // END-PRECISION-SPECIFIC

    @Override
    void gemm(boolean ta, boolean tb, int m, int n, int k, double alpha, double[] a, int aOff, int lda,
              double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        BLAS_INSTANCE.dgemm(tb ? "T" : "N", ta ? "T" : "N", n, m, k, (double) alpha, b, bOff, ldb, a, aOff, lda,
                (double) beta, c, cOff, ldc);
    }

    @Override
    void fill(double[] a, int off, int n, double value) {
        java.util.Arrays.fill(a, off, off + n, (double) value);
    }

    @Override
    void addRowVector(double[] y, int rows, int cols, double[] b, int bOff) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int c = 0; c < cols; c++) {
                y[o + c] += b[bOff + c];
            }
        }
    }

    @Override
    void addColumnVector(double[] y, int rows, int cols, double[] b, int bOff) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            double br = b[bOff + r];
            for (int c = 0; c < cols; c++) {
                y[o + c] += br;
            }
        }
    }

    @Override
    void addColumnSums(double[] g, int rows, int cols, double[] out, int outOff) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int c = 0; c < cols; c++) {
                out[outOff + c] += g[o + c];
            }
        }
    }

    @Override
    void activation(Activation f, double[] z, double[] a, double[] d1, double[] d2, int n) {
        switch (f) {
            case RELU:
                for (int i = 0; i < n; i++) {
                    double x = z[i];
                    long on = positiveMask(x);
                    a[i] = (double) Double.longBitsToDouble(Double.doubleToRawLongBits(x) & on);
                    d1[i] = (double) Double.longBitsToDouble(ONE_BITS & on);
                    if (d2 != null) {
                        d2[i] = 0;
                    }
                }
                break;
            case GELU:
                for (int i = 0; i < n; i++) {
                    double x = z[i];
                    double cdf = 0.5 * Erf.erfc(-x * INV_SQRT2);
                    double pdf = INV_SQRT_2PI * Math.exp(-0.5 * x * x);
                    a[i] = (double) (x * cdf);
                    d1[i] = (double) (cdf + x * pdf);
                    if (d2 != null) {
                        d2[i] = (double) (pdf * (2 - x * x));
                    }
                }
                break;
            default:
                throw new AssertionError(f);
        }
    }

    @Override
    void mulTanhSlope(double[] y, double[] g, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            double t = y[i];
            out[i] = (double) ((1 - t * t) * g[i]);
        }
    }

    @Override
    void tanhRBackward(double[] y, double[] rgy, double[] gy, double[] rx, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            double t = y[i];
            double s = 1 - t * t;
            out[i] = (double) (s * rgy[i] + -2 * t * s * gy[i] * rx[i]);
        }
    }

    @Override
    void mul(double[] x, double[] y, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = x[i] * y[i];
        }
    }

    @Override
    void mulAddMul3(double[] a, double[] b, double[] c, double[] d, double[] e, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] * b[i] + c[i] * d[i] * e[i];
        }
    }

    /**
     * Four rows at a time: each row is still summed in column order (the same result), but four independent
     * chains of additions run side by side instead of one, which waits on every addition's latency.
     */
    @Override
    void addRowSums(double[] g, int rows, int cols, double[] out, int outOff) {
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            int o = r * cols;
            double a0 = out[outOff + r];
            double a1 = out[outOff + r + 1];
            double a2 = out[outOff + r + 2];
            double a3 = out[outOff + r + 3];
            for (int c = 0; c < cols; c++) {
                a0 += g[o + c];
                a1 += g[o + cols + c];
                a2 += g[o + 2 * cols + c];
                a3 += g[o + 3 * cols + c];
            }
            out[outOff + r] = (double) a0;
            out[outOff + r + 1] = (double) a1;
            out[outOff + r + 2] = (double) a2;
            out[outOff + r + 3] = (double) a3;
        }
        for (; r < rows; r++) {
            int o = r * cols;
            double acc = out[outOff + r];
            for (int c = 0; c < cols; c++) {
                acc += g[o + c];
            }
            out[outOff + r] = (double) acc;
        }
    }

    @Override
    void im2col(double[] x, int xOff, int samples, int channels, int height, int width, int k, int stride,
                int pad, int outH, int outW, double[] col, int colOff) {
        int plane = height * width;
        int d = colOff;
        for (int c = 0; c < channels; c++) {
            for (int ki = 0; ki < k; ki++) {
                for (int kj = 0; kj < k; kj++) {
                    int lo = firstInside(pad, kj, stride, outW);
                    int hi = endInside(width, pad, kj, stride, outW, lo);
                    for (int s = 0; s < samples; s++) {
                        int cb = xOff + (s * channels + c) * plane + lo * stride - pad + kj;
                        for (int oh = 0; oh < outH; oh++, d += outW) {
                            int ih = oh * stride - pad + ki;
                            if (ih < 0 || ih >= height) {
                                java.util.Arrays.fill(col, d, d + outW, (double) 0);
                                continue;
                            }
                            for (int ow = 0; ow < lo; ow++) {
                                col[d + ow] = 0;
                            }
                            int src = cb + ih * width;
                            if (stride == 1 && hi > lo) {
                                System.arraycopy(x, src, col, d + lo, hi - lo);
                            } else {
                                for (int ow = lo; ow < hi; ow++) {
                                    col[d + ow] = x[src + (ow - lo) * stride];
                                }
                            }
                            for (int ow = hi; ow < outW; ow++) {
                                col[d + ow] = 0;
                            }
                        }
                    }
                }
            }
        }
    }

    @Override
    void col2imAdd(double[] col, int colOff, int samples, int channels, int height, int width, int k, int stride,
                   int pad, int outH, int outW, double[] gx, int gxOff) {
        int plane = height * width;
        int d = colOff;
        for (int c = 0; c < channels; c++) {
            for (int ki = 0; ki < k; ki++) {
                for (int kj = 0; kj < k; kj++) {
                    int lo = firstInside(pad, kj, stride, outW);
                    int hi = endInside(width, pad, kj, stride, outW, lo);
                    for (int s = 0; s < samples; s++) {
                        int cb = gxOff + (s * channels + c) * plane + lo * stride - pad + kj;
                        for (int oh = 0; oh < outH; oh++, d += outW) {
                            int ih = oh * stride - pad + ki;
                            if (ih < 0 || ih >= height) {
                                continue;
                            }
                            int dst = cb + ih * width;
                            if (stride == 1) {
                                for (int ow = lo; ow < hi; ow++) {
                                    gx[dst + ow - lo] += col[d + ow];
                                }
                            } else {
                                for (int ow = lo; ow < hi; ow++) {
                                    gx[dst + (ow - lo) * stride] += col[d + ow];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Override
    void blocksToChannels(double[] blocks, int samples, int pixels, int channels, double[] dst, int dstOff,
                          double[] bias, int bOff) {
        int m = samples * pixels;
        for (int s = 0; s < samples; s++) {
            for (int o = 0; o < channels; o++) {
                double b = bias == null ? 0 : bias[bOff + o];
                int d = dstOff + (s * channels + o) * pixels;
                int src = o * m + s * pixels;
                for (int p = 0; p < pixels; p++) {
                    dst[d + p] = (double) (blocks[src + p] + b);
                }
            }
        }
    }

    @Override
    void channelsToBlocks(double[] src, int srcOff, int samples, int pixels, int channels, double[] blocks,
                          int blocksOff) {
        int m = samples * pixels;
        for (int s = 0; s < samples; s++) {
            for (int o = 0; o < channels; o++) {
                System.arraycopy(src, srcOff + (s * channels + o) * pixels, blocks, blocksOff + o * m + s * pixels,
                        pixels);
            }
        }
    }

    @Override
    void maxPool(double[] x, int n, int channels, int height, int width, int k, int stride, int outH, int outW,
                 double[] y, int[] idx) {
        if (k == 2 && stride == 2) {
            maxPool2x2(x, n * channels, height, width, outH, outW, y, idx);
            return;
        }
        int i = 0;
        for (int sc = 0; sc < n * channels; sc++) {
            int base = sc * height * width;
            for (int oh = 0; oh < outH; oh++) {
                for (int ow = 0; ow < outW; ow++, i++) {
                    int best = base + oh * stride * width + ow * stride;
                    double m = x[best];
                    for (int ki = 0; ki < k; ki++) {
                        int rb = base + (oh * stride + ki) * width + ow * stride;
                        for (int kj = 0; kj < k; kj++) {
                            if (x[rb + kj] > m) {
                                m = x[rb + kj];
                                best = rb + kj;
                            }
                        }
                    }
                    y[i] = (double) m;
                    idx[i] = best;
                }
            }
        }
    }

    /**
     * {@link #maxPool} for 2 × 2 windows with stride 2: the four candidates in the same row-major order with the
     * same strict &gt; (ties and NaN go exactly as in the general loop), selected through {@link #greaterMask}
     * instead of branches, which mispredict about half the time on random data.
     */
    private static void maxPool2x2(double[] x, int planes, int height, int width, int outH, int outW, double[] y,
                                   int[] idx) {
        int i = 0;
        for (int sc = 0; sc < planes; sc++) {
            int base = sc * height * width;
            for (int oh = 0; oh < outH; oh++) {
                int r0 = base + 2 * oh * width;
                for (int ow = 0; ow < outW; ow++, i++) {
                    int a = r0 + 2 * ow;
                    long m = Double.doubleToRawLongBits(x[a]);
                    long best = a;
                    for (int q = 1; q < 4; q++) {
                        int at = a + (q & 1) + (q >> 1) * width;
                        long v = Double.doubleToRawLongBits(x[at]);
                        long gt = greaterMask(x[at], Double.longBitsToDouble(m));
                        m = (v & gt) | (m & ~gt);
                        best = (at & gt) | (best & ~gt);
                    }
                    y[i] = (double) Double.longBitsToDouble(m);
                    idx[i] = (int) best;
                }
            }
        }
    }

    @Override
    void gather(double[] x, int[] idx, double[] y, int count) {
        for (int i = 0; i < count; i++) {
            y[i] = x[idx[i]];
        }
    }

    @Override
    void scatterAdd(double[] g, int[] idx, double[] out, int count) {
        for (int i = 0; i < count; i++) {
            out[idx[i]] += g[i];
        }
    }

    @Override
    void avgPool(double[] x, int n, int channels, int height, int width, int k, int stride, int outH, int outW,
                 double[] y) {
        double inv = 1.0 / (k * k);
        int i = 0;
        for (int sc = 0; sc < n * channels; sc++) {
            int base = sc * height * width;
            for (int oh = 0; oh < outH; oh++) {
                for (int ow = 0; ow < outW; ow++, i++) {
                    double sum = 0;
                    for (int ki = 0; ki < k; ki++) {
                        int rb = base + (oh * stride + ki) * width + ow * stride;
                        for (int kj = 0; kj < k; kj++) {
                            sum += x[rb + kj];
                        }
                    }
                    y[i] = (double) (sum * inv);
                }
            }
        }
    }

    @Override
    void avgPoolAdjointAdd(double[] g, int n, int channels, int height, int width, int k, int stride, int outH,
                           int outW, double[] gx) {
        double inv = 1.0 / (k * k);
        int i = 0;
        for (int sc = 0; sc < n * channels; sc++) {
            int base = sc * height * width;
            for (int oh = 0; oh < outH; oh++) {
                for (int ow = 0; ow < outW; ow++, i++) {
                    double v = g[i] * inv;
                    for (int ki = 0; ki < k; ki++) {
                        int rb = base + (oh * stride + ki) * width + ow * stride;
                        for (int kj = 0; kj < k; kj++) {
                            gx[rb + kj] += v;
                        }
                    }
                }
            }
        }
    }
}
