package org.alignscope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.alignscope.report.html.ReportPage;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Values;
import org.alignscope.sweep.CellKind;
import org.alignscope.sweep.Outcome;
import org.alignscope.sweep.ProcessLauncher;
import org.alignscope.sweep.Sweep;
import org.alignscope.sweep.SweepConfig;
import org.alignscope.sweep.SweepSettings;
import org.alignscope.sweep.SweepStopped;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code alignscope sweep}: a grid of any run-making command's settings, each cell its own process with one
 * BLAS thread (see {@link ProcessLauncher}). Every cell is parsed and checked like the command itself would check
 * it before any cell runs. Exit code 0 when every cell completed or diverged (a diverging setting is a result), 1
 * when a cell failed; stopped by SIGTERM or SIGINT it ends its running cells first.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a command (quad-run, train or hessian) over the cartesian product of settings in a YAML"
                + " file; each cell runs in its own process into OUT/cells/<cell-id>/, finished cells are skipped on a"
                + " rerun, and OUT gets summary.csv, plots/heatmap_<metric>.png and manifest.json."},
        modelTransformer = SchemaOptions.class)
final class SweepCommand implements Callable<Integer>, SchemaCommand {
    @Mixin
    ProgressOptions progress;

    @Mixin
    OutputOwner owner;

    @CommandLine.Spec
    CommandSpec spec;

    @Override
    public Schema schema() {
        return SweepSettings.SCHEMA;
    }

    @Override
    public Integer call() {
        Values v = SchemaOptions.values(spec);
        Path out = v.get(SweepSettings.OUT);
        SweepConfig cfg = SweepConfig.read(v.get(SweepSettings.CONFIG));
        Integer parallel = v.get(SweepSettings.PARALLEL);
        int n = parallel != null ? parallel : cfg.parallel() != null ? cfg.parallel() : Runtime.getRuntime().availableProcessors();
        checkKeys(cfg);
        long t0 = System.nanoTime();
        List<Sweep.CellResult> results;
        try {
            results = owner.continueIn(out, () -> {
                // a train cell's plan writes its config beside its folder, so planning happens inside the claim
                List<Sweep.Job> jobs = plan(cfg, out);
                for (Sweep.Job job : jobs) {
                    check(job);
                }
                List<Sweep.CellResult> r = Sweep.run(cfg, jobs, out, n,
                        new ProcessLauncher(AlignScope.class.getName(), List.of()), progress.progress("sweep", "cells"),
                        owner.commandLine());
                ReportPage.write(out);
                return r;
            });
        } catch (SweepStopped e) {
            // only a signal stops a sweep; the JVM then exits with the signal's status, whatever this returns
            spec.commandLine().getErr().println("alignscope: " + e.getMessage());
            return ExitCode.ENVIRONMENT;
        }
        System.out.println("cell\tstatus\tfinal_loss\tfinal_theta\twall_seconds\tmessage");
        for (Sweep.CellResult r : results) {
            System.out.println(String.format(Locale.ROOT, "%s\t%s\t%s\t%s\t%.1f%s\t%s", r.cell().id(),
                    r.outcome().status(), number(r.outcome().finalLoss()), number(r.outcome().finalTheta()), r.wallSeconds(), r.skipped() ? " (earlier run)" : "",
                    r.outcome().message()));
        }
        System.out.println(String.format(Locale.ROOT, "wrote %s in %.1f s", out, (System.nanoTime() - t0) / 1e9));
        boolean failed = results.stream().anyMatch(r -> r.outcome().status().equals(Outcome.FAILED));
        return failed ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }

    /** Six significant digits, or "n/a" where the cell has no value. */
    private static String number(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.6g", v);
    }

    /** The sweep's cells, each running its command with the options that command declares. */
    static List<Sweep.Job> plan(SweepConfig cfg, Path out) {
        CommandSpec command = command(cfg.kind());
        return Sweep.plan(cfg, out, key -> {
            OptionSpec o = command.findOption(key);
            if (o == null) {
                throw new IllegalStateException(command.qualifiedName() + " has no option for '" + key + "'");
            }
            return o.longestName();
        });
    }

    /** The command a sweep's cells run. */
    private static CommandSpec command(CellKind kind) {
        CommandLine cl = AlignScope.commandLine();
        for (String sub : kind.command()) {
            cl = cl.getSubcommands().get(sub);
        }
        return cl.getCommandSpec();
    }

    /** For option-keyed commands: every key of set/grid must be an option of the command the sweep may set. */
    static void checkKeys(SweepConfig cfg) {
        CellKind kind = cfg.kind();
        if (!kind.keysAreOptions()) {
            return;
        }
        List<String> allowed = new ArrayList<>();
        for (OptionSpec o : command(kind).options()) {
            String name = o.longestName().replaceFirst("^-+", "");
            if (!o.usageHelp() && !o.versionHelp() && !name.equals("quiet") && !kind.reservedOptions().contains(name)) {
                allowed.add(name);
            }
        }
        String what = "unknown option of " + String.join(" ", kind.command()) + "; allowed: " + String.join(", ", allowed);
        for (String key : cfg.fixed().keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("set." + key + ": " + what);
            }
        }
        for (String key : cfg.grid().keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("grid." + key + ": " + what);
            }
        }
    }

    /** Parses a cell's arguments as the command would and runs the command's own checks. */
    static void check(Sweep.Job job) {
        try {
            CommandLine.ParseResult pr = AlignScope.commandLine().parseArgs(job.arguments().toArray(String[]::new));
            while (pr.hasSubcommand()) {
                pr = pr.subcommand();
            }
            if (pr.commandSpec().userObject() instanceof CellCheck c) {
                c.check();
            }
        } catch (CommandLine.ParameterException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cell " + job.cell().id() + ": " + e.getMessage(), e);
        }
    }
}
