package org.alignscope.cli;

import java.util.Locale;
import org.alignscope.lab.QuadBenchmark;
import org.alignscope.nn.HvpBenchmark;
import org.alignscope.nn.Loss;
import org.alignscope.nn.Models;
import org.alignscope.nn.Precision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alignscope bench}: benchmarks that report ratios against a baseline measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (ratios against a baseline in the same run).",
        subcommands = {BenchCommand.Quad.class, BenchCommand.Hvp.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
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
    /** The MLP of issue 4's benchmark, also {@code --model mlp}. */
    static final String MLP = "mlp:784-128-128-10:tanh";
    /** The small CNN of issue 4 (two 3x3 convs with 16 and 32 channels, 2x2 max-pooling, dense to 10), also {@code --model cnn}. */
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
        }
    }
}
