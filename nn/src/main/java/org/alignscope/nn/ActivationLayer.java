package org.alignscope.nn;

/**
 * Elementwise y = f(x). The forward pass stores f'(x) and, for second order, f''(x), so that
 * backward is gx = f' ⊙ gy, R-forward is Ry = f' ⊙ Rx and R-backward is
 * R{gx} = f' ⊙ R{gy} + f'' ⊙ gy ⊙ Rx. For a piecewise-linear f (ReLU) f'' ≡ 0 is known, so f'' is neither
 * stored nor read and R-backward is f' ⊙ R{gy}.
 */
final class ActivationLayer<A> extends Layer<A> {
    final Activation f;
    private A d1;
    private A d2;

    ActivationLayer(Ops<A> ops, Shape in, Activation f, int index) {
        super(ops, in, in, index);
        this.f = f;
    }

    @Override
    void forward(A p, int n, A x, A y, boolean second) {
        int len = n * in.size();
        d1 = ops.ensure(d1, len);
        boolean keepD2 = second && !f.piecewiseLinear();
        if (keepD2) {
            d2 = ops.ensure(d2, len);
        }
        ops.activation(f, x, y, d1, keepD2 ? d2 : null, len);
    }

    @Override
    void backward(A p, int n, A x, A gy, A gx, A gp) {
        if (gx != null) {
            ops.mul(d1, gy, gx, n * in.size());
        }
    }

    @Override
    void rForward(A p, A v, int n, A x, A rx, A ry) {
        int len = n * in.size();
        if (rx == null) {
            ops.fill(ry, 0, len, 0);
        } else {
            ops.mul(d1, rx, ry, len);
        }
    }

    @Override
    void rBackward(A p, A v, int n, A x, A rx, A gy, A rgy, A rgx, A hv) {
        if (rgx == null) {
            return;
        }
        int len = n * in.size();
        if (rx == null || f.piecewiseLinear()) {
            ops.mul(d1, rgy, rgx, len);
        } else {
            ops.mulAddMul3(d1, rgy, d2, gy, rx, rgx, len);
        }
    }
}
