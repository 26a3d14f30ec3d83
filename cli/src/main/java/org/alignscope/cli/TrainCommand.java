package org.alignscope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.alignscope.dashboard.Binding;
import org.alignscope.dashboard.DashboardServer;
import org.alignscope.linalg.progress.Progress;
import org.alignscope.io.IoFailure;
import org.alignscope.io.OutputFolder;
import org.alignscope.io.YamlTree;
import org.alignscope.report.html.ReportPage;
import org.alignscope.settings.Schema;
import org.alignscope.settings.SchemaEntry;
import org.alignscope.settings.Setting;
import org.alignscope.settings.SettingError;
import org.alignscope.settings.Types;
import org.alignscope.settings.Values;
import org.alignscope.train.ArmResult;
import org.alignscope.train.ConfigReader;
import org.alignscope.train.NotResumable;
import org.alignscope.train.SeedResult;
import org.alignscope.train.TrainConfig;
import org.alignscope.train.TrainExperiment;
import org.alignscope.train.VerdictReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** {@code alignscope train}: the training laboratory (Dom/Bulk projected training after a switch). */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a network with a base optimizer until the reference-set gradient aligns with the top-k"
                + " Hessian eigenspace, then branch into paired arms (plain, Dom, Bulk, ...) that see the same"
                + " mini-batches. See docs/training.md for the config schema and the output columns."},
        modelTransformer = SchemaOptions.class)
final class TrainCommand implements Runnable, CellCheck, SchemaCommand {
    static final Setting<Path> CONFIG = Setting.optional("config", Types.path(), "none (then --resume or --replot)",
            "YAML experiment (e.g. configs/quick-fmnist-mlp.yaml).");
    static final Setting<Path> RESUME = Setting.optional("resume", Types.path(), "none",
            "Continue the run in this folder from its last checkpoint.");
    static final Setting<Path> REPLOT = Setting.optional("replot", Types.path(), "none",
            "Redraw the folder's plots/ from the run's files and its config.yaml.");
    static final Setting<Path> OUT = Setting.of("out", Types.path(), Path.of("runs/train"), "Output folder (with"
            + " --config). A folder that holds anything but an earlier train run is refused unless --force.");
    static final Setting<Boolean> DASHBOARD = Setting.of("dashboard", Types.flag(), false, "Serve the run folder's"
            + " live dashboard while training; the first line printed is its URL.");
    static final DashboardSettings DASHBOARD_AT = DashboardSettings.keyed("dashboard_");
    static final Schema SCHEMA = Schema.commandLine("train", "Train a network and branch into paired arms after the"
            + " switch; exactly one of --config, --resume and --replot.", entries());

    @picocli.CommandLine.Mixin
    OutputOwner owner;

    @picocli.CommandLine.Mixin
    ProgressOptions progressOptions;

    @picocli.CommandLine.Spec
    CommandSpec spec;

    private static SchemaEntry[] entries() {
        List<SchemaEntry> all = new java.util.ArrayList<>(List.of(CONFIG, RESUME, REPLOT, OUT, DASHBOARD));
        all.addAll(List.of(DASHBOARD_AT.entries()));
        return all.toArray(SchemaEntry[]::new);
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    /** The options, checked: exactly one of --config, --resume and --replot. */
    private Values settings() {
        Values v = SchemaOptions.values(spec);
        Setting<Path> first = null;
        for (Setting<Path> mode : List.of(CONFIG, RESUME, REPLOT)) {
            if (v.get(mode) != null) {
                if (first != null) {
                    throw mode.invalid("not allowed with " + first.label() + " (give one of " + CONFIG.label()
                            + ", " + RESUME.label() + ", " + REPLOT.label() + ")");
                }
                first = mode;
            }
        }
        if (first == null) {
            throw CONFIG.invalid("give " + CONFIG.label() + " FILE, " + RESUME.label() + " DIR or " + REPLOT.label()
                    + " DIR");
        }
        return v;
    }

    @Override
    public void run() {
        Values v = settings();
        Progress steps = progressOptions.progress("train", "steps");
        Consumer<String> progress = steps == Progress.NONE ? null : s -> ProgressBar.message(steps, "alignscope train: " + s);
        long t0 = System.nanoTime();
        String command = owner.commandLine();
        Path replot = v.get(REPLOT);
        if (replot != null) {
            replot(replot, command);
            return;
        }
        Path resume = v.get(RESUME);
        if (resume != null && (v.given(OUT) || owner.force)) {
            throw new SettingError(owner.force ? OutputOwner.FORCE : OUT.label(), "not allowed with "
                    + RESUME.label() + " (the run folder is DIR)");
        }
        Path dir = resume != null ? resume : v.get(OUT);
        check(v);
        boolean dashboard = v.get(DASHBOARD);
        Binding binding = dashboard ? DASHBOARD_AT.binding(v) : null;
        if (resume != null && OutputFolder.isHeld(dir)) {
            throw RESUME.invalid(dir + " is in use by another AlignScope process; wait for it to finish");
        }
        // checked before the lock is taken: a refused resume changes no file
        TrainExperiment.Resumption resumption = resume != null
                ? resuming(dir, () -> TrainExperiment.prepareResume(dir, progress)) : null;
        List<SeedResult> results;
        try (OutputFolder folder = resume != null ? OutputFolder.claimExisting(RESUME.label(), dir, owner.kind(), command)
                : owner.claim(dir);
             DashboardServer server = dashboard ? DASHBOARD_AT.start(dir, binding, spec.commandLine().getErr()) : null) {
            results = resumption != null ? resuming(dir, () -> resumption.run(command, steps))
                    : TrainExperiment.run(v.get(CONFIG), dir, command, progress, steps);
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
        printVerdicts(dir.resolve(VerdictReport.FILE));
        System.out.println(String.format(Locale.ROOT, "wrote %s in %.1f s", dir, (System.nanoTime() - t0) / 1e9));
    }

    /** The run-level verdict summary the run wrote (none without a monitor). */
    private static void printVerdicts(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            System.out.println("monitor verdicts (" + file + "):");
            Files.readAllLines(file).forEach(System.out::println);
        } catch (IOException e) {
            throw IoFailure.of("read", file, e);
        }
    }

    /** Redraws the plots and the report page of the run folder {@code dir}. */
    private void replot(Path dir, String command) {
        Path cfg = dir.resolve("config.yaml");
        if (!Files.exists(cfg)) {
            throw REPLOT.invalid(dir + " has no config.yaml (not a run folder)");
        }
        TrainConfig config = ConfigReader.read(cfg);
        try (OutputFolder folder = OutputFolder.claimExisting(REPLOT.label(), dir, owner.kind(), command)) {
            TrainExperiment.plots(config, dir);
            ReportPage.write(dir);
        }
        System.out.println("wrote " + dir.resolve("plots") + " and " + dir.resolve("report.html"));
    }

    /**
     * Runs work on the run folder {@code dir} that --resume names: a folder it cannot continue is reported against
     * --resume, with the way on spelled in this command's options.
     */
    private static <T> T resuming(Path dir, Supplier<T> work) {
        try {
            return work.get();
        } catch (NotResumable e) {
            throw RESUME.invalid(e.getMessage() + switch (e.remedy()) {
                case NONE -> "";
                case START_AGAIN -> "; start it again with " + CONFIG.label() + " " + e.config() + " " + OUT.label()
                        + " " + dir + " " + OutputOwner.FORCE;
                case RESTORE_CONFIG_OR_START_AGAIN -> "; restore it, or start a new run with " + OutputOwner.FORCE;
            });
        }
    }

    /** Validates the options and the config (a fresh run) without training. */
    @Override
    public void check() {
        check(settings());
    }

    private static void check(Values v) {
        if (v.get(CONFIG) != null) {
            readConfig(v.get(CONFIG));
        }
    }

    /** Reads the training config given with {@code --config}; a file that cannot be read is bad input for it. */
    static TrainConfig readConfig(Path file) {
        return ConfigReader.of(YamlTree.read(file, CONFIG.label()), file.toString());
    }

    private static String g(Double x) {
        return x == null ? "" : String.format(Locale.ROOT, "%.6g", x);
    }
}
