package org.alignscope.nn;

import java.util.List;
import org.alignscope.linalg.random.RandomStream;

/**
 * 2-D convolution (cross-correlation, PyTorch {@code nn.Conv2d(C, O, k, stride, padding)}) with weight
 * O × C × k × k followed by bias O in the flat vector. Output size ⌊(H + 2p − k)/s⌋ + 1.
 *
 * <p>Implemented as im2row + GEMM: a chunk of samples is unfolded into X̂ (rows = sample·pixel, columns =
 * C·k·k), then Ŷ = X̂ Wᵀ (rows = sample·pixel, columns = O) is reshuffled to NCHW. Backward: Ĝ from gy,
 * g<sub>W</sub> += Ĝᵀ X̂, g<sub>b</sub> += colsum Ĝ, gx = row2im(Ĝ W). The R-passes use that the layer is
 * bilinear in (x, W): R{y} = conv(x, V) + conv(R{x}, W) + v<sub>b</sub>, R{g<sub>W</sub>} = R{Ĝ}ᵀ X̂ + Ĝᵀ R{X̂},
 * R{gx} = row2im(R{Ĝ} W + Ĝ V). Samples are processed in chunks so that the unfolded matrix stays below
 * about {@value #CHUNK_ELEMENTS} elements; workspaces are reused across calls. A forward pass with second-order
 * state keeps X̂ of the whole batch when it has at most {@value #CACHE_ELEMENTS} elements, so that every later
 * R-forward and R-backward pass (one per Hessian-vector product of a linearised operator) multiplies by the cached
 * X̂ instead of unfolding x again.
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
    private A rows;
    private A rows2;
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
        rows = ops.ensure(rows, c * pixels * cout);
        rows2 = ops.ensure(rows2, c * pixels * cout);
        return c;
    }

    private void unfold(A x, int s0, int cs) {
        ops.im2row(x, s0 * in.size(), cs, cin, in.height(), in.width(), k, stride, pad, out.height(), out.width(),
                col);
    }

    private void fold(A gx, int s0, int cs) {
        ops.row2imAdd(col, cs, cin, in.height(), in.width(), k, stride, pad, out.height(), out.width(), gx,
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
            unfold(x, s0, cs);
            ops.gemm(false, true, cs * pixels, cout, ckk, 1, col, 0, ckk, p, offset, ckk, 0, rows, 0, cout);
            ops.rowsToChannels(rows, cs, pixels, cout, y, s0 * out.size(), p, bias());
            if (xcolsValid) {
                ops.copy(col, 0, xcols, s0 * pixels * ckk, cs * pixels * ckk);
            }
        }
    }

    /** X̂ of samples [s0, s0 + cs) of x: the cached rows when valid, else freshly unfolded into {@code col}. */
    private A unfoldedInput(A x, int s0, int cs) {
        if (xcolsValid) {
            return xcols;
        }
        unfold(x, s0, cs);
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
            ops.channelsToRows(gy, s0 * out.size(), cs, pixels, cout, rows);
            if (gp != null) {
                A xc = unfoldedInput(x, s0, cs);
                ops.gemm(true, false, cout, ckk, m, 1, rows, 0, cout, xc, unfoldedOffset(s0), ckk, 1, gp, offset,
                        ckk);
                ops.addColumnSums(rows, m, cout, gp, bias());
            }
            if (gx != null) {
                ops.gemm(false, false, m, ckk, cout, 1, rows, 0, cout, p, offset, ckk, 0, col, 0, ckk);
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
            ops.gemm(false, true, m, cout, ckk, 1, xc, unfoldedOffset(s0), ckk, v, offset, ckk, 0, rows, 0, cout);
            if (rx != null) {
                unfold(rx, s0, cs);
                ops.gemm(false, true, m, cout, ckk, 1, col, 0, ckk, p, offset, ckk, 1, rows, 0, cout);
            }
            ops.rowsToChannels(rows, cs, pixels, cout, ry, s0 * out.size(), v, bias());
        }
    }

    @Override
    void rBackward(A p, A v, int n, A x, A rx, A gy, A rgy, A rgx, A hv) {
        int c = chunk(n);
        if (rgx != null) {
            ops.fill(rgx, 0, n * in.size(), 0);
        }
        for (int s0 = 0; s0 < n; s0 += c) {
            int cs = Math.min(c, n - s0);
            int m = cs * pixels;
            ops.channelsToRows(rgy, s0 * out.size(), cs, pixels, cout, rows);
            A xc = unfoldedInput(x, s0, cs);
            ops.gemm(true, false, cout, ckk, m, 1, rows, 0, cout, xc, unfoldedOffset(s0), ckk, 1, hv, offset, ckk);
            ops.addColumnSums(rows, m, cout, hv, bias());
            boolean needG = rx != null || rgx != null;
            if (needG) {
                ops.channelsToRows(gy, s0 * out.size(), cs, pixels, cout, rows2);
            }
            if (rx != null) {
                unfold(rx, s0, cs);
                ops.gemm(true, false, cout, ckk, m, 1, rows2, 0, cout, col, 0, ckk, 1, hv, offset, ckk);
            }
            if (rgx != null) {
                ops.gemm(false, false, m, ckk, cout, 1, rows, 0, cout, p, offset, ckk, 0, col, 0, ckk);
                ops.gemm(false, false, m, ckk, cout, 1, rows2, 0, cout, v, offset, ckk, 1, col, 0, ckk);
                fold(rgx, s0, cs);
            }
        }
    }
}
