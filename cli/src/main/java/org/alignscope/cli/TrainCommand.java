package org.alignscope.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.alignscope.train.ArmResult;
import org.alignscope.train.SeedResult;
import org.alignscope.train.TrainExperiment;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alignscope train}: the training laboratory (Dom/Bulk projected training after a switch). */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a network with a base optimizer until the reference-set gradient aligns with the top-k"
                + " Hessian eigenspace, then branch into paired arms (plain, Dom, Bulk, ...) that see the same"
                + " mini-batches. See docs/training.md for the config schema and the output columns."})
final class TrainCommand implements Runnable {

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

    @Option(names = "--out", description = "Output folder (with --config; default: runs/train).")
    Path out;

    @Option(names = "--quiet", description = "No progress lines (they are printed only on a terminal anyway).")
    boolean quiet;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        Consumer<String> progress = quiet || System.console() == null ? null
                : s -> System.err.println("alignscope train: " + s);
        long t0 = System.nanoTime();
        List<SeedResult> results;
        Path dir;
        String command = "alignscope " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        if (mode.replot != null) {
            Path cfg = mode.replot.resolve("config.yaml");
            if (!java.nio.file.Files.exists(cfg)) {
                throw new IllegalArgumentException("--replot: " + mode.replot + " has no config.yaml (not a run folder)");
            }
            TrainExperiment.plots(org.alignscope.train.ConfigReader.read(cfg), mode.replot);
            System.out.println("wrote " + mode.replot.resolve("plots"));
            return;
        }
        if (mode.resume != null) {
            if (out != null) {
                throw new IllegalArgumentException("--out: not allowed with --resume (the run folder is DIR)");
            }
            dir = mode.resume;
            results = TrainExperiment.resume(dir, command, progress);
        } else {
            dir = out == null ? Path.of("runs/train") : out;
            results = TrainExperiment.run(mode.config, dir, command, progress);
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

    private static String g(Double x) {
        return x == null ? "" : String.format(Locale.ROOT, "%.6g", x);
    }
}
