package org.alignscope.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alignscope.io.AtomicFolder;
import org.alignscope.io.CsvWriter;
import org.alignscope.monitor.MonitorResult;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Setting;
import org.alignscope.settings.Types;

/**
 * One evaluation of the alignment monitor at a saved training checkpoint ({@code alignscope monitor --checkpoint
 * DIR --config FILE}): the config gives the data, the model, the batch size and the {@code monitor:} settings;
 * the checkpoint gives each trajectory's parameters, optimizer state and tracked basis at the start of its step t.
 * Each monitored trajectory (the base run before the switch, the monitored arms after it) is evaluated exactly as
 * {@code alignscope train} would at step t, then step t is taken on a copy to measure the realised loss change.
 * The run folder is not modified. Its settings ({@link #SCHEMA}) are declared here because its errors name them.
 */
public final class CheckpointMonitor {
    public static final Setting<Path> CHECKPOINT = Setting.optional("checkpoint", Types.path(), "none",
            "A training run folder (or its checkpoint/ folder) to evaluate the monitor at; needs the config.");
    public static final Setting<Path> CONFIG = Setting.optional("config", Types.path(), "none",
            "With a checkpoint: the run's YAML config with a monitor: section (data, model, batch size, monitor"
                    + " settings).");
    public static final Setting<Integer> PROBE_STEPS = Setting.of("probe_steps",
            Types.parsed("0 or an integer >= 2", CheckpointMonitor::probeSteps, r -> r), 0,
            "With --checkpoint or --model-checkpoint: take R dominant- and R bulk-projected SGD steps and R plain"
                    + " steps at 0.5 eta*, 2 eta* and eta from the evaluated state (one mini-batch each) and compare"
                    + " the realised loss and alignment changes with the predictions (probe.csv); 0 = none (with"
                    + " --checkpoint: the config's monitor.probe_steps).").in("steps");

    /** The settings of an evaluation at a checkpoint (part of {@code alignscope monitor}'s options). */
    public static final Schema SCHEMA = Schema.commandLine("monitor", "Evaluate the alignment monitor once at a"
            + " saved training checkpoint.", CHECKPOINT, CONFIG, PROBE_STEPS);

    /**
     * @param trajectory {@code base} or the arm's name
     * @param seed       the checkpoint's seed
     * @param result     the evaluation
     * @param dlossReal  L(θ_{t+1}) − L(θ_t) on the reference set over step t
     * @param probe      the projected-step experiment at θ_t, or null
     * @param thetaProbe the θ-probe's rows at θ_t ({@link ThetaProbe}; empty without a probe)
     */
    public record Evaluation(String trajectory, long seed, MonitorResult result, double dlossReal,
                             ProjectedProbe.Result probe, List<ProbeRow> thetaProbe) {
        /** The rows of {@code probe.csv}: {@code dom}, {@code bulk}, then the θ-probe's (empty without a probe). */
        public List<ProbeRow> probeRows() {
            if (probe == null) {
                return List.of();
            }
            List<ProbeRow> rows = new ArrayList<>(probe.rows(result.step(), result.eta()));
            rows.addAll(thetaProbe);
            return rows;
        }
    }

    private CheckpointMonitor() {
    }

    /**
     * Evaluates the monitor at the checkpoint in {@code dir} (a run folder holding {@code checkpoint/}, or the
     * checkpoint folder itself). Errors are one-line {@link org.alignscope.settings.SettingError}s naming the
     * setting at fault; a trajectory whose saved parameters are NaN or infinite is refused, naming its file.
     */
    public static List<Evaluation> evaluate(TrainConfig cfg, Path dir) {
        return evaluate(cfg, dir, cfg.monitor() == null ? 0 : cfg.monitor().probeSteps());
    }

    /**
     * As {@link #evaluate(TrainConfig, Path)}, with the projected-step experiment ({@link ProjectedProbe}) of
     * {@code probeSteps} draws per subspace and the θ-probe ({@link ThetaProbe}) of as many replicates per step size
     * at each evaluated state (0: none; else at least 2, as {@link #PROBE_STEPS} allows).
     */
    public static List<Evaluation> evaluate(TrainConfig cfg, Path dir, int probeSteps) {
        if (probeSteps > 0 && !cfg.optimizer().name().equals("sgd")) {
            throw PROBE_STEPS.invalid("the projected SGD steps need optimizer.name sgd, got "
                    + cfg.optimizer().name());
        }
        if (cfg.monitor() == null) {
            throw CONFIG.invalid("has no monitor: section (it gives k, samples and the arms)");
        }
        if (!Files.isDirectory(dir)) {
            throw CHECKPOINT.invalid(dir + " is not a folder");
        }
        Path ck = CHECKPOINT.reading(() -> TrainCheckpoint.locate(Files.exists(dir.resolve(AtomicFolder.CHECKSUMS))
                ? dir : dir.resolve(TrainCheckpoint.FOLDER)));
        if (ck == null) {
            throw CHECKPOINT.invalid("no training checkpoint in " + dir + " (a completed run"
                    + " removes its checkpoint; logging.checkpoint_every sets how often a running one writes it)");
        }
        Trainer tr = new Trainer(cfg, dir, null);
        TrainCheckpoint.Loaded loaded;
        try {
            loaded = TrainCheckpoint.load(ck, tr, false);
        } catch (IOException e) {
            throw CHECKPOINT.invalid("cannot read " + ck + ": " + e.getMessage());
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw CHECKPOINT.invalid("incompatible with the config: " + e.getMessage());
        }
        CHECKPOINT.reading(() -> TrainCheckpoint.requireFinite(loaded, ck));
        Trainer.SeedState s = loaded.state();
        long t = s.step;
        if (t >= cfg.steps()) {
            throw CHECKPOINT.invalid("its step " + t + " is past the config's training.steps " + cfg.steps());
        }
        if (!(cfg.optimizer().learningRate(t) > 0)) {
            throw CHECKPOINT.invalid("the learning rate at step " + t + " is 0");
        }
        List<Trainer.Arm> trajectories = new ArrayList<>();
        if (s.basePhase) {
            trajectories.add(s.base);
        } else {
            for (Trainer.Arm a : s.arms) {
                if (cfg.monitor().monitors(a.name) && a.running()) {
                    trajectories.add(a);
                }
            }
        }
        if (trajectories.isEmpty()) {
            throw CHECKPOINT.invalid("no running monitored trajectory at step " + t);
        }
        List<Evaluation> out = new ArrayList<>();
        for (Trainer.Arm a : trajectories) {
            MonitorResult r = tr.monitorAt(a, s.seed, t);
            ProjectedProbe.Result probe = probeSteps > 0 ? tr.probe(a, s.seed, t, r, probeSteps) : null;
            List<ProbeRow> theta = probeSteps > 0 ? tr.thetaProbe(a, s.seed, t, r, probeSteps) : List.of();
            double before = r.loss();
            tr.stepOnly(a, t, tr.batchAt(s.seed, t), new Trainer.Row(t, s.basePhase ? "base" : "arm"));
            double real = a.running() ? tr.referenceLoss(a) - before : Double.NaN;
            out.add(new Evaluation(s.basePhase ? "base" : a.name, s.seed, r, real, probe, theta));
        }
        return out;
    }

    /** R probe steps as written: 0 (off) or at least 2, the fewest that give a standard error. */
    private static int probeSteps(String text) {
        int r;
        try {
            r = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an integer; allowed: 0 (off) or >= 2");
        }
        if (r == 1 || r < 0) {
            throw new IllegalArgumentException(r + " is not allowed; allowed: 0 (off) or >= 2");
        }
        return r;
    }

    /**
     * Writes {@code folder/monitor.csv} and {@code monitor.jsonl} (one row) with the training run's columns, and
     * with a probe {@code probe.csv} ({@link ProbeRow#COLUMNS}: one row per kind, {@link Evaluation#probeRows}).
     */
    public static void write(Evaluation e, Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        try (MetricsWriter w = MetricsWriter.create(folder, "monitor", MonitorBridge.COLUMNS)) {
            w.row(MonitorBridge.values(e.result(), e.dlossReal()), MonitorBridge.arrays(e.result()));
        }
        if (e.probe() != null) {
            try (CsvWriter w = new CsvWriter(folder.resolve(Trainer.PROBE + ".csv"), true,
                    ProbeRow.COLUMNS.toArray(String[]::new))) {
                for (ProbeRow row : e.probeRows()) {
                    w.row(row.values().values().toArray());
                }
            }
        }
    }
}
