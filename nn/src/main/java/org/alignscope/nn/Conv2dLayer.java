package org.alignscope.nn;

import java.util.List;
import org.alignscope.linalg.random.RandomStream;

/**
 * 2-D convolution (cross-correlation, PyTorch {@code nn.Conv2d(C, O, k, stride, padding)}) with weight
 * O × C × k × k followed by bias O in the flat vector. Output size ⌊(H + 2p − k)/s⌋ + 1.
 *
 * <p>Implemented as im2col + GEMM: a chunk of S samples is unfolded into X̂ (rows = C·k·k, columns = sample·pixel,
 * see {@link Ops#im2col}), then Ŷ = W X̂ (O × S·P) is copied to NCHW one contiguous run of P pixels per (sample,
 * channel). Backward: Ĝ (O × S·P) from gy, g<sub>W</sub> += Ĝ X̂ᵀ, g<sub>b</sub> += rowsum Ĝ,
 * gx = col2im(Wᵀ Ĝ). The R-passes use that the layer is bilinear in (x, W): R{y} = conv(x, V) + conv(R{x}, W) +
 * v<sub>b</sub>, R{g<sub>W</sub>} = R{Ĝ} X̂ᵀ + Ĝ R{X̂}ᵀ, R{gx} = col2im(Wᵀ R{Ĝ} + Vᵀ Ĝ),
 * the sum formed as one GEMM [W; V]ᵀ [R{Ĝ}; Ĝ] with inner dimension 2O. Samples are processed in
 * chunks so that the unfolded matrix stays below about {@value #CHUNK_ELEMENTS} elements; workspaces are reused
 * across calls. A forward pass with second-order state unfolds the whole batch straight into a cache when it has
 * at most {@value #CACHE_ELEMENTS} elements (chunk by chunk, each chunk's X̂ at offset s0·P·C·k·k), so that every
 * later R-forward and R-backward pass (one per Hessian-vector product of a linearised operator) multiplies by the
 * cached X̂ instead of unfolding x again.
 */
final class Conv2dLayer<A> extends Layer<A> {
    static final int CHUNK_ELEMENTS = 1 << 21;
    static final int CACHE_ELEMENTS = 1 << 24;

    private final int cin;
    private final int cout;
    private final int k;
    private final int stride;
    private final int pad;
    private final int ckk;
    private final int pixels;
    private A col;
    /** O × S·P output-side blocks; R-backward stacks R{Ĝ} and Ĝ here as one 2O × S·P matrix. */
    private A blocks;
    /** [W; V] (2O × C·k·k), so that R-backward forms Wᵀ R{Ĝ} + Vᵀ Ĝ = [W; V]ᵀ [R{Ĝ}; Ĝ] in one GEMM. */
    private A stackedWeights;
    /** X̂ of the whole batch from the last forward pass with second-order state, or not valid. */
    private A xcols;
    private boolean xcolsValid;
    private final int cacheElements;

    Conv2dLayer(Ops<A> ops, Shape in, int outChannels, int k, int stride, int pad, Shape out, int index) {
        this(ops, in, outChannels, k, stride, pad, out, index, CACHE_ELEMENTS);
    }

    /** As above, caching X̂ only for batches of at most {@code cacheElements} unfolded elements (0: never). */
    Conv2dLayer(Ops<A> ops, Shape in, int outChannels, int k, int stride, int pad, Shape out, int index,
                int cacheElements) {
        super(ops, in, out, index);
        this.cacheElements = cacheElements;
        this.cin = in.channels();
        this.cout = outChannels;
        this.k = k;
        this.stride = stride;
        this.pad = pad;
        this.ckk = cin * k * k;
        this.pixels = out.height() * out.width();
    }

    @Override
    int parameterCount() {
        return cout * ckk + cout;
    }

    @Override
    List<TensorInfo> tensors() {
        return List.of(new TensorInfo(index + ".weight", new int[] {cout, cin, k, k}, offset),
                new TensorInfo(index + ".bias", new int[] {cout}, offset + cout * ckk));
    }

    @Override
    void initialise(RandomStream r, double scale, double[] p) {
        double bound = scale / Math.sqrt(ckk);
        for (int i = 0; i < parameterCount(); i++) {
            p[offset + i] = uniform(r, bound);
        }
    }

    private int bias() {
        return offset + cout * ckk;
    }

    private int chunk(int n) {
        int c = Math.max(1, Math.min(n, CHUNK_ELEMENTS / Math.max(1, pixels * ckk)));
        col = ops.ensure(col, c * pixels * ckk);
        blocks = ops.ensure(blocks, 2 * c * pixels * cout);
        return c;
    }

    private void unfold(A x, int s0, int cs, A dst, int dstOff) {
        ops.im2col(x, s0 * in.size(), cs, cin, in.height(), in.width(), k, stride, pad, out.height(), out.width(),
                dst, dstOff);
    }

    private void fold(A gx, int s0, int cs) {
        ops.col2imAdd(col, 0, cs, cin, in.height(), in.width(), k, stride, pad, out.height(), out.width(), gx,
                s0 * in.size());
    }

    @Override
    void forward(A p, int n, A x, A y, boolean second) {
        int c = chunk(n);
        long total = (long) n * pixels * ckk;
        xcolsValid = second && total <= cacheElements;
        if (xcolsValid) {
            xcols = ops.ensure(xcols, (int) total);
        }
        for (int s0 = 0; s0 < n; s0 += c) {
            int cs = Math.min(c, n - s0);
            int m = cs * pixels;
            A xc = xcolsValid ? xcols : col;
            int xOff = unfoldedOffset(s0);
            unfold(x, s0, cs, xc, xOff);
            ops.gemm(false, false, cout, m, ckk, 1, p, offset, ckk, xc, xOff, m, 0, blocks, 0, m);
            ops.blocksToChannels(blocks, cs, pixels, cout, y, s0 * out.size(), p, bias());
        }
    }

    /** X̂ of samples [s0, s0 + cs) of x: the cached block when valid, else freshly unfolded into {@code col}. */
    private A unfoldedInput(A x, int s0, int cs) {
        if (xcolsValid) {
            return xcols;
        }
        unfold(x, s0, cs, col, 0);
        return col;
    }

    private int unfoldedOffset(int s0) {
        return xcolsValid ? s0 * pixels * ckk : 0;
    }

    @Override
    void backward(A p, int n, A x, A gy, A gx, A gp) {
        int c = chunk(n);
        if (gx != null) {
            ops.fill(gx, 0, n * in.size(), 0);
        }
        for (int s0 = 0; s0 < n; s0 += c) {
            int cs = Math.min(c, n - s0);
            int m = cs * pixels;
            ops.channelsToBlocks(gy, s0 * out.size(), cs, pixels, cout, blocks, 0);
            if (gp != null) {
                A xc = unfoldedInput(x, s0, cs);
                ops.gemm(false, true, cout, ckk, m, 1, blocks, 0, m, xc, unfoldedOffset(s0), m, 1, gp, offset, ckk);
                ops.addRowSums(blocks, cout, m, gp, bias());
            }
            if (gx != null) {
                ops.gemm(true, false, ckk, m, cout, 1, p, offset, ckk, blocks, 0, m, 0, col, 0, m);
                fold(gx, s0, cs);
            }
        }
    }

    @Override
    void rForward(A p, A v, int n, A x, A rx, A ry) {
        int c = chunk(n);
        for (int s0 = 0; s0 < n; s0 += c) {
            int cs = Math.min(c, n - s0);
            int m = cs * pixels;
            A xc = unfoldedInput(x, s0, cs);
            ops.gemm(false, false, cout, m, ckk, 1, v, offset, ckk, xc, unfoldedOffset(s0), m, 0, blocks, 0, m);
            if (rx != null) {
                unfold(rx, s0, cs, col, 0);
                ops.gemm(false, false, cout, m, ckk, 1, p, offset, ckk, col, 0, m, 1, blocks, 0, m);
            }
            ops.blocksToChannels(blocks, cs, pixels, cout, ry, s0 * out.size(), v, bias());
        }
    }

    @Override
    void rBackward(A p, A v, int n, A x, A rx, A gy, A rgy, A rgx, A hv) {
        int c = chunk(n);
        if (rgx != null) {
            ops.fill(rgx, 0, n * in.size(), 0);
            stackedWeights = ops.ensure(stackedWeights, 2 * cout * ckk);
            ops.copy(p, offset, stackedWeights, 0, cout * ckk);
            ops.copy(v, offset, stackedWeights, cout * ckk, cout * ckk);
        }
        for (int s0 = 0; s0 < n; s0 += c) {
            int cs = Math.min(c, n - s0);
            int m = cs * pixels;
            int gOff = cout * m;
            ops.channelsToBlocks(rgy, s0 * out.size(), cs, pixels, cout, blocks, 0);
            A xc = unfoldedInput(x, s0, cs);
            ops.gemm(false, true, cout, ckk, m, 1, blocks, 0, m, xc, unfoldedOffset(s0), m, 1, hv, offset, ckk);
            ops.addRowSums(blocks, cout, m, hv, bias());
            if (rx != null || rgx != null) {
                ops.channelsToBlocks(gy, s0 * out.size(), cs, pixels, cout, blocks, gOff);
            }
            if (rx != null) {
                unfold(rx, s0, cs, col, 0);
                ops.gemm(false, true, cout, ckk, m, 1, blocks, gOff, m, col, 0, m, 1, hv, offset, ckk);
            }
            if (rgx != null) {
                ops.gemm(true, false, ckk, m, 2 * cout, 1, stackedWeights, 0, ckk, blocks, 0, m, 0, col, 0, m);
                fold(rgx, s0, cs);
            }
        }
    }
}
