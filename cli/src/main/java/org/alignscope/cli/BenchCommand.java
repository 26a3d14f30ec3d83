package org.alignscope.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alignscope.data.DataException;
import org.alignscope.data.Dataset;
import org.alignscope.data.FashionMnist;
import org.alignscope.data.Preprocessing;
import org.alignscope.lab.QuadBenchmark;
import org.alignscope.lab.curvature.LanczosCost;
import org.alignscope.nn.HvpBenchmark;
import org.alignscope.nn.Loss;
import org.alignscope.nn.Model;
import org.alignscope.nn.Models;
import org.alignscope.nn.Precision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alignscope bench}: benchmarks that report ratios against a baseline measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (ratios against a baseline in the same run).",
        subcommands = {BenchCommand.Quad.class, BenchCommand.Hvp.class, BenchCommand.LanczosCostCommand.class,
                BenchMonitorCommand.class})
final class BenchCommand implements java.util.concurrent.Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return CommandGroup.missingSubcommand(spec);
    }

    @Command(name = "quad", mixinStandardHelpOptions = true,
            description = "Nanoseconds per coordinate-step of the eigen-coordinate simulator, 1 and 2 threads, against "
                    + "the same update loop driven by java.util.Random.nextGaussian().")
    static final class Quad implements Runnable {
        @Option(names = "--d", defaultValue = "500", description = "Dimension per run (default: ${DEFAULT-VALUE}).")
        int d;

        @Option(names = "--runs", defaultValue = "8", description = "Independent runs per measurement (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--steps", defaultValue = "20000", description = "Steps per run (default: ${DEFAULT-VALUE}).")
        int steps;

        @Option(names = "--repeats", defaultValue = "5", description = "Timed repetitions; the median is reported (default: ${DEFAULT-VALUE}).")
        int repeats;

        @Override
        public void run() {
            if (d < 2 || runs < 1 || steps < 1 || repeats < 1) {
                throw new IllegalArgumentException("bench quad: --d >= 2, --runs >= 1, --steps >= 1, --repeats >= 1");
            }
            QuadBenchmark.Report r = QuadBenchmark.measure(d, runs, steps, repeats);
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

    @Command(name = "hvp", mixinStandardHelpOptions = true,
            description = {"Median time of a gradient and of an exact Hessian-vector product (R-operator), each call "
                    + "including its forward pass, on one batch of pixel-like inputs; prints the BLAS backend and "
                    + "grad_ms, hvp_ms, hvp_over_grad, then hessian_operator_apply_ms (one product of the cached "
                    + "operator, the cost of a Lanczos step).",
                "--model mlp = " + MLP + "; --model cnn = " + CNN + " (PyTorch: Conv2d(1,16,3,padding=1), ReLU, "
                    + "MaxPool2d(2), Conv2d(16,32,3,padding=1), ReLU, MaxPool2d(2), Flatten, Linear(1568,10))."})
    static final class Hvp implements Runnable {
        @Option(names = "--model", defaultValue = MLP, description = "Model spec, or mlp / cnn (default: ${DEFAULT-VALUE}).")
        String model;

        @Option(names = "--batch", defaultValue = "1000", description = "Samples per call (default: ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--loss", defaultValue = "ce", description = "ce or mse (default: ${DEFAULT-VALUE}).")
        String loss;

        @Option(names = "--precision", defaultValue = "f64", description = "f64 or f32 (default: ${DEFAULT-VALUE}).")
        String precision;

        @Option(names = "--reps", defaultValue = "21", description = "Timed calls of each kind, at least 20; medians are reported (default: ${DEFAULT-VALUE}).")
        int reps;

        @Option(names = "--warmup-s", defaultValue = "3", description = "Warm-up seconds before timing (default: ${DEFAULT-VALUE}).")
        double warmup;

        @Option(names = "--threads", defaultValue = "1", description = "Split each batch into this many parts "
                + "evaluated concurrently, one engine per thread (1 to 64; with OpenBLAS set OPENBLAS_NUM_THREADS=1 "
                + "when > 1) (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--per-layer", description = "Then also time every layer's forward, backward, R-forward and "
                + "R-backward pass inside the HVP (whole batch on one engine, medians of --reps HVPs): one per_layer "
                + "line per layer, then per_layer_total_ms.")
        boolean perLayer;

        @Option(names = "--serve", description = "Instead of the medians: after the warm-up print the blas line and "
                + "'ready', then for each line N on standard input run 2 untimed and N timed HVPs and print 'hvp_ms' "
                + "with the N times in ms; stop at the end of the input. nn/bench/paired.py uses it to alternate with "
                + "PyTorch in short blocks.")
        boolean serve;

        @Override
        public void run() {
            String spec = model.equals("mlp") ? MLP : model.equals("cnn") ? CNN : model;
            if (batch < 1) {
                throw new IllegalArgumentException("--batch: must be >= 1 (got " + batch + ")");
            }
            if (reps < 20) {
                throw new IllegalArgumentException("--reps: must be >= 20 (got " + reps + ")");
            }
            if (threads < 1 || threads > 64) {
                throw new IllegalArgumentException("--threads: must be in 1..64 (got " + threads + ")");
            }
            if (!(warmup >= 0)) {
                throw new IllegalArgumentException("--warmup-s: must be >= 0 (got " + warmup + ")");
            }
            Loss l;
            Precision p;
            try {
                l = Loss.parse(loss);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--loss: " + e.getMessage(), e);
            }
            try {
                p = Precision.parse(precision);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--precision: " + e.getMessage(), e);
            }
            try {
                Models.create(spec, l, p);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--model: " + e.getMessage(), e);
            }
            if (serve) {
                if (perLayer) {
                    throw new IllegalArgumentException("--serve: cannot be combined with --per-layer");
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
                try {
                    printLayerTimes(HvpBenchmark.measureLayers(spec, batch, l, p, reps, warmup));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--per-layer: " + e.getMessage(), e);
                }
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
    @Command(name = "lanczos", mixinStandardHelpOptions = true,
            description = {"Lanczos cost on a trained network: trains by plain SGD on the class-balanced "
                    + "Fashion-MNIST subset, then at each measured state counts the HVPs for the top-k eigenpairs of "
                    + "the whole-set Hessian to residual <= tol*|lambda_1|: cold before and after one more SGD step, "
                    + "and after it warm-started from the previous eigenvectors (subspace, summed-vector and block-Davidson starts).",
                "Prints one line per state and min/median/max over all states."})
    static final class LanczosCostCommand implements Runnable {
        @Option(names = "--model", defaultValue = "mlp:784-200-200-10:tanh", description = "Model spec (default: ${DEFAULT-VALUE}).")
        String model;

        @Option(names = "--loss", defaultValue = "mse", description = "ce or mse (default: ${DEFAULT-VALUE}).")
        String loss;

        @Option(names = "--n", defaultValue = "5000", description = "Reference (and training) samples, a multiple of 10 (default: ${DEFAULT-VALUE}).")
        int n;

        @Option(names = "--lr", defaultValue = "0.01", description = "SGD step size (default: ${DEFAULT-VALUE}).")
        double lr;

        @Option(names = "--batch-size", defaultValue = "50", description = "SGD mini-batch size (default: ${DEFAULT-VALUE}).")
        int batchSize;

        @Option(names = "--steps", defaultValue = "3000", description = "SGD steps before the first measured state (default: ${DEFAULT-VALUE}).")
        int steps;

        @Option(names = "--states", defaultValue = "2", description = "Measured states per seed (default: ${DEFAULT-VALUE}).")
        int states;

        @Option(names = "--every", defaultValue = "500", description = "SGD steps between measured states (default: ${DEFAULT-VALUE}).")
        int every;

        @Option(names = "--seeds", defaultValue = "1,2,3", split = ",", description = "Seeds of the model and the data order (default: ${DEFAULT-VALUE}).")
        long[] seeds;

        @Option(names = "--k", defaultValue = "10", description = "Eigenpairs (default: ${DEFAULT-VALUE}).")
        int k;

        @Option(names = "--tol", defaultValue = "1e-6", description = "Residual tolerance relative to |lambda_1| (default: ${DEFAULT-VALUE}).")
        double tol;

        @Option(names = "--threads", defaultValue = "1", description = "Batch parts evaluated concurrently, 1 to 64 (with OpenBLAS set OPENBLAS_NUM_THREADS=1 when > 1) (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--data-path", description = "Fashion-MNIST folder (default: /usr/share/datasets/fashion-mnist).")
        java.nio.file.Path dataPath;

        @Override
        public void run() {
            Loss l;
            try {
                l = Loss.parse(loss);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--loss: " + e.getMessage(), e);
            }
            check(n >= 10 && n % 10 == 0, "--n: must be a positive multiple of 10 (got " + n + ")");
            check(lr > 0 && Double.isFinite(lr), "--lr: must be > 0 (got " + lr + ")");
            check(batchSize >= 1 && batchSize <= n, "--batch-size: must be in 1.." + n + " (got " + batchSize + ")");
            check(steps >= 0, "--steps: must be >= 0 (got " + steps + ")");
            check(states >= 1, "--states: must be >= 1 (got " + states + ")");
            check(every >= 1, "--every: must be >= 1 (got " + every + ")");
            check(seeds.length >= 1, "--seeds: at least one seed");
            check(k >= 1, "--k: must be >= 1 (got " + k + ")");
            check(tol > 0 && tol < 1, "--tol: must be in (0, 1) (got " + tol + ")");
            check(threads >= 1 && threads <= 64, "--threads: must be in 1..64 (got " + threads + ")");
            int outputs;
            try {
                Model m = Models.create(model, l, Precision.F64);
                check(m.inputSize() == 784 && m.outputSize() == 10, "--model: Fashion-MNIST needs 784 inputs and 10 "
                        + "outputs, the model has " + m.inputSize() + " and " + m.outputSize());
                check(k <= m.parameterCount(), "--k: must be at most the number of parameters " + m.parameterCount());
                outputs = m.outputSize();
            } catch (IllegalArgumentException e) {
                throw e.getMessage().startsWith("--") ? e : new IllegalArgumentException("--model: " + e.getMessage(), e);
            }
            Dataset data;
            try {
                Dataset pixels = FashionMnist.loadBalanced(dataPath, FashionMnist.Split.TRAIN, n);
                data = Preprocessing.subtract(pixels, Preprocessing.featureMean(pixels));
            } catch (DataException e) {
                throw new IllegalArgumentException("--data-path: " + e.getMessage(), e);
            }
            LanczosCost.Settings s = new LanczosCost.Settings(model, l, lr, batchSize, steps, states, every, k, tol,
                    threads);
            System.out.println("blas " + HvpBenchmark.backend());
            System.out.println(String.format(Locale.ROOT, "model %s loss %s n %d classes %d lr %s batch %d k %d tol %.1e "
                    + "threads %d", model, l.label(), n, outputs, lr, batchSize, k, tol, threads));
            System.out.println("seed,step,loss,lambda1,cold_before,cold,warm_subspace,warm_sum,warm_davidson,"
                    + "all_converged,largest_angle,s_per_hvp");
            List<LanczosCost.State> all = new ArrayList<>();
            for (long seed : seeds) {
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

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
