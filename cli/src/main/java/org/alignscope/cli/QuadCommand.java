package org.alignscope.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.alignscope.quadlab.PaperReproduction;
import org.alignscope.quadlab.QuadSettings;
import org.alignscope.quadlab.QuadSweep;
import org.alignscope.report.html.ReportPage;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Values;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code alignscope quad}: the paper laboratory. */
@Command(name = "quad", mixinStandardHelpOptions = true,
        description = "The paper's high-dimensional quadratic model (Deng et al., arXiv 2601.11789).",
        subcommands = {QuadCommand.Run.class, QuadCommand.Sweep.class, QuadCommand.Reproduce.class, QuadVerifyCommand.class})
final class QuadCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return CommandGroup.missingSubcommand(spec);
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

    /** {@code quad run} and {@code quad sweep}: the simulation of every (m, seed) of their settings. */
    abstract static class Simulation implements Runnable, SchemaCommand {
        @Mixin
        ProgressOptions progress;

        @Mixin
        OutputOwner owner;

        @Spec
        CommandSpec spec;

        /** The validated settings of the options (each error names its option). */
        QuadSettings settings() {
            return QuadSettings.of(SchemaOptions.values(spec));
        }

        @Override
        public void run() {
            QuadSettings settings = settings();
            settings.runs();
            Path out = settings.out();
            long start = System.nanoTime();
            String name = owner.kind();
            owner.write(out, () -> {
                List<QuadSweep.Result> results = QuadSweep.run(settings, name,
                        progress.progress(name, settings.get(QuadSettings.DENSE) ? "runs" : "block-steps"));
                ReportPage.write(out);
                printResults(results, out, (System.nanoTime() - start) / 1e9);
            });
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
            description = "One simulation; writes the same files as a sweep.", modelTransformer = SchemaOptions.class)
    static final class Run extends Simulation implements CellCheck {
        @Override
        public Schema schema() {
            return QuadSettings.RUN;
        }

        /** Validates the options and reads the files they name, without simulating (for {@code alignscope sweep}). */
        @Override
        public void check() {
            settings().runs();
        }
    }

    @Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Every (m, seed) pair; summary.csv has one row per pair.", modelTransformer = SchemaOptions.class)
    static final class Sweep extends Simulation {
        @Override
        public Schema schema() {
            return QuadSettings.SWEEP;
        }
    }

    @Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Section 7 and Appendix B of the paper at its settings: figures, fits, summary.md.",
            modelTransformer = SchemaOptions.class)
    static final class Reproduce implements Runnable, SchemaCommand {
        @Mixin
        ProgressOptions progress;

        @Mixin
        OutputOwner owner;

        @Spec
        CommandSpec spec;

        @Override
        public Schema schema() {
            return QuadSettings.REPRODUCE;
        }

        @Override
        public void run() {
            Values v = SchemaOptions.values(spec);
            Path out = v.get(QuadSettings.REPRODUCE_OUT);
            int n = v.get(QuadSettings.THREADS);
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
