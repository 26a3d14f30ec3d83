package org.alignscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.alignscope.dashboard.Binding;
import org.alignscope.dashboard.DashboardServer;
import org.alignscope.linalg.progress.Progress;
import org.alignscope.io.OutputFolder;
import org.alignscope.io.YamlTree;
import org.alignscope.report.html.ReportPage;
import org.alignscope.train.ArmResult;
import org.alignscope.train.ConfigReader;
import org.alignscope.train.SeedResult;
import org.alignscope.train.TrainConfig;
import org.alignscope.train.TrainExperiment;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alignscope train}: the training laboratory (Dom/Bulk projected training after a switch). */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a network with a base optimizer until the reference-set gradient aligns with the top-k"
                + " Hessian eigenspace, then branch into paired arms (plain, Dom, Bulk, ...) that see the same"
                + " mini-batches. See docs/training.md for the config schema and the output columns."})
final class TrainCommand implements Runnable, CellCheck {

    static final class Mode {
        @Option(names = "--config", description = "YAML experiment (e.g. configs/quick-fmnist-mlp.yaml).")
        Path config;

        @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run in DIR from its last checkpoint.")
        Path resume;

        @Option(names = "--replot", paramLabel = "DIR", description = "Redraw DIR/plots/ from the run's files and its config.yaml.")
        Path replot;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    @Option(names = "--out", description = "Output folder (with --config; default: runs/train). A folder that holds"
            + " anything but an earlier train run is refused unless --force.")
    Path out;

    @picocli.CommandLine.Mixin
    OutputOwner owner;

    @Option(names = "--dashboard", description = "Serve the run folder's live dashboard while training; the first"
            + " line printed is its URL.")
    boolean dashboard;

    @Option(names = "--dashboard-port", defaultValue = "0", description = "Port of --dashboard; 0 picks a free one"
            + " (default: ${DEFAULT-VALUE}).")
    int dashboardPort;

    @Option(names = "--dashboard-address", defaultValue = DashboardServer.LOOPBACK,
            description = "Address --dashboard binds (default: ${DEFAULT-VALUE}, this machine only; another address"
                    + " lets the network read the run folder, and a warning says so).")
    String dashboardAddress;

    @Option(names = "--dashboard-allow-host", paramLabel = "NAME", description = "A further name the dashboard may be"
            + " requested by (the Host header; repeatable), e.g. this machine's DNS name with --dashboard-address.")
    List<String> dashboardAllowHosts = new ArrayList<>();

    private static final Binding.OptionNames DASHBOARD_OPTIONS =
            new Binding.OptionNames("--dashboard-address", "--dashboard-port", "--dashboard-allow-host");

    @picocli.CommandLine.Mixin
    ProgressOptions progressOptions;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        Progress steps = progressOptions.progress("train", "steps");
        Consumer<String> progress = steps == Progress.NONE ? null : s -> ProgressBar.message(steps, "alignscope train: " + s);
        long t0 = System.nanoTime();
        List<SeedResult> results;
        Path dir;
        String command = owner.commandLine();
        if (mode.replot != null) {
            Path cfg = mode.replot.resolve("config.yaml");
            if (!Files.exists(cfg)) {
                throw new IllegalArgumentException("--replot: " + mode.replot + " has no config.yaml (not a run folder)");
            }
            TrainConfig config = ConfigReader.read(cfg);
            try (OutputFolder folder = OutputFolder.claimExisting("--replot", mode.replot, owner.kind(), command)) {
                TrainExperiment.plots(config, mode.replot);
                ReportPage.write(mode.replot);
            }
            System.out.println("wrote " + mode.replot.resolve("plots") + " and " + mode.replot.resolve("report.html"));
            return;
        }
        if (mode.resume != null && (out != null || owner.force)) {
            throw new IllegalArgumentException((owner.force ? "--force" : "--out") + ": not allowed with --resume (the run"
                    + " folder is DIR)");
        }
        dir = mode.resume != null ? mode.resume : out == null ? Path.of("runs/train") : out;
        check();
        Binding binding = dashboard ? Binding.of(dashboardAddress, dashboardPort, dashboardAllowHosts, DASHBOARD_OPTIONS)
                : null;
        if (mode.resume != null && OutputFolder.isHeld(dir)) {
            throw new IllegalArgumentException("--resume: " + dir + " is in use by another AlignScope process; wait for"
                    + " it to finish");
        }
        // checked before the lock is taken: a refused resume changes no file
        TrainExperiment.Resumption resumption = mode.resume != null ? TrainExperiment.prepareResume(dir, progress) : null;
        try (OutputFolder folder = mode.resume != null ? OutputFolder.claimExisting("--resume", dir, owner.kind(), command)
                : owner.claim(dir);
             DashboardServer server = dashboard ? ServeCommand.start(dir, binding, spec.commandLine().getErr()) : null) {
            results = resumption != null ? resumption.run(command, steps)
                    : TrainExperiment.run(mode.config, dir, command, progress, steps);
            ReportPage.write(dir);
        }
        System.out.println("seed\tswitch_step\tswitch_reason\tarm\tstatus\tref_loss_at_switch\tref_loss_final"
                + "\ttrain_acc\ttest_acc");
        for (SeedResult s : results) {
            for (ArmResult a : s.arms()) {
                System.out.println(String.format(Locale.ROOT, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s", s.seed(),
                        s.switchStep(), s.switchReason(), a.arm(), a.status().equals("ok") ? "ok"
                                : "diverged at step " + a.divergedStep(), g(a.refLossAtSwitch()),
                        g(a.finalRefLoss()), g(a.finalTrainAcc()), g(a.finalTestAcc())));
            }
        }
        System.out.println(String.format(Locale.ROOT, "wrote %s in %.1f s", dir, (System.nanoTime() - t0) / 1e9));
    }

    /** Validates the config (a fresh run) without training. */
    @Override
    public void check() {
        if (mode.config != null) {
            readConfig(mode.config);
        }
    }

    /** Reads the training config given with {@code --config}; a file that cannot be read is bad input for it. */
    static TrainConfig readConfig(Path file) {
        return ConfigReader.of(YamlTree.read(file, "--config"), file.toString());
    }

    private static String g(Double x) {
        return x == null ? "" : String.format(Locale.ROOT, "%.6g", x);
    }
}
