package org.alignscope.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.alignscope.lab.PaperReproduction;
import org.alignscope.lab.QuadSettings;
import org.alignscope.lab.QuadSweep;
import org.alignscope.report.html.ReportPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code alignscope quad}: the paper laboratory. */
@Command(name = "quad", mixinStandardHelpOptions = true,
        description = "The paper's high-dimensional quadratic model (Deng et al., arXiv 2601.11789).",
        subcommands = {QuadCommand.Run.class, QuadCommand.Sweep.class, QuadCommand.Reproduce.class, QuadVerifyCommand.class})
final class QuadCommand implements java.util.concurrent.Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return CommandGroup.missingSubcommand(spec);
    }

    static String commandLine(String sub, String[] args) {
        return "alignscope quad " + sub + " " + String.join(" ", args);
    }

    static void printResults(List<QuadSweep.Result> results, Path out, double seconds) {
        System.out.println("m\tseed\tlambda_ratio\tmean_alignment\tstd_alignment\ttheta_inf\tstatus");
        for (QuadSweep.Result r : results) {
            System.out.println(String.format(Locale.ROOT, "%s\t%d\t%.2f\t%s\t%s\t%s\t%s", r.m(), r.seed(),
                    r.lambdaRatio(), number(r.mean()), number(r.std()), number(r.thetaInf()),
                    r.trajectory().diverged() ? "diverged at step " + r.trajectory().divergedStep().getAsInt() : "ok"));
        }
        System.out.println(String.format(Locale.ROOT, "wrote %s in %.1f s", out, seconds));
    }

    /** Four decimals, or "n/a" where a value is undefined (a diverged run, or θ_∞ outside Theorem 16). */
    static String number(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "One simulation; writes the same files as a sweep.")
    static final class Run implements Runnable, CellCheck {
        @Mixin
        QuadOptions o;

        @Mixin
        ProgressOptions progress;

        @Option(names = "--m", defaultValue = "50", description = "Gap ratio m > 1 of the authors' spectrum (default: ${DEFAULT-VALUE}).")
        String m;

        @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", defaultValue = "runs/quad-run", description = "Output folder (default: ${DEFAULT-VALUE}).")
        Path out;

        @Mixin
        OutputOwner owner;

        @Override
        public void run() {
            sweep(List.of(m), List.of(seed), o, out, owner, progress);
        }

        @Override
        public void check() {
            settings(List.of(m), List.of(seed), o).runs();
            o.threadCount();
        }
    }

    @Command(name = "sweep", mixinStandardHelpOptions = true, description = "Every (m, seed) pair; summary.csv has one row per pair.")
    static final class Sweep implements Runnable {
        @Mixin
        QuadOptions o;

        @Mixin
        ProgressOptions progress;

        @Option(names = "--m", split = ",", defaultValue = "5,10,20,50,100,200,300,400,500",
                description = "Gap ratios m > 1, comma-separated (default: ${DEFAULT-VALUE}).")
        List<String> m;

        @Option(names = "--seeds", split = ",", defaultValue = "42", description = "Seeds, comma-separated (default: ${DEFAULT-VALUE}).")
        List<Long> seeds;

        @Option(names = "--out", defaultValue = "runs/quad-sweep", description = "Output folder (default: ${DEFAULT-VALUE}).")
        Path out;

        @Mixin
        OutputOwner owner;

        @Override
        public void run() {
            sweep(m, seeds, o, out, owner, progress);
        }
    }

    static QuadSettings settings(List<String> ms, List<Long> seeds, QuadOptions o) {
        return new QuadSettings(ms, seeds, o.dimension(), o.k, o.eta, o.schedule, o.sigma, o.noise,
                o.spectrum, o.initScale, o.init, o.step, o.steps, o.steadyWindow(), o.stride, o.dense);
    }

    static void sweep(List<String> ms, List<Long> seeds, QuadOptions o, Path out, OutputOwner owner, ProgressOptions p) {
        QuadSettings settings = settings(ms, seeds, o);
        settings.runs();
        int threads = o.threadCount();
        long start = System.nanoTime();
        String name = owner.kind();
        owner.write(out, () -> {
            List<QuadSweep.Result> results = QuadSweep.run(settings, out, threads, name, !o.noRunPlots,
                    p.progress(name, o.dense ? "runs" : "block-steps"));
            ReportPage.write(out);
            printResults(results, out, (System.nanoTime() - start) / 1e9);
        });
    }

    @Command(name = "reproduce", mixinStandardHelpOptions = true,
            description = "Section 7 and Appendix B of the paper at its settings: figures, fits, summary.md.")
    static final class Reproduce implements Runnable {
        @Option(names = "--out", defaultValue = "runs/quad-reproduce", description = "Output folder (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--threads", description = "Worker threads (default: the number of cores); results do not depend on it.")
        Integer threads;

        @Mixin
        ProgressOptions progress;

        @Mixin
        OutputOwner owner;

        @Override
        public void run() {
            int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            if (n < 1) {
                throw new IllegalArgumentException("--threads: must be >= 1 (got " + n + ")");
            }
            long start = System.nanoTime();
            owner.write(out, () -> {
                System.err.println("simulating 63 runs (9 m x 7 seeds, 30,000 steps, d = 500) on " + n + " threads ...");
                PaperReproduction.run(out, n, "quad reproduce", progress.progress("quad reproduce", "block-steps"));
                ReportPage.write(out);
                System.out.println(String.format(Locale.ROOT, "wrote %s (summary.md, summary.csv, figures/) in %.1f s",
                        out, (System.nanoTime() - start) / 1e9));
            });
        }
    }
}
