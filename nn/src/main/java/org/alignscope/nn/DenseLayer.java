package org.alignscope.nn;

import java.util.List;
import org.alignscope.linalg.random.RandomStream;

/**
 * Fully connected layer y = x Wᵀ + b with W of shape out × in (PyTorch {@code nn.Linear}); W is followed by b
 * in the flat vector. Every product is one GEMM over the whole batch.
 */
final class DenseLayer<A> extends Layer<A> {
    private final int fin;
    private final int fout;

    DenseLayer(Ops<A> ops, Shape in, int outFeatures, int index) {
        super(ops, in, Shape.vector(outFeatures), index);
        this.fin = in.size();
        this.fout = outFeatures;
    }

    @Override
    int parameterCount() {
        return fout * fin + fout;
    }

    @Override
    List<TensorInfo> tensors() {
        return List.of(new TensorInfo(index + ".weight", new int[] {fout, fin}, offset),
                new TensorInfo(index + ".bias", new int[] {fout}, offset + fout * fin));
    }

    @Override
    void initialise(RandomStream r, double scale, double[] p) {
        double bound = scale / Math.sqrt(fin);
        for (int i = 0; i < parameterCount(); i++) {
            p[offset + i] = uniform(r, bound);
        }
    }

    private int bias() {
        return offset + fout * fin;
    }

    @Override
    void forward(A p, int n, A x, A y, boolean second) {
        ops.gemm(false, true, n, fout, fin, 1, x, 0, fin, p, offset, fin, 0, y, 0, fout);
        ops.addRowVector(y, n, fout, p, bias());
    }

    @Override
    void backward(A p, int n, A x, A gy, A gx, A gp) {
        if (gp != null) {
            ops.gemm(true, false, fout, fin, n, 1, gy, 0, fout, x, 0, fin, 1, gp, offset, fin);
            ops.addColumnSums(gy, n, fout, gp, bias());
        }
        if (gx != null) {
            ops.gemm(false, false, n, fin, fout, 1, gy, 0, fout, p, offset, fin, 0, gx, 0, fin);
        }
    }

    @Override
    void rForward(A p, A v, int n, A x, A rx, A ry) {
        // R{y} = x Vᵀ + R{x} Wᵀ + v_b
        ops.gemm(false, true, n, fout, fin, 1, x, 0, fin, v, offset, fin, 0, ry, 0, fout);
        if (rx != null) {
            ops.gemm(false, true, n, fout, fin, 1, rx, 0, fin, p, offset, fin, 1, ry, 0, fout);
        }
        ops.addRowVector(ry, n, fout, v, bias());
    }

    @Override
    void rBackward(A p, A v, int n, A x, A rx, A gy, A rgy, A rgx, A hv) {
        // R{gW} = R{gy}ᵀ x + gyᵀ R{x};  R{gb} = colsum R{gy};  R{gx} = R{gy} W + gy V
        ops.gemm(true, false, fout, fin, n, 1, rgy, 0, fout, x, 0, fin, 1, hv, offset, fin);
        if (rx != null) {
            ops.gemm(true, false, fout, fin, n, 1, gy, 0, fout, rx, 0, fin, 1, hv, offset, fin);
        }
        ops.addColumnSums(rgy, n, fout, hv, bias());
        if (rgx != null) {
            ops.gemm(false, false, n, fin, fout, 1, rgy, 0, fout, p, offset, fin, 0, rgx, 0, fin);
            ops.gemm(false, false, n, fin, fout, 1, gy, 0, fout, v, offset, fin, 1, rgx, 0, fin);
        }
    }
}
