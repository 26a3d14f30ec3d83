package org.alignscope.nn;

import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * {@link #hvp} on one engine over the whole batch (no split), adding the nanoseconds of every layer's forward,
     * backward (first-order signals), R-forward and R-backward pass to {@code clock[pass][layer]}
     * ({@link Engine#FORWARD} … {@link Engine#R_BACKWARD}); for {@link HvpBenchmark#measureLayers}.
     */
    void hvpTimed(Batch b, double[] v, double[] out, long[][] clock) {
        checkLength(v, "v");
        checkLength(out, "out");
        evaluator.hvpTimed(b, v, out, clock);
    }

    /** "index kind in->out" of each layer, in order (e.g. {@code 0 dense 784->128}). */
    List<String> layerNames() {
        return evaluator.layerNames();
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

    /**
     * Evaluates every later call in {@code threads} parts: a batch of n samples is split into min(threads, n)
     * contiguous parts (sizes differing by at most one), each part runs on its own {@link Engine} in its own
     * thread, and the results are combined as the exact identity for a mean loss, L = Σ_t (n_t/n) L_t (the same
     * for its gradient and Hessian). The sum is in part order, so results depend on {@code threads} only through
     * rounding (about 1e-15 relative) and never on scheduling. With native OpenBLAS, run with
     * {@code OPENBLAS_NUM_THREADS=1} so that the parts do not compete for cores with BLAS's own threads.
     */
    @Override
    public void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        evaluator.threads = threads;
    }

    /** The number of parts set by {@link #setThreads} (1 by default). */
    public int threads() {
        return evaluator.threads;
    }

    /** The precision-specific half: converts at the double[] boundary and drives one {@link Engine} per part. */
    private final class Evaluator<A> {
        private final Ops<A> ops;
        private final List<Engine<A>> engines = new ArrayList<>();
        private final List<A> partOut = new ArrayList<>();
        private final List<double[]> partResult = new ArrayList<>();
        private int threads = 1;
        private A pScratch;
        private A vScratch;
        private A outScratch;
        private Batch splitOf;
        private Batch[] parts;

        Evaluator(Ops<A> ops) {
            this.ops = ops;
            this.outScratch = ops.scratch(null, params.length);
        }

        private A params() {
            pScratch = ops.scratch(pScratch, params.length);
            return ops.importVector(params, pScratch);
        }

        private Engine<A> engine(int t) {
            while (engines.size() <= t) {
                engines.add(new Engine<>(ops, spec.build(ops), loss, params.length));
            }
            return engines.get(t);
        }

        /** The parts of b (b itself when one part); the split of the last batch is reused. */
        private Batch[] split(Batch b) {
            int count = Math.min(threads, b.n());
            if (b != splitOf || parts.length != count) {
                parts = Network.split(b, count);
                splitOf = b;
            }
            return parts;
        }

        /** Part t's parameter-sized result buffer (an A, and the double[] it is exported to). */
        private A partOut(int t) {
            while (partResult.size() <= t) {
                double[] d = new double[params.length];
                partResult.add(d);
                partOut.add(ops.outputVector(d, ops.scratch(null, params.length)));
            }
            return partOut.get(t);
        }

        /** Part t's result as doubles (for the combination); run by the part itself. */
        private void exportPart(int t) {
            ops.exportVector(partOut.get(t), partResult.get(t), params.length);
        }

        /** out = Σ_t (n_t/n) · (part t's result, exported), in part order. */
        private void combine(Batch[] ps, double[] out) {
            ChunkWeights.sum(partResult, ChunkWeights.of(sizes(ps)), out);
        }

        void outputs(Batch b, double[] out) {
            A p = params();
            Batch[] ps = split(b);
            if (ps.length == 1) {
                engine(0).outputs(p, b, out);
                return;
            }
            int k = outputSize();
            int[] start = starts(ps);
            prepare(ps.length);
            Parallel.run(ps.length, t -> {
                double[] o = new double[ps[t].n() * k];
                engines.get(t).outputs(p, ps[t], o);
                System.arraycopy(o, 0, out, start[t] * k, o.length);
            });
        }

        double loss(Batch b) {
            A p = params();
            Batch[] ps = split(b);
            if (ps.length == 1) {
                return engine(0).loss(p, b);
            }
            double[] values = new double[ps.length];
            prepare(ps.length);
            Parallel.run(ps.length, t -> values[t] = engines.get(t).loss(p, ps[t]));
            return ChunkWeights.mean(values, sizes(ps));
        }

        double gradient(Batch b, double[] out) {
            A p = params();
            Batch[] ps = split(b);
            if (ps.length == 1) {
                A o = ops.outputVector(out, outScratch);
                double value = engine(0).gradient(p, b, o);
                ops.exportVector(o, out, params.length);
                return value;
            }
            double[] values = new double[ps.length];
            prepare(ps.length);
            Parallel.run(ps.length, t -> {
                values[t] = engines.get(t).gradient(p, ps[t], partOut.get(t));
                exportPart(t);
            });
            combine(ps, out);
            return ChunkWeights.mean(values, sizes(ps));
        }

        void hvp(Batch b, double[] v, double[] out) {
            A p = params();
            vScratch = ops.scratch(vScratch, params.length);
            A va = ops.importVector(v, vScratch);
            Batch[] ps = split(b);
            if (ps.length == 1) {
                hvpOnOneEngine(p, b, va, out);
                return;
            }
            prepare(ps.length);
            Parallel.run(ps.length, t -> {
                Engine<A> e = engines.get(t);
                e.linearise(p, ps[t]);
                e.hessianTimes(p, va, partOut.get(t));
                exportPart(t);
            });
            combine(ps, out);
        }

        private void hvpOnOneEngine(A p, Batch b, A va, double[] out) {
            Engine<A> e = engine(0);
            e.linearise(p, b);
            A o = ops.outputVector(out, outScratch);
            e.hessianTimes(p, va, o);
            ops.exportVector(o, out, params.length);
        }

        /** {@link #hvp} on one engine, whole batch, adding each layer pass's nanoseconds to clock[pass][layer]. */
        void hvpTimed(Batch b, double[] v, double[] out, long[][] clock) {
            vScratch = ops.scratch(vScratch, params.length);
            Engine<A> e = engine(0);
            e.setClock(clock);
            try {
                hvpOnOneEngine(params(), b, ops.importVector(v, vScratch), out);
            } finally {
                e.setClock(null);
            }
        }

        List<String> layerNames() {
            return engine(0).layerNames();
        }

        /** Creates the engines and result buffers of the first {@code count} parts (on this thread). */
        private void prepare(int count) {
            engine(count - 1);
            partOut(count - 1);
        }

        SymmetricOperator operator(Batch b, boolean gaussNewton) {
            A p = ops.importVector(params.clone(), ops.scratch(null, params.length));
            Batch[] ps = Network.split(b, Math.min(threads, b.n()));
            List<Engine<A>> es = new ArrayList<>();
            for (int t = 0; t < ps.length; t++) {
                es.add(new Engine<>(ops, spec.build(ops), loss, params.length));
            }
            Parallel.run(ps.length, t -> es.get(t).linearise(p, ps[t]));
            return MeanCurvature.concurrent(params.length, sizes(ps),
                    new EngineProducts<>(ops, es, p, params.length, gaussNewton));
        }
    }

    private static int[] sizes(Batch[] ps) {
        return ChunkWeights.sizes(List.of(ps));
    }

    private static int[] starts(Batch[] ps) {
        int[] start = new int[ps.length];
        for (int t = 1; t < ps.length; t++) {
            start[t] = start[t - 1] + ps[t - 1].n();
        }
        return start;
    }

    /** b in {@code count} contiguous parts whose sizes differ by at most one (b itself when count is 1). */
    static Batch[] split(Batch b, int count) {
        if (count == 1) {
            return new Batch[] {b};
        }
        int f = b.features();
        Batch[] ps = new Batch[count];
        int from = 0;
        for (int t = 0; t < count; t++) {
            int size = b.n() / count + (t < b.n() % count ? 1 : 0);
            ps[t] = new Batch(Arrays.copyOfRange(b.x(), from * f, (from + size) * f),
                    Arrays.copyOfRange(b.labels(), from, from + size), size);
            from += size;
        }
        return ps;
    }

    /**
     * The products of H or G at a frozen point, one part of the batch per linearised engine: each is one R-forward
     * and one (R-)backward pass, in the part's own buffers (so that the parts can run concurrently).
     */
    private static final class EngineProducts<A> implements MeanCurvature.ChunkProduct {
        private final Ops<A> ops;
        private final List<Engine<A>> engines;
        private final A p;
        private final int dim;
        private final boolean gaussNewton;
        private final List<A> vScratch = new ArrayList<>();
        private final List<A> outScratch = new ArrayList<>();

        EngineProducts(Ops<A> ops, List<Engine<A>> engines, A p, int dim, boolean gaussNewton) {
            this.ops = ops;
            this.engines = engines;
            this.p = p;
            this.dim = dim;
            this.gaussNewton = gaussNewton;
            for (int t = 0; t < engines.size(); t++) {
                vScratch.add(ops.scratch(null, dim));
                outScratch.add(ops.scratch(null, dim));
            }
        }

        @Override
        public void apply(int t, double[] v, double[] out) {
            A va = ops.importVector(v, vScratch.get(t));
            A o = ops.outputVector(out, outScratch.get(t));
            if (gaussNewton) {
                engines.get(t).gaussNewtonTimes(p, va, o);
            } else {
                engines.get(t).hessianTimes(p, va, o);
            }
            ops.exportVector(o, out, dim);
        }
    }
}
