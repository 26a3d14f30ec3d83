package org.alignscope.nn;

import java.util.List;
import org.alignscope.linalg.random.RandomStream;

/**
 * Fully connected layer y = x Wᵀ + b with W of shape out × in (PyTorch {@code nn.Linear}); W is followed by b
 * in the flat vector. Every product is one GEMM over the whole batch.
 *
 * <p>Its input and output may each be stored sample-major (n × features) or feature-major (features × n, see
 * {@link Layer#featureMajorIn}); each product passes the stored matrices to the GEMM transposed or not, so no
 * layout is ever converted. With a feature-major output the forward product is Yᵀ = W Xᵀ (out × n), which
 * OpenBLAS 0.3.21's SkylakeX dgemm runs faster than X Wᵀ on every dense shape of the benchmark MLP on the AMD host
 * of docs/results/hvp-performance.md ("Kernel choices").
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
        product(p, x, n, 0, y);
        addBias(p, n, y);
    }

    @Override
    void backward(A p, int n, A x, A gy, A gx, A gp) {
        if (gp != null) {
            addWeightProduct(gy, x, n, gp);
            addBiasSums(gy, n, gp);
        }
        if (gx != null) {
            inputProduct(gy, p, n, 0, gx);
        }
    }

    @Override
    void rForward(A p, A v, int n, A x, A rx, A ry) {
        // R{y} = x Vᵀ + R{x} Wᵀ + v_b
        product(v, x, n, 0, ry);
        if (rx != null) {
            product(p, rx, n, 1, ry);
        }
        addBias(v, n, ry);
    }

    @Override
    void rBackward(A p, A v, int n, A x, A rx, A gy, A rgy, A rgx, A hv) {
        // R{gW} = R{gy}ᵀ x + gyᵀ R{x};  R{gb} = colsum R{gy};  R{gx} = R{gy} W + gy V
        addWeightProduct(rgy, x, n, hv);
        if (rx != null) {
            addWeightProduct(gy, rx, n, hv);
        }
        addBiasSums(rgy, n, hv);
        if (rgx != null) {
            inputProduct(rgy, p, n, 0, rgx);
            inputProduct(gy, v, n, 1, rgx);
        }
    }

    /** y = x Wᵀ + beta·y, W from {@code w} at this layer's offset; x in the input layout, y in the output layout. */
    private void product(A w, A x, int n, double beta, A y) {
        if (featureMajorOut) {
            ops.gemm(false, !featureMajorIn, fout, n, fin, 1, w, offset, fin, x, 0, inLd(n), beta, y, 0, n);
        } else {
            ops.gemm(featureMajorIn, true, n, fout, fin, 1, x, 0, inLd(n), w, offset, fin, beta, y, 0, fout);
        }
    }

    /** gx = gy W + beta·gx, W from {@code w}; gy in the output layout, gx in the input layout. */
    private void inputProduct(A gy, A w, int n, double beta, A gx) {
        if (featureMajorIn) {
            ops.gemm(true, !featureMajorOut, fin, n, fout, 1, w, offset, fin, gy, 0, outLd(n), beta, gx, 0, n);
        } else {
            ops.gemm(featureMajorOut, false, n, fin, fout, 1, gy, 0, outLd(n), w, offset, fin, beta, gx, 0, fin);
        }
    }

    /** The weight block of {@code out} += gyᵀ x (fout × fin). */
    private void addWeightProduct(A gy, A x, int n, A out) {
        ops.gemm(!featureMajorOut, featureMajorIn, fout, fin, n, 1, gy, 0, outLd(n), x, 0, inLd(n), 1, out, offset,
                fin);
    }

    /** y += b (to every sample), b from {@code w} after this layer's weights. */
    private void addBias(A w, int n, A y) {
        if (featureMajorOut) {
            ops.addColumnVector(y, fout, n, w, bias());
        } else {
            ops.addRowVector(y, n, fout, w, bias());
        }
    }

    /** The bias block of {@code out} += Σ over samples of gy. */
    private void addBiasSums(A gy, int n, A out) {
        if (featureMajorOut) {
            ops.addRowSums(gy, fout, n, out, bias());
        } else {
            ops.addColumnSums(gy, n, fout, out, bias());
        }
    }

    /** The leading dimension of an input-sized buffer. */
    private int inLd(int n) {
        return featureMajorIn ? n : fin;
    }

    /** The leading dimension of an output-sized buffer. */
    private int outLd(int n) {
        return featureMajorOut ? n : fout;
    }
}
