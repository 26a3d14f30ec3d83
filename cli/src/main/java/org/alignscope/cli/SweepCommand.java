package org.alignscope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.alignscope.lab.sweep.CellKind;
import org.alignscope.lab.sweep.Outcome;
import org.alignscope.lab.sweep.ProcessLauncher;
import org.alignscope.lab.sweep.Sweep;
import org.alignscope.lab.sweep.SweepConfig;
import org.alignscope.lab.sweep.SweepStopped;
import org.alignscope.report.html.ReportPage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code alignscope sweep}: a grid of any run-making command's settings, each cell its own process with one
 * BLAS thread (see {@link ProcessLauncher}). Every cell is parsed and checked like the command itself would check
 * it before any cell runs. Exit code 0 when every cell completed or diverged (a diverging setting is a result), 1
 * when a cell failed; stopped by SIGTERM or SIGINT it ends its running cells first.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a command (quad-run or train) over the cartesian product of settings in a YAML file;"
                + " each cell runs in its own process into OUT/cells/<cell-id>/, finished cells are skipped on a rerun,"
                + " and OUT gets summary.csv, plots/heatmap_<metric>.png and manifest.json."})
final class SweepCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The sweep (YAML: command, base, set, grid, parallel).")
    Path config;

    @Option(names = "--out", defaultValue = "runs/sweep", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--parallel", paramLabel = "N", description = "Cells at once (default: the config's parallel, else the number of cores).")
    Integer parallel;

    @Mixin
    ProgressOptions progress;

    @Mixin
    OutputOwner owner;

    @CommandLine.Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SweepConfig cfg = SweepConfig.read(config);
        int n = parallel != null ? parallel : cfg.parallel() != null ? cfg.parallel() : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new IllegalArgumentException("--parallel: must be >= 1 (got " + n + ")");
        }
        checkKeys(cfg);
        long t0 = System.nanoTime();
        List<Sweep.CellResult> results;
        try {
            results = owner.continueIn(out, () -> {
                // a train cell's plan writes its config beside its folder, so planning happens inside the claim
                List<Sweep.Job> jobs = Sweep.plan(cfg, out);
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

    /** For option-keyed commands: every key of set/grid must be an option of the command the sweep may set. */
    static void checkKeys(SweepConfig cfg) {
        CellKind kind = cfg.kind();
        if (!kind.keysAreOptions()) {
            return;
        }
        CommandLine cl = AlignScope.commandLine();
        for (String sub : kind.command()) {
            cl = cl.getSubcommands().get(sub);
        }
        List<String> allowed = new ArrayList<>();
        for (OptionSpec o : cl.getCommandSpec().options()) {
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
