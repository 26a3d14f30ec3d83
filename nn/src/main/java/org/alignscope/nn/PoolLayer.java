package org.alignscope.nn;

/**
 * Max or average pooling over k × k windows with stride s and no padding; output size ⌊(H − k)/s⌋ + 1
 * (PyTorch {@code MaxPool2d(k, s)} / {@code AvgPool2d(k, s)}). Both are linear in x once the max pool's
 * argmax is fixed, so R-forward applies the same map to R{x}, and backward / R-backward apply its adjoint
 * (for max: scatter to the argmax; ties go to the first maximum in row-major window order).
 */
final class PoolLayer<A> extends Layer<A> {
    final boolean max;
    final int k;
    final int stride;
    private int[] argmax;

    PoolLayer(Ops<A> ops, Shape in, boolean max, int k, int stride, Shape out, int index) {
        super(ops, in, out, index);
        this.max = max;
        this.k = k;
        this.stride = stride;
    }

    private void apply(int n, A x, A y) {
        if (max) {
            ops.gather(x, argmax, y, n * out.size());
        } else {
            ops.avgPool(x, n, in.channels(), in.height(), in.width(), k, stride, out.height(), out.width(), y);
        }
    }

    private void adjoint(int n, A g, A gx) {
        ops.fill(gx, 0, n * in.size(), 0);
        if (max) {
            ops.scatterAdd(g, argmax, gx, n * out.size());
        } else {
            ops.avgPoolAdjointAdd(g, n, in.channels(), in.height(), in.width(), k, stride, out.height(),
                    out.width(), gx);
        }
    }

    @Override
    void forward(A p, int n, A x, A y, boolean second) {
        if (max) {
            int len = n * out.size();
            if (argmax == null || argmax.length < len) {
                argmax = new int[len];
            }
            ops.maxPool(x, n, in.channels(), in.height(), in.width(), k, stride, out.height(), out.width(), y,
                    argmax);
        } else {
            apply(n, x, y);
        }
    }

    @Override
    void backward(A p, int n, A x, A gy, A gx, A gp) {
        if (gx != null) {
            adjoint(n, gy, gx);
        }
    }

    @Override
    void rForward(A p, A v, int n, A x, A rx, A ry) {
        if (rx == null) {
            ops.fill(ry, 0, n * out.size(), 0);
        } else {
            apply(n, rx, ry);
        }
    }

    @Override
    void rBackward(A p, A v, int n, A x, A rx, A gy, A rgy, A rgx, A hv) {
        if (rgx != null) {
            adjoint(n, rgy, rgx);
        }
    }
}
