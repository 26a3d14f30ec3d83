package org.alignscope.cli;

import java.util.Locale;
import org.alignscope.lab.QuadBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alignscope bench}: benchmarks that report ratios against a baseline measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (ratios against a baseline in the same run).",
        subcommands = {BenchCommand.Quad.class})
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
}
