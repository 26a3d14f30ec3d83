package org.alignscope.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.random.RandomStream;

/**
 * A sequential network built from a {@link ModelSpec} (dense, conv2d, pooling, flatten, activations) with a
 * {@link Loss}, in float64 or float32. The gradient is one forward and one backward pass; the Hessian-vector
 * product is exact, by Pearlmutter's R-operator (forward-over-reverse), written per layer; see {@link Layer}.
 */
public final class Network implements Model {
    private final ModelSpec spec;
    private final Loss loss;
    private final Precision precision;
    private final double[] params;
    private final List<TensorInfo> tensors;
    private final Evaluator<?> evaluator;

    private Network(ModelSpec spec, Loss loss, Precision precision) {
        this.spec = spec;
        this.loss = loss;
        this.precision = precision;
        this.params = new double[spec.parameterCount()];
        this.evaluator = precision == Precision.F64 ? new Evaluator<>(Ops64.INSTANCE) : new Evaluator<>(Ops32.INSTANCE);
        List<TensorInfo> t = new ArrayList<>();
        for (Layer<?> l : spec.build(Ops64.INSTANCE)) {
            t.addAll(l.tensors());
        }
        this.tensors = Collections.unmodifiableList(t);
    }

    /** A network with all parameters zero. */
    public static Network create(ModelSpec spec, Loss loss, Precision precision) {
        if (spec.kind() == ModelSpec.Kind.LLS && loss != Loss.MSE) {
            throw new IllegalArgumentException("an lls model uses the MSE loss, got " + loss.label());
        }
        return new Network(spec, loss, precision);
    }

    /** A network initialised by {@link #initialise(RandomStream, double)}. */
    public static Network create(String spec, Loss loss, Precision precision, RandomStream init, double scale) {
        Network net = create(ModelSpec.parse(spec), loss, precision);
        net.initialise(init, scale);
        return net;
    }

    /** The parsed spec. */
    public ModelSpec modelSpec() {
        return spec;
    }

    @Override
    public String spec() {
        return spec.text();
    }

    @Override
    public Precision precision() {
        return precision;
    }

    @Override
    public Loss lossFunction() {
        return loss;
    }

    @Override
    public int inputSize() {
        return spec.input().size();
    }

    @Override
    public int outputSize() {
        return spec.output().size();
    }

    @Override
    public int parameterCount() {
        return params.length;
    }

    @Override
    public double[] parameters() {
        return params;
    }

    @Override
    public List<TensorInfo> tensors() {
        return tensors;
    }

    @Override
    public void initialise(RandomStream r, double scale) {
        for (Layer<?> l : spec.build(Ops64.INSTANCE)) {
            l.initialise(r, scale, params);
        }
    }

    @Override
    public double[] outputs(Batch b) {
        double[] out = new double[b.n() * outputSize()];
        evaluator.outputs(b, out);
        return out;
    }

    @Override
    public double loss(Batch b) {
        return evaluator.loss(b);
    }

    @Override
    public double gradient(Batch b, double[] out) {
        checkLength(out, "out");
        return evaluator.gradient(b, out);
    }

    @Override
    public void hvp(Batch b, double[] v, double[] out) {
        checkLength(v, "v");
        checkLength(out, "out");
        evaluator.hvp(b, v, out);
    }

    @Override
    public SymmetricOperator hessian(Batch b) {
        return evaluator.operator(b, false);
    }

    @Override
    public SymmetricOperator gaussNewton(Batch b) {
        return evaluator.operator(b, true);
    }

    private void checkLength(double[] a, String name) {
        if (a.length != params.length) {
            throw new IllegalArgumentException(name + ".length = " + a.length + " but the model has " + params.length
                    + " parameters");
        }
    }

    /** The precision-specific half: converts at the double[] boundary and drives an {@link Engine}. */
    private final class Evaluator<A> {
        private final Ops<A> ops;
        private final Engine<A> engine;
        private A pScratch;
        private A vScratch;
        private A outScratch;

        Evaluator(Ops<A> ops) {
            this.ops = ops;
            this.engine = new Engine<>(ops, spec.build(ops), loss, params.length);
            this.outScratch = ops.scratch(null, params.length);
        }

        private A params() {
            pScratch = ops.scratch(pScratch, params.length);
            return ops.importVector(params, pScratch);
        }

        void outputs(Batch b, double[] out) {
            engine.outputs(params(), b, out);
        }

        double loss(Batch b) {
            return engine.loss(params(), b);
        }

        double gradient(Batch b, double[] out) {
            A o = ops.outputVector(out, outScratch);
            double value = engine.gradient(params(), b, o);
            ops.exportVector(o, out, params.length);
            return value;
        }

        void hvp(Batch b, double[] v, double[] out) {
            A p = params();
            engine.linearise(p, b);
            vScratch = ops.scratch(vScratch, params.length);
            A va = ops.importVector(v, vScratch);
            A o = ops.outputVector(out, outScratch);
            engine.hessianTimes(p, va, o);
            ops.exportVector(o, out, params.length);
        }

        SymmetricOperator operator(Batch b, boolean gaussNewton) {
            A p = ops.importVector(params.clone(), ops.scratch(null, params.length));
            Engine<A> e = new Engine<>(ops, spec.build(ops), loss, params.length);
            e.linearise(p, b);
            return new CurvatureOperator<>(ops, e, p, params.length, gaussNewton);
        }
    }

    /** H or G at a frozen point; each apply is one R-forward and one (R-)backward pass. */
    private static final class CurvatureOperator<A> implements SymmetricOperator {
        private final Ops<A> ops;
        private final Engine<A> engine;
        private final A p;
        private final int dim;
        private final boolean gaussNewton;
        private final A vScratch;
        private final A outScratch;

        CurvatureOperator(Ops<A> ops, Engine<A> engine, A p, int dim, boolean gaussNewton) {
            this.ops = ops;
            this.engine = engine;
            this.p = p;
            this.dim = dim;
            this.gaussNewton = gaussNewton;
            this.vScratch = ops.scratch(null, dim);
            this.outScratch = ops.scratch(null, dim);
        }

        @Override
        public int dimension() {
            return dim;
        }

        @Override
        public void apply(double[] v, double[] out) {
            if (v.length != dim || out.length != dim) {
                throw new IllegalArgumentException("expected vectors of length " + dim);
            }
            A va = ops.importVector(v, vScratch);
            A o = ops.outputVector(out, outScratch);
            if (gaussNewton) {
                engine.gaussNewtonTimes(p, va, o);
            } else {
                engine.hessianTimes(p, va, o);
            }
            ops.exportVector(o, out, dim);
        }
    }
}
