package org.alignscope.nn;

/** Reshapes C × H × W to a flat vector of C·H·W (C order, as {@code torch.flatten(x, 1)}): a copy. */
final class FlattenLayer<A> extends Layer<A> {
    FlattenLayer(Ops<A> ops, Shape in, int index) {
        super(ops, in, Shape.vector(in.size()), index);
    }

    @Override
    void forward(A p, int n, A x, A y, boolean second) {
        ops.copy(x, 0, y, 0, n * in.size());
    }

    @Override
    void backward(A p, int n, A x, A gy, A gx, A gp) {
        if (gx != null) {
            ops.copy(gy, 0, gx, 0, n * in.size());
        }
    }

    @Override
    void rForward(A p, A v, int n, A x, A rx, A ry) {
        if (rx == null) {
            ops.fill(ry, 0, n * in.size(), 0);
        } else {
            ops.copy(rx, 0, ry, 0, n * in.size());
        }
    }

    @Override
    void rBackward(A p, A v, int n, A x, A rx, A gy, A rgy, A rgx, A hv) {
        if (rgx != null) {
            ops.copy(rgy, 0, rgx, 0, n * in.size());
        }
    }
}
