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
    /**
     * Whether the products x Wᵀ of the forward and R-forward passes are computed as W xᵀ (out × batch) and then
     * transposed while the bias is added, which replaces the separate bias pass. OpenBLAS's dgemm (0.3.21, SkylakeX
     * kernels) is faster that way round when the layer narrows by 2× or more and slower on square layers: with the
     * transpose, 0.89–0.92 of the time for 784→128, 0.80 for 128→10, 0.94 for 1568→10, but 1.06–1.08 for 128→128
     * and 200→200. Its sgemm is slower that way round on every shape (1.07–1.39), so float32 keeps x Wᵀ
     * (docs/benchmarks-hvp.md, Measurement 8).
     */
    private final boolean outputMajor;
    /** The out × batch product when {@link #outputMajor}. */
    private A product;

    DenseLayer(Ops<A> ops, Shape in, int outFeatures, int index) {
        super(ops, in, Shape.vector(outFeatures), index);
        this.fin = in.size();
        this.fout = outFeatures;
        this.outputMajor = ops.precision() == Precision.F64 && fin >= 2 * fout;
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
        affine(p, x, null, null, n, y);
    }

    /** y = x Wᵀ (+ x2 W2ᵀ when x2 is not null) + b, with W and b from {@code w}, W2 from {@code w2}. */
    private void affine(A w, A x, A w2, A x2, int n, A y) {
        if (outputMajor) {
            product = ops.ensure(product, fout * n);
            ops.gemm(false, true, fout, n, fin, 1, w, offset, fin, x, 0, fin, 0, product, 0, n);
            if (x2 != null) {
                ops.gemm(false, true, fout, n, fin, 1, w2, offset, fin, x2, 0, fin, 1, product, 0, n);
            }
            ops.transposeAddRowVector(product, n, fout, w, bias(), y);
        } else {
            ops.gemm(false, true, n, fout, fin, 1, x, 0, fin, w, offset, fin, 0, y, 0, fout);
            if (x2 != null) {
                ops.gemm(false, true, n, fout, fin, 1, x2, 0, fin, w2, offset, fin, 1, y, 0, fout);
            }
            ops.addRowVector(y, n, fout, w, bias());
        }
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
        affine(v, x, p, rx, n, ry);
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
