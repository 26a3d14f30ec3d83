package org.alignscope.nn;

import java.util.List;

/**
 * Runs the passes of a sequential network over one batch: forward, backward (gradient), and the
 * forward-over-reverse R-passes (Hessian-vector products) and Gauss–Newton products. Holds one set of
 * activation buffers per layer boundary, reused across calls while the batch size does not grow:
 * {@code act[i]} is the input of layer i, {@code g[i]} its first-order backward signal ∂L/∂act[i],
 * {@code r[i]} = R{act[i]} and {@code rg[i]} = R{g[i]}. For f64 {@code act[0]} is the batch's own array.
 *
 * <p>Not thread-safe; one engine per thread / operator.
 */
final class Engine<A> {
    private final Ops<A> ops;
    private final List<Layer<A>> layers;
    private final Loss loss;
    private final int depth;
    private final int inSize;
    private final int outSize;
    private final int paramCount;
    private final Object[] act;
    private final Object[] g;
    private final Object[] r;
    private final Object[] rg;
    private A inScratch;
    private double[] z = new double[0];
    private double[] dz = new double[0];
    private double[] aux = new double[0];
    private double[] rz = new double[0];
    private double[] hrz = new double[0];
    /** Whether the last layer's output is feature-major (outSize × n), as z and the loss's arrays are not. */
    private final boolean outputFeatureMajor;
    private double[] swap = new double[0];
    private int n;
    private boolean linearised;
    /** While set, clock[pass][layer] accumulates the nanoseconds of each layer pass (FORWARD … R_BACKWARD). */
    private long[][] clock;

    /** The pass indices of {@link #setClock}. */
    static final int FORWARD = 0;
    static final int BACKWARD = 1;
    static final int R_FORWARD = 2;
    static final int R_BACKWARD = 3;

    /** "index kind in->out" of each layer, e.g. {@code 0 dense 784->128}, {@code 1 tanh 128->128}. */
    List<String> layerNames() {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < depth; i++) {
            Layer<A> l = layers.get(i);
            String kind = l instanceof ActivationLayer<A> a ? a.f.token()
                    : l.getClass().getSimpleName().replace("Layer", "").toLowerCase(java.util.Locale.ROOT);
            names.add(i + " " + kind + " " + l.in + "->" + l.out);
        }
        return names;
    }

    Engine(Ops<A> ops, List<Layer<A>> layers, Loss loss, int paramCount) {
        this.ops = ops;
        this.layers = layers;
        this.loss = loss;
        this.depth = layers.size();
        this.inSize = layers.get(0).in.size();
        this.outSize = layers.get(depth - 1).out.size();
        this.paramCount = paramCount;
        this.act = new Object[depth + 1];
        this.g = new Object[depth + 1];
        this.r = new Object[depth + 1];
        this.rg = new Object[depth + 1];
        this.outputFeatureMajor = layers.get(depth - 1).featureMajorOut;
    }

    /** Times every layer pass into {@code c[pass][layer]} (added), or stops timing when null. */
    void setClock(long[][] c) {
        clock = c;
    }

    private long tick() {
        return clock == null ? 0 : System.nanoTime();
    }

    private void tock(int pass, int layer, long t0) {
        if (clock != null) {
            clock[pass][layer] += System.nanoTime() - t0;
        }
    }

    @SuppressWarnings("unchecked")
    private A at(Object[] bufs, int i) {
        return (A) bufs[i];
    }

    private void load(Batch b) {
        if (b.features() != inSize) {
            throw new IllegalArgumentException("batch has " + b.features() + " features per sample, the model expects "
                    + inSize);
        }
        n = b.n();
        for (int i = 1; i <= depth; i++) {
            int len = n * layers.get(i - 1).out.size();
            act[i] = ops.ensure(at(act, i), len);
            g[i] = ops.ensure(at(g, i), len);
            r[i] = ops.ensure(at(r, i), len);
            rg[i] = ops.ensure(at(rg, i), len);
        }
        int k = n * outSize;
        if (z.length < k) {
            z = new double[k];
            dz = new double[k];
            aux = new double[k];
            rz = new double[k];
            hrz = new double[k];
            swap = new double[k];
        }
        inScratch = ops.scratch(inScratch, b.x().length);
        act[0] = ops.importVector(b.x(), inScratch);
    }

    private void forward(A p, Batch b, boolean second) {
        linearised = false;
        load(b);
        for (int i = 0; i < depth; i++) {
            long t0 = tick();
            layers.get(i).forward(p, n, at(act, i), at(act, i + 1), second);
            tock(FORWARD, i, t0);
        }
        exportOutput(at(act, depth), z);
    }

    /** dst (n × k, sample-major, as the loss takes it) = an output-sized buffer of the last layer. */
    private void exportOutput(A src, double[] dst) {
        int k = n * outSize;
        if (!outputFeatureMajor) {
            ops.toDouble(src, 0, dst, k);
            return;
        }
        ops.toDouble(src, 0, swap, k);
        for (int j = 0; j < outSize; j++) {
            for (int s = 0; s < n; s++) {
                dst[s * outSize + j] = swap[j * n + s];
            }
        }
    }

    /** The inverse of {@link #exportOutput}: an output-sized buffer of the last layer = src (n × k). */
    private void importOutput(double[] src, A dst) {
        int k = n * outSize;
        if (!outputFeatureMajor) {
            ops.fromDouble(src, dst, 0, k);
            return;
        }
        for (int j = 0; j < outSize; j++) {
            for (int s = 0; s < n; s++) {
                swap[j * n + s] = src[s * outSize + j];
            }
        }
        ops.fromDouble(swap, dst, 0, k);
    }

    /** Writes the outputs (n × k) into out. */
    void outputs(A p, Batch b, double[] out) {
        forward(p, b, false);
        System.arraycopy(z, 0, out, 0, n * outSize);
    }

    /** The mean loss. */
    double loss(A p, Batch b) {
        forward(p, b, false);
        return loss.value(z, b.labels(), n, outSize);
    }

    /** The mean loss; {@code out} (length ≥ P) receives its gradient. */
    double gradient(A p, Batch b, A out) {
        forward(p, b, false);
        double value = loss.valueAndGradient(z, b.labels(), n, outSize, dz, aux);
        importOutput(dz, at(g, depth));
        ops.fill(out, 0, paramCount, 0);
        for (int i = depth - 1; i >= 0; i--) {
            layers.get(i).backward(p, n, at(act, i), at(g, i + 1), i > 0 ? at(g, i) : null, out);
        }
        return value;
    }

    /**
     * Forward with second-order state, loss derivatives, and the backward signals g[1..L] (no parameter
     * gradient): everything {@link #hessianTimes} and {@link #gaussNewtonTimes} need at this point. Returns L.
     */
    double linearise(A p, Batch b) {
        forward(p, b, true);
        double value = loss.valueAndGradient(z, b.labels(), n, outSize, dz, aux);
        importOutput(dz, at(g, depth));
        for (int i = depth - 1; i >= 1; i--) {
            long t0 = tick();
            layers.get(i).backward(p, n, at(act, i), at(g, i + 1), at(g, i), null);
            tock(BACKWARD, i, t0);
        }
        linearised = true;
        return value;
    }

    private void rForward(A p, A v) {
        if (!linearised) {
            throw new IllegalStateException("linearise(...) first");
        }
        for (int i = 0; i < depth; i++) {
            long t0 = tick();
            layers.get(i).rForward(p, v, n, at(act, i), i == 0 ? null : at(r, i), at(r, i + 1));
            tock(R_FORWARD, i, t0);
        }
        exportOutput(at(r, depth), rz);
        loss.hessianTimes(aux, n, outSize, rz, hrz);
        importOutput(hrz, at(rg, depth));
    }

    /** out = H v at the point of the last {@link #linearise}. */
    void hessianTimes(A p, A v, A out) {
        rForward(p, v);
        ops.fill(out, 0, paramCount, 0);
        for (int i = depth - 1; i >= 0; i--) {
            long t0 = tick();
            layers.get(i).rBackward(p, v, n, at(act, i), i == 0 ? null : at(r, i), at(g, i + 1), at(rg, i + 1),
                    i > 0 ? at(rg, i) : null, out);
            tock(R_BACKWARD, i, t0);
        }
    }

    /** out = Jᵀ H_z J v (generalised Gauss–Newton) at the point of the last {@link #linearise}. */
    void gaussNewtonTimes(A p, A v, A out) {
        rForward(p, v);
        ops.fill(out, 0, paramCount, 0);
        for (int i = depth - 1; i >= 0; i--) {
            layers.get(i).backward(p, n, at(act, i), at(rg, i + 1), i > 0 ? at(rg, i) : null, out);
        }
    }
}
