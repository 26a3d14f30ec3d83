package org.alignscope.nn;

import dev.ludovic.netlib.blas.BLAS;
import org.alignscope.linalg.Blas;

/**
 * The numerical kernels every layer is written against, for one storage type {@code A} ({@code double[]} or
 * {@code float[]}). Layers and the {@link Engine} are generic in {@code A}; only the two implementations
 * {@link Ops64} and {@link Ops32} touch elements. All matrices are row-major.
 *
 * <p>{@code Ops32} is generated from {@code Ops64} by {@code nn/tools/gen-ops32.sh}; edit {@code Ops64} and
 * regenerate.
 */
abstract class Ops<A> {
    /** The BLAS in use, as {@link Blas} selects it (OpenBLAS through JNI when the machine has it, else pure Java). */
    static final BLAS BLAS_INSTANCE = Blas.get();

    abstract Precision precision();

    abstract A alloc(int n);

    abstract int length(A a);

    /** {@code buf} when it holds at least n elements, else a new array of n. */
    final A ensure(A buf, int n) {
        return buf != null && length(buf) >= n ? buf : alloc(n);
    }

    /** A scratch buffer of at least n elements for {@link #importVector}: null for f64, which needs none. */
    final A scratch(A buf, int n) {
        return precision() == Precision.F64 ? null : ensure(buf, n);
    }

    /** {@code src} itself for f64; for f32 {@code src} rounded into {@code scratch} (length ≥ src.length). */
    abstract A importVector(double[] src, A scratch);

    /** Where to write a result bound for {@code dst}: {@code dst} itself for f64, {@code scratch} for f32. */
    abstract A outputVector(double[] dst, A scratch);

    /** Copies (widening for f32) the first n elements of src into dst; nothing when they are the same array. */
    abstract void exportVector(A src, double[] dst, int n);

    /** dst[i] = src[off + i] for i &lt; n, widened. */
    abstract void toDouble(A src, int off, double[] dst, int n);

    /** dst[off + i] = src[i] for i &lt; n, rounded. */
    abstract void fromDouble(double[] src, A dst, int off, int n);

    /**
     * Row-major GEMM: {@code C = alpha op(A) op(B) + beta C} with C m × n, op(A) m × k, op(B) k × n and
     * leading dimensions (row strides) lda, ldb, ldc. Runs as column-major {@code Cᵀ = op(B)ᵀ op(A)ᵀ}.
     */
    abstract void gemm(boolean ta, boolean tb, int m, int n, int k, double alpha, A a, int aOff, int lda,
                       A b, int bOff, int ldb, double beta, A c, int cOff, int ldc);

    abstract void fill(A a, int off, int n, double value);

    final void copy(A src, int srcOff, A dst, int dstOff, int n) {
        System.arraycopy(src, srcOff, dst, dstOff, n);
    }

    /** y[r, c] += b[bOff + c] for a rows × cols block of y. */
    abstract void addRowVector(A y, int rows, int cols, A b, int bOff);

    /** y[r, c] += b[bOff + r] for a rows × cols block of y. */
    abstract void addColumnVector(A y, int rows, int cols, A b, int bOff);

    /** out[outOff + c] += Σ_r g[r, c] over a rows × cols block of g. */
    abstract void addColumnSums(A g, int rows, int cols, A out, int outOff);

    /**
     * a = f(z), d1 = f'(z) and, when d2 is not null, d2 = f''(z), elementwise over n entries; for ReLU and GELU
     * (tanh has {@link #tanh} and takes its derivatives from its output).
     */
    abstract void activation(Activation f, A z, A a, A d1, A d2, int n);

    /** y = tanh(z) ({@link #tanh(double)}), elementwise over n entries. */
    abstract void tanh(A z, A y, int n);

    /** out = (1 − y²) ⊙ g: g times tanh′ = 1 − tanh², from the output y = tanh(z). */
    abstract void mulTanhSlope(A y, A g, A out, int n);

    /**
     * out = s ⊙ rgy + (−2 y s) ⊙ gy ⊙ rx with s = 1 − y²: the R-backward pass of y = tanh(z), f′ = 1 − y² and
     * f″ = −2 y (1 − y²) taken from the output (see {@link ActivationLayer}).
     */
    abstract void tanhRBackward(A y, A rgy, A gy, A rx, A out, int n);

    /** out = x ⊙ y. */
    abstract void mul(A x, A y, A out, int n);

    /** out = a ⊙ b + c ⊙ d ⊙ e. */
    abstract void mulAddMul3(A a, A b, A c, A d, A e, A out, int n);

    /** out[outOff + r] += Σ_c g[r, c] over a rows × cols block of g (summed in column order). */
    abstract void addRowSums(A g, int rows, int cols, A out, int outOff);

    /**
     * Unfolds {@code samples} images starting at flat offset {@code xOff} of x (each C × H × W) into the
     * (C·K·K) × (samples·Ho·Wo) matrix at {@code colOff} of col (row-major, leading dimension samples·Ho·Wo):
     * row (c·K + ki)·K + kj, column (s·Ho + oh)·Wo + ow holds x[s, c, oh·S − P + ki, ow·S − P + kj], or 0 in the
     * padding. For stride 1 each (row, s, oh) run over ow is a contiguous run of x, copied without per-element
     * tests; only the padded border is filled separately.
     */
    abstract void im2col(A x, int xOff, int samples, int channels, int height, int width, int k, int stride,
                         int pad, int outH, int outW, A col, int colOff);

    /** The adjoint of {@link #im2col}: gx[...] += col[...] (gx is not cleared), accumulated in col's row order. */
    abstract void col2imAdd(A col, int colOff, int samples, int channels, int height, int width, int k, int stride,
                            int pad, int outH, int outW, A gx, int gxOff);

    /**
     * dst[dstOff + (s·O + o)·P + p] = blocks[o·(S·P) + s·P + p] + bias[bOff + o] (bias may be null), S = samples:
     * from the channel-major GEMM output (O × S·P) to NCHW, one contiguous run of P pixels at a time.
     */
    abstract void blocksToChannels(A blocks, int samples, int pixels, int channels, A dst, int dstOff, A bias,
                                   int bOff);

    /** The inverse reshuffle: blocks[blocksOff + o·(S·P) + s·P + p] = src[srcOff + (s·O + o)·P + p]. */
    abstract void channelsToBlocks(A src, int srcOff, int samples, int pixels, int channels, A blocks,
                                   int blocksOff);

    /** Max pooling without padding; idx receives the flat index into x of each window's (first) maximum. */
    abstract void maxPool(A x, int n, int channels, int height, int width, int k, int stride, int outH, int outW,
                          A y, int[] idx);

    /** y[i] = x[idx[i]]. */
    abstract void gather(A x, int[] idx, A y, int count);

    /** out[idx[i]] += g[i] (out is not cleared). */
    abstract void scatterAdd(A g, int[] idx, A out, int count);

    /** Average pooling without padding (divisor k²). */
    abstract void avgPool(A x, int n, int channels, int height, int width, int k, int stride, int outH, int outW,
                          A y);

    /** The adjoint of {@link #avgPool}: gx += Pᵀ g (gx is not cleared). */
    abstract void avgPoolAdjointAdd(A g, int n, int channels, int height, int width, int k, int stride, int outH,
                                    int outW, A gx);

    // ---- shared scalar helpers ----

    /** Where {@link #tanh} switches from its rational branch to its exponential branch. */
    static final double TANH_SWITCH = 1.0;

    /**
     * tanh(x) within 4 ulp of {@link Math#tanh} (measured over 4·10⁵ points from 1e-12 to 40, 2·10⁵ uniform in
     * [−1.2, 1.2] and the special values), without {@code Math.tanh}, which Java 17 does not intrinsify (it is a
     * native call into fdlibm):
     * <ul>
     *   <li>|x| ≥ 1: 1 − 2/(e<sup>2|x|</sup> + 1) with the intrinsified {@link Math#exp}; tanh ≥ 0.76 here, so
     *       the subtraction loses nothing.</li>
     *   <li>|x| &lt; 1 (s = x²): x·P(s)/Q(s) with P = 13749310575 + 1964187225s + 64324260s² + 675675s³ + 2145s⁴
     *       + s⁵ and Q = 13749310575 + 6547290750s + 413513100s² + 7567560s³ + 45045s⁴ + 66s⁵, the 11th convergent
     *       of Lambert's continued fraction tanh x = x/(1 + x²/(3 + x²/(5 + …))). Its relative error on this
     *       interval is below 10⁻⁶·2⁻⁵² (60-digit arithmetic at 200 points); the integer coefficients are exact in
     *       double, and evaluated in double it is within 2.2 ulp of tanh (20,000 uniform points). The interval is
     *       wide so that few entries need the other branch ({@link Ops64#tanh(double[], double[], int)} vectorises
     *       this one): 0.6 % at a Gaussian spread of 0.36, that of the benchmark MLP's first layer, against 13 %
     *       beyond ln(3)/2, as far as the 8th convergent reaches at this accuracy.</li>
     * </ul>
     * tanh is odd: the rational branch is odd by itself, the other restores the sign with {@link Math#copySign};
     * −0 stays −0, ±∞ give ±1, NaN gives NaN.
     */
    static double tanh(double x) {
        return Math.abs(x) >= TANH_SWITCH ? tanhLarge(x) : tanhSmall(x);
    }

    /** {@link #tanh}'s branch for |x| &lt; 1 (Lambert's convergent); arithmetic only, so loops vectorise. */
    static double tanhSmall(double x) {
        double s = x * x;
        double num = ((((s + 2145) * s + 675675) * s + 64324260) * s + 1964187225) * s + 13749310575.0;
        double den = ((((66 * s + 45045) * s + 7567560) * s + 413513100) * s + 6547290750.0) * s + 13749310575.0;
        return x * (num / den);
    }

    /** {@link #tanh}'s branch for |x| ≥ 1. */
    static double tanhLarge(double x) {
        return Math.copySign(1 - 2 / (Math.exp(2 * Math.abs(x)) + 1), x);
    }

    /** The first output index o ≥ 0 whose input index o·stride − pad + kk is ≥ 0 (clamped to [0, outLen]). */
    static int firstInside(int pad, int kk, int stride, int outLen) {
        int need = pad - kk;
        return need <= 0 ? 0 : Math.min(outLen, (need + stride - 1) / stride);
    }

    /**
     * One past the last output index o whose input index o·stride − pad + kk is &lt; len (clamped to
     * [first, outLen]).
     */
    static int endInside(int len, int pad, int kk, int stride, int outLen, int first) {
        int last = len - 1 + pad - kk;
        return last < 0 ? first : Math.max(first, Math.min(outLen, last / stride + 1));
    }

    static final long ONE_BITS = Double.doubleToRawLongBits(1.0);
    private static final long INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

    /**
     * All ones when z &gt; 0, else 0 (also for ±0 and NaN), without a branch: with b the IEEE bits of z, z &gt; 0
     * exactly when 1 ≤ b ≤ bits(+∞) as signed integers, i.e. t = b − 1 has sign bit 0 and t − bits(+∞) has sign
     * bit 1 (neither subtraction overflows on that range). ReLU on random-sign inputs mispredicts a branch about
     * half the time, which made {@code z > 0 ? z : 0} several times slower than this.
     */
    static long positiveMask(double z) {
        long t = Double.doubleToRawLongBits(z) - 1;
        return (~t & (t - INFINITY_BITS)) >> 63;
    }

    /**
     * All ones when v &gt; m, else 0, without a branch: positiveMask(v − m). For finite v, m the difference is 0
     * only when v = m (gradual underflow) and otherwise has the sign of v − m, also when it overflows to ±∞; a
     * NaN operand, or ∞ − ∞ (v = m = ±∞), gives NaN, whose mask is 0, as v &gt; m is false there.
     */
    static long greaterMask(double v, double m) {
        return positiveMask(v - m);
    }

    static final double INV_SQRT2 = 0.7071067811865476;
    static final double INV_SQRT_2PI = 0.3989422804014327;
}
