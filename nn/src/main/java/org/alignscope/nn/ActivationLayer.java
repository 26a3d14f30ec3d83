package org.alignscope.nn;

/**
 * Elementwise y = f(x). Backward is gx = f' ⊙ gy, R-forward is Ry = f' ⊙ Rx and R-backward is
 * R{gx} = f' ⊙ R{gy} + f'' ⊙ gy ⊙ Rx. The forward pass stores f'(x) and, for second order, f''(x) — except for
 * tanh, whose derivatives f' = 1 − y², f'' = −2 y (1 − y²) are functions of its output y, which the next layer
 * keeps anyway: tanh stores nothing, and the later passes recompute them in loops the JIT vectorises (what the
 * forward pass saves in memory traffic outweighs that; docs/results/hvp-performance.md, "Kernel choices"). For a
 * piecewise-linear f (ReLU) f'' ≡ 0 is known, so f'' is neither stored nor read and R-backward is f' ⊙ R{gy}.
 */
final class ActivationLayer<A> extends Layer<A> {
    final Activation f;
    private final boolean tanh;
    private A d1;
    private A d2;
    /** tanh's output of the last forward pass (the engine's buffer, unchanged until the next forward pass). */
    private A y;

    ActivationLayer(Ops<A> ops, Shape in, Activation f, int index) {
        super(ops, in, in, index);
        this.f = f;
        this.tanh = f == Activation.TANH;
    }

    @Override
    void forward(A p, int n, A x, A y, boolean second) {
        int len = n * in.size();
        if (tanh) {
            ops.tanh(x, y, len);
            this.y = y;
            return;
        }
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
            slopeTimes(gy, gx, n * in.size());
        }
    }

    @Override
    void rForward(A p, A v, int n, A x, A rx, A ry) {
        int len = n * in.size();
        if (rx == null) {
            ops.fill(ry, 0, len, 0);
        } else {
            slopeTimes(rx, ry, len);
        }
    }

    @Override
    void rBackward(A p, A v, int n, A x, A rx, A gy, A rgy, A rgx, A hv) {
        if (rgx == null) {
            return;
        }
        int len = n * in.size();
        if (rx == null || f.piecewiseLinear()) {
            slopeTimes(rgy, rgx, len);
        } else if (tanh) {
            ops.tanhRBackward(y, rgy, gy, rx, rgx, len);
        } else {
            ops.mulAddMul3(d1, rgy, d2, gy, rx, rgx, len);
        }
    }

    /** out = f' ⊙ g. */
    private void slopeTimes(A g, A out, int len) {
        if (tanh) {
            ops.mulTanhSlope(y, g, out, len);
        } else {
            ops.mul(d1, g, out, len);
        }
    }
}
