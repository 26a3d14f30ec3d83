package org.alignscope.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alignscope.curvature.HessianSettings;
import org.alignscope.curvature.LanczosCost;
import org.alignscope.curvature.ReferenceData;
import org.alignscope.data.DataException;
import org.alignscope.data.Dataset;
import org.alignscope.data.FashionMnist;
import org.alignscope.data.Preprocessing;
import org.alignscope.nn.HvpBenchmark;
import org.alignscope.nn.Loss;
import org.alignscope.nn.Model;
import org.alignscope.nn.Models;
import org.alignscope.nn.Precision;
import org.alignscope.quadlab.QuadBenchmark;
import org.alignscope.settings.Bound;
import org.alignscope.settings.Range;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Setting;
import org.alignscope.settings.Types;
import org.alignscope.settings.Values;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** {@code alignscope bench}: benchmarks that report ratios against a baseline measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (ratios against a baseline in the same run).",
        subcommands = {BenchCommand.Quad.class, BenchCommand.Hvp.class, BenchCommand.LanczosCostCommand.class,
                BenchMonitorCommand.class})
final class BenchCommand implements java.util.concurrent.Callable<Integer> {
    /** The settings every benchmark of a network shares; each such subcommand's schema adds its own. */
    static final Schema NETWORK = Schema.commandLine("bench", "The settings of the network benchmarks.",
            HessianSettings.THREADS);

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return CommandGroup.missingSubcommand(spec);
    }

    @Command(name = "quad", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Nanoseconds per coordinate-step of the eigen-coordinate simulator, 1 and 2 threads, against "
                    + "the same update loop driven by java.util.Random.nextGaussian().",
            modelTransformer = SchemaOptions.class)
    static final class Quad implements Runnable, SchemaCommand {
        static final Setting<Integer> D = Setting.of("d", Types.integerFrom(2), 500, "Dimension per run.");
        static final Setting<Integer> RUNS = Setting.of("runs", Types.integerFrom(1), 8,
                "Independent runs per measurement.");
        static final Setting<Integer> STEPS = Setting.of("steps", Types.integerFrom(1), 20000, "Steps per run.")
                .in("steps");
        static final Setting<Integer> REPEATS = Setting.of("repeats", Types.integerFrom(1), 5,
                "Timed repetitions; the median is reported.");
        static final Schema SCHEMA = Schema.commandLine("bench quad", "Nanoseconds per coordinate-step of the"
                + " eigen-coordinate simulator.", D, RUNS, STEPS, REPEATS);

        @picocli.CommandLine.Spec
        CommandSpec spec;

        @Override
        public Schema schema() {
            return SCHEMA;
        }

        @Override
        public void run() {
            Values v = SchemaOptions.values(spec);
            int d = v.get(D);
            int runs = v.get(RUNS);
            int steps = v.get(STEPS);
            QuadBenchmark.Report r = QuadBenchmark.measure(d, runs, steps, v.get(REPEATS));
            System.out.println(String.format(Locale.ROOT, "work: %d runs x %d steps x d=%d = %.3g coordinate-steps per measurement",
                    runs, steps, d, (double) runs * steps * d));
            System.out.println(String.format(Locale.ROOT, "baseline_jdk_random_ns_per_coord_step %.2f", r.baselineNs()));
            System.out.println(String.format(Locale.ROOT, "ns_per_coord_step_1_thread %.2f", r.oneThreadNs()));
            System.out.println(String.format(Locale.ROOT, "ns_per_coord_step_2_threads %.2f", r.twoThreadNs()));
            System.out.println(String.format(Locale.ROOT, "speedup_over_baseline %.2f", r.baselineNs() / r.oneThreadNs()));
            System.out.println(String.format(Locale.ROOT, "scaling_2_threads %.2f", r.oneThreadNs() / r.twoThreadNs()));
        }
    }
    /** The MLP of the HVP benchmark, also {@code --model mlp}. */
    static final String MLP = "mlp:784-128-128-10:tanh";
    /** The small CNN of the HVP benchmark (two 3x3 convs with 16 and 32 channels, 2x2 max-pooling, dense to 10), also {@code --model cnn}. */
    static final String CNN = "cnn:1x28x28:c16k3p1-relu-max2-c32k3p1-relu-max2-d10";

    @Command(name = "hvp", mixinStandardHelpOptions = true, sortOptions = false, modelTransformer = SchemaOptions.class,
            description = {"Median time of a gradient and of an exact Hessian-vector product (R-operator), each call "
                    + "including its forward pass, on one batch of pixel-like inputs; prints the BLAS backend and "
                    + "grad_ms, hvp_ms, hvp_over_grad, then hessian_operator_apply_ms (one product of the cached "
                    + "operator, the cost of a Lanczos step).",
                "--model mlp = " + MLP + "; --model cnn = " + CNN + " (PyTorch: Conv2d(1,16,3,padding=1), ReLU, "
                    + "MaxPool2d(2), Conv2d(16,32,3,padding=1), ReLU, MaxPool2d(2), Flatten, Linear(1568,10))."})
    static final class Hvp implements Runnable, SchemaCommand {
        static final Setting<String> MODEL = Setting.of("model", Types.text("a model spec, mlp or cnn"), MLP,
                "Model spec, or mlp / cnn.");
        static final Setting<Integer> BATCH = Setting.of("batch", Types.integerFrom(1), 1000, "Samples per call.")
                .in("samples");
        static final Setting<Loss> LOSS = Setting.of("loss", Types.oneOf(Loss::label, Loss.CROSS_ENTROPY, Loss.MSE),
                Loss.CROSS_ENTROPY, "The loss.");
        static final Setting<Precision> PRECISION = Setting.of("precision",
                Types.oneOf(Precision::label, Precision.F64, Precision.F32), Precision.F64,
                "Floating-point precision of the network's passes.");
        static final Setting<Integer> REPS = Setting.of("reps", Types.integerFrom(20), 21,
                "Timed calls of each kind; medians are reported.");
        static final Setting<Double> WARMUP_S = Setting.of("warmup_s", Types.nonNegative(), 3.0,
                "Warm-up seconds before timing.").in("seconds");
        static final Setting<Boolean> PER_LAYER = Setting.of("per_layer", Types.flag(), false, "Then also time every"
                + " layer's forward, backward, R-forward and R-backward pass inside the HVP (whole batch on one"
                + " engine, medians of --reps HVPs): one per_layer line per layer, then per_layer_total_ms.");
        static final Setting<Boolean> SERVE = Setting.of("serve", Types.flag(), false, "Instead of the medians: after"
                + " the warm-up print the blas line and 'ready', then for each line N on standard input run 2 untimed"
                + " and N timed HVPs and print 'hvp_ms' with the N times in ms; stop at the end of the input."
                + " nn/bench/paired.py uses it to alternate with PyTorch in short blocks.");
        static final Schema SCHEMA = NETWORK.with("bench hvp", "Median time of a gradient and of an exact"
                + " Hessian-vector product.", MODEL, BATCH, LOSS, PRECISION, REPS, WARMUP_S, PER_LAYER, SERVE);

        @picocli.CommandLine.Spec
        CommandSpec spec;

        @Override
        public Schema schema() {
            return SCHEMA;
        }

        @Override
        public void run() {
            Values v = SchemaOptions.values(spec);
            String model = v.get(MODEL);
            String spec = model.equals("mlp") ? MLP : model.equals("cnn") ? CNN : model;
            int batch = v.get(BATCH);
            Loss l = v.get(LOSS);
            Precision p = v.get(PRECISION);
            int reps = v.get(REPS);
            double warmup = v.get(WARMUP_S);
            int threads = v.get(HessianSettings.THREADS);
            MODEL.reading(() -> Models.create(spec, l, p));
            boolean perLayer = v.get(PER_LAYER);
            if (v.get(SERVE)) {
                if (perLayer) {
                    throw v.invalid(SERVE, "cannot be combined with " + PER_LAYER.option());
                }
                System.out.println("blas " + HvpBenchmark.backend());
                try {
                    HvpBenchmark.serve(spec, batch, l, p, warmup, threads,
                            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out);
                } catch (IOException e) {
                    throw new UncheckedIOException("--serve: reading standard input failed", e);
                }
                return;
            }
            HvpBenchmark.Result r = HvpBenchmark.measure(spec, batch, l, p, reps, warmup, threads);
            System.out.println("blas " + r.backend());
            System.out.println(String.format(Locale.ROOT, "model %s%nbatch %d%nloss %s%nprecision %s%nparameters %d%n"
                    + "threads %d%nreps %d", r.spec(), r.batch(), r.loss().label(), r.precision().label(),
                    r.parameters(), r.threads(), r.reps()));
            System.out.println(String.format(Locale.ROOT, "grad_ms %.3f", r.gradMs()));
            System.out.println(String.format(Locale.ROOT, "hvp_ms %.3f", r.hvpMs()));
            System.out.println(String.format(Locale.ROOT, "hvp_over_grad %.3f", r.hvpOverGrad()));
            System.out.println(String.format(Locale.ROOT, "hessian_operator_apply_ms %.3f", r.operatorMs()));
            System.out.println(String.format(Locale.ROOT, "operator_over_grad %.3f", r.operatorMs() / r.gradMs()));
            if (perLayer) {
                printLayerTimes(PER_LAYER.reading(() -> HvpBenchmark.measureLayers(spec, batch, l, p, reps, warmup)));
            }
        }

        /** per_layer &lt;layer&gt; forward_ms … r_backward_ms …, then the sum of all passes. */
        private static void printLayerTimes(HvpBenchmark.LayerTimes t) {
            double total = 0;
            for (int i = 0; i < t.layers().size(); i++) {
                StringBuilder line = new StringBuilder("per_layer " + t.layers().get(i));
                for (int pass = 0; pass < HvpBenchmark.LayerTimes.PASSES.size(); pass++) {
                    double ms = t.medianMs()[pass][i];
                    total += ms;
                    line.append(String.format(Locale.ROOT, " %s_ms %.3f", HvpBenchmark.LayerTimes.PASSES.get(pass), ms));
                }
                System.out.println(line);
            }
            System.out.println(String.format(Locale.ROOT, "per_layer_total_ms %.3f", total));
        }
    }
    @Command(name = "lanczos", mixinStandardHelpOptions = true, sortOptions = false,
            modelTransformer = SchemaOptions.class,
            description = {"Lanczos cost on a trained network: trains by plain SGD on the class-balanced "
                    + "Fashion-MNIST subset, then at each measured state counts the HVPs for the top-k eigenpairs of "
                    + "the whole-set Hessian to residual <= tol*|lambda_1|: cold before and after one more SGD step, "
                    + "and after it warm-started from the previous eigenvectors (subspace, summed-vector and block-Davidson starts).",
                "Prints one line per state and min/median/max over all states."})
    static final class LanczosCostCommand implements Runnable, SchemaCommand {
        static final Setting<String> MODEL = Setting.of("model", Types.text("a model spec"),
                "mlp:784-200-200-10:tanh", "Model spec.");
        static final Setting<Loss> LOSS = Setting.of("loss", Types.oneOf(Loss::label, Loss.CROSS_ENTROPY, Loss.MSE),
                Loss.MSE, "The loss.");
        static final Setting<Integer> N = Setting.of("n", Types.integerFrom(10), 5000,
                "Reference (and training) samples, a multiple of 10.").in("samples");
        static final Setting<Double> LR = Setting.of("lr", Types.positive(), 0.01, "SGD step size.");
        static final Setting<Integer> BATCH_SIZE = Setting.of("batch_size",
                Types.integer(new Range(Bound.including(1), Bound.of("n", v -> v.get(N)))), 50,
                "SGD mini-batch size.").in("samples");
        static final Setting<Integer> STEPS = Setting.of("steps", Types.integerFrom(0), 3000,
                "SGD steps before the first measured state.").in("steps");
        static final Setting<Integer> STATES = Setting.of("states", Types.integerFrom(1), 2,
                "Measured states per seed.");
        static final Setting<Integer> EVERY = Setting.of("every", Types.integerFrom(1), 500,
                "SGD steps between measured states.").in("steps");
        static final Setting<List<Long>> SEEDS = Setting.of("seeds", Types.longList(), List.of(1L, 2L, 3L),
                "Seeds of the model and the data order.");
        static final Schema SCHEMA = NETWORK.with("bench lanczos", "Lanczos cost on a trained network.", MODEL,
                LOSS, N, LR, BATCH_SIZE, STEPS, STATES, EVERY, SEEDS, HessianSettings.K, HessianSettings.TOL,
                ReferenceData.DATA_PATH);

        @picocli.CommandLine.Spec
        CommandSpec spec;

        @Override
        public Schema schema() {
            return SCHEMA;
        }

        @Override
        public void run() {
            Values v = SchemaOptions.values(spec);
            String model = v.get(MODEL);
            Loss l = v.get(LOSS);
            int n = v.get(N);
            int k = v.get(HessianSettings.K);
            if (n % 10 != 0) {
                throw v.invalid(N, "must be a positive multiple of 10 (got " + n + ")");
            }
            Model m = MODEL.reading(() -> Models.create(model, l, Precision.F64));
            if (m.inputSize() != 784 || m.outputSize() != 10) {
                throw v.invalid(MODEL, "Fashion-MNIST needs 784 inputs and 10 outputs, the model has "
                        + m.inputSize() + " and " + m.outputSize());
            }
            if (k > m.parameterCount()) {
                throw v.invalid(HessianSettings.K, "must be at most the number of parameters " + m.parameterCount());
            }
            int outputs = m.outputSize();
            Dataset data;
            try {
                Dataset pixels = FashionMnist.loadBalanced(v.get(ReferenceData.DATA_PATH), FashionMnist.Split.TRAIN,
                        n);
                data = Preprocessing.subtract(pixels, Preprocessing.featureMean(pixels));
            } catch (DataException e) {
                throw v.invalid(ReferenceData.DATA_PATH, e.getMessage());
            }
            double lr = v.get(LR);
            int batchSize = v.get(BATCH_SIZE);
            double tol = v.get(HessianSettings.TOL);
            int threads = v.get(HessianSettings.THREADS);
            LanczosCost.Settings s = new LanczosCost.Settings(model, l, lr, batchSize, v.get(STEPS), v.get(STATES),
                    v.get(EVERY), k, tol, threads);
            System.out.println("blas " + HvpBenchmark.backend());
            System.out.println(String.format(Locale.ROOT, "model %s loss %s n %d classes %d lr %s batch %d k %d tol %.1e "
                    + "threads %d", model, l.label(), n, outputs, lr, batchSize, k, tol, threads));
            System.out.println("seed,step,loss,lambda1,cold_before,cold,warm_subspace,warm_sum,warm_davidson,"
                    + "all_converged,largest_angle,s_per_hvp");
            List<LanczosCost.State> all = new ArrayList<>();
            for (long seed : v.get(SEEDS)) {
                all.addAll(LanczosCost.run(s, data, seed, st -> System.out.println(String.format(Locale.ROOT,
                        "%d,%d,%.6g,%.6g,%d,%d,%d,%d,%d,%b,%.3e,%.4f", st.seed(), st.step(), st.loss(), st.lambda1(),
                        st.coldBefore(), st.cold(), st.subspace(), st.sum(), st.davidson(), st.converged(),
                        st.largestAngle(), st.secondsPerHvp()))));
            }
            summary("cold", all.stream().mapToDouble(st -> st.cold()).toArray());
            summary("cold_before", all.stream().mapToDouble(st -> st.coldBefore()).toArray());
            summary("warm_subspace", all.stream().mapToDouble(st -> st.subspace()).toArray());
            summary("warm_sum", all.stream().mapToDouble(st -> st.sum()).toArray());
            summary("warm_davidson", all.stream().mapToDouble(st -> st.davidson()).toArray());
            double[] sp = LanczosCost.spread(all.stream().mapToDouble(LanczosCost.State::secondsPerHvp).toArray());
            System.out.println(String.format(Locale.ROOT, "s_per_hvp min/median/max %.4f / %.4f / %.4f", sp[0], sp[1],
                    sp[2]));
        }

        private static void summary(String name, double[] v) {
            double[] sp = LanczosCost.spread(v);
            System.out.println(String.format(Locale.ROOT, "hvps_%s min/median/max %.0f / %.1f / %.0f", name, sp[0],
                    sp[1], sp[2]));
        }
    }
}
