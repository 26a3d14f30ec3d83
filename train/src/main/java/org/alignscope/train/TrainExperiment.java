package org.alignscope.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.alignscope.io.CsvTable;
import org.alignscope.io.AtomicFile;
import org.alignscope.io.AtomicFolder;
import org.alignscope.io.IoFailure;
import org.alignscope.linalg.progress.Progress;
import org.alignscope.linalg.Blas;
import org.alignscope.monitor.MonitorColumn;
import org.alignscope.nn.OperatorKind;
import org.alignscope.report.LinePlot;
import org.alignscope.report.Manifest;
import org.alignscope.report.RunStatus;

/**
 * A run folder for a {@link TrainConfig}: {@code config.yaml} (the file as given, read again by a resume),
 * {@code manifest.json}, per arm and seed the metrics files, {@code checkpoint/}, and {@code plots/}.
 */
public final class TrainExperiment {
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

    private TrainExperiment() {
    }

    /** Reads and validates the config, then runs it into {@code out}. */
    public static List<SeedResult> run(Path configFile, Path out, String command, Consumer<String> progress) {
        return run(configFile, out, command, progress, Progress.NONE);
    }

    /** As {@link #run(Path, Path, String, Consumer)}, reporting finished steps (seeds × steps) to {@code steps}. */
    public static List<SeedResult> run(Path configFile, Path out, String command, Consumer<String> progress,
                                       Progress steps) {
        return run(configFile, out, command, progress, steps, List.of());
    }

    /**
     * As {@link #run(Path, Path, String, Consumer, Progress)}, with {@code listeners} added to the training loop
     * (see {@link TrainingListener}): the way to register a new concern, whose columns are appended to
     * {@code metrics.csv}.
     */
    public static List<SeedResult> run(Path configFile, Path out, String command, Consumer<String> progress,
                                       Progress steps, List<TrainingListener> listeners) {
        TrainConfig cfg = ConfigReader.read(configFile);
        Trainer tr = new Trainer(cfg, out, progress, listeners);
        tr.reportTo(steps);
        String text;
        try {
            text = Files.readString(configFile);
        } catch (IOException e) {
            throw IoFailure.of("read", configFile, e);
        }
        AtomicFolder.delete(out.resolve(TrainCheckpoint.FOLDER));
        AtomicFile.writeString(out.resolve(TrainCheckpoint.CONFIG), text);
        return execute(cfg, tr, out, command, null);
    }

    /** Continues the run in {@code out} from its last checkpoint, with the config saved there. */
    public static List<SeedResult> resume(Path out, String command, Consumer<String> progress) {
        return resume(out, command, progress, Progress.NONE);
    }

    /** As {@link #resume(Path, String, Consumer)}, reporting finished steps (seeds × steps) to {@code steps}. */
    public static List<SeedResult> resume(Path out, String command, Consumer<String> progress, Progress steps) {
        return prepareResume(out, progress).run(command, steps);
    }

    /**
     * As {@link #resume(Path, String, Consumer, Progress)}, with the extra listeners the run was started with (their
     * columns are part of the metrics files the checkpoint recorded).
     */
    public static List<SeedResult> resume(Path out, String command, Consumer<String> progress, Progress steps,
                                          List<TrainingListener> listeners) {
        return prepareResume(out, progress, listeners).run(command, steps);
    }

    /** A run folder checked for a resume: its config, data and checkpoint read and verified. */
    public static final class Resumption {
        private final TrainConfig cfg;
        private final Trainer trainer;
        private final Path out;
        private final Path checkpoint;

        private Resumption(TrainConfig cfg, Trainer trainer, Path out, Path checkpoint) {
            this.cfg = cfg;
            this.trainer = trainer;
            this.out = out;
            this.checkpoint = checkpoint;
        }

        /**
         * Continues the run from its checkpoint.
         *
         * @throws NotResumable when a metrics file changed since the check (another process wrote it)
         */
        public List<SeedResult> run(String command, Progress steps) {
            trainer.reportTo(steps);
            return execute(cfg, trainer, out, command, checkpoint);
        }
    }

    /**
     * Checks, writing nothing, that {@code out} holds a run that a resume can continue: not finished, with a
     * complete checkpoint, written with the folder's {@code config.yaml} as it is now, that loads.
     *
     * @throws NotResumable naming what stands in the way (a bad config is the config reader's error)
     */
    public static Resumption prepareResume(Path out, Consumer<String> progress) {
        return prepareResume(out, progress, List.of());
    }

    /** As {@link #prepareResume(Path, Consumer)}, with the extra listeners the run was started with. */
    public static Resumption prepareResume(Path out, Consumer<String> progress, List<TrainingListener> listeners) {
        Path file = out.resolve(TrainCheckpoint.CONFIG);
        if (!Files.isRegularFile(file)) {
            throw new NotResumable(out + " is not a training run folder (no config.yaml)");
        }
        if (RunStatus.COMPLETE.equals(RunStatus.of(out))) {
            throw new NotResumable(out + " is a finished run (manifest.json status complete); nothing is left to"
                    + " continue");
        }
        TrainConfig cfg = ConfigReader.read(file);
        Path ck = TrainCheckpoint.locate(out.resolve(TrainCheckpoint.FOLDER));
        if (ck == null) {
            throw new NotResumable(out + " has no checkpoint (the run stopped before its first, due every"
                    + " logging.checkpoint_every = " + cfg.logging().checkpointEvery() + " steps)",
                    NotResumable.Remedy.START_AGAIN, file);
        }
        String changed = ConfigDifference.between(read(ck.resolve(TrainCheckpoint.CONFIG)), read(file));
        if (changed != null) {
            throw new NotResumable(file + " differs from the config the checkpoint was written with, first at '"
                    + changed + "'", NotResumable.Remedy.RESTORE_CONFIG_OR_START_AGAIN, file);
        }
        Trainer tr = new Trainer(cfg, out, progress, listeners);
        TrainCheckpoint.verify(ck, tr);
        return new Resumption(cfg, tr, out, ck);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new NotResumable(file + " is missing (the checkpoint is damaged)");
        } catch (IOException e) {
            throw IoFailure.of("read", file, e);
        }
    }

    /** Runs {@code tr} from the start, or from the checkpoint {@code resumeFrom} when it is not null. */
    private static List<SeedResult> execute(TrainConfig cfg, Trainer tr, Path out, String command, Path resumeFrom) {
        long t0 = System.nanoTime();
        Manifest m = manifest(cfg, tr, command);
        m.write(out);
        List<SeedResult> results;
        try {
            results = resumeFrom != null ? tr.resume(resumeFrom) : tr.run();
        } catch (IOException e) {
            IoFailure f = IoFailure.of("read", out.resolve(TrainCheckpoint.FOLDER), e);
            RunStatus.mark(out, RunStatus.FAILED, f.getMessage());
            throw f;
        } catch (RuntimeException e) {
            RunStatus.mark(out, RunStatus.FAILED, e.getMessage());
            throw e;
        }
        m.complete();
        // a finished run has nothing to continue; a resume of it then says so instead of redoing the tail
        AtomicFolder.delete(out.resolve(TrainCheckpoint.FOLDER));
        m.put("resumed", resumeFrom != null);
        m.put("elapsed_seconds", (System.nanoTime() - t0) / 1e9);
        m.put("seconds_by_activity", tr.seconds());
        m.put("results", results);
        m.write(out);
        plots(cfg, out);
        String probes = ProbeSummary.write(cfg, out);
        if (probes != null) {
            tr.report(probes);
        }
        VerdictReport.write(cfg, out);
        String hits = VerdictHits.write(cfg, out);
        if (hits != null) {
            tr.report(hits);
        }
        return results;
    }

    @SuppressWarnings("unchecked")
    private static Manifest manifest(TrainConfig cfg, Trainer tr, String command) {
        Manifest m = new Manifest(command);
        Map<String, Object> settings = new ObjectMapper().convertValue(cfg, Map.class);
        for (Map.Entry<String, Object> e : settings.entrySet()) {
            m.setting(e.getKey(), e.getValue());
        }
        m.put("seeds", cfg.seeds());
        m.put("training_data", tr.trainingData().name() + " (" + tr.trainingData().size() + " samples)");
        m.put("blas", Blas.backend());
        m.put("alignment", "theta = |P_D v|^2/|v|^2 (squared), chi = sqrt(theta) (Song et al.); P_D = top-k"
                + " eigenvectors of the reference-set " + (cfg.subspace().operator() == OperatorKind.HESSIAN
                ? "Hessian" : "generalised Gauss-Newton matrix"));
        m.put("layout", "<arm>/seed_<seed>/metrics.csv and metrics.jsonl; base-phase rows repeated in every arm");
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("metrics", MetricsColumn.ALL);
        if (cfg.monitor() != null) {
            columns.put("monitor", MonitorColumn.describe());
        }
        m.put("columns", columns);
        return m;
    }

    /** A metrics or monitor file read back: column → values (NaN where empty or not a number). */
    static Map<String, double[]> readCsv(Path file) {
        CsvTable t = CsvTable.read(file);
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (String h : t.header()) {
            double[] x = new double[t.rows().size()];
            for (int r = 0; r < x.length; r++) {
                try {
                    x[r] = t.number(r, h);
                } catch (NumberFormatException e) {
                    x[r] = Double.NaN;
                }
            }
            cols.put(h, x);
        }
        return cols;
    }

    /** The (x, y) pairs where y is defined. */
    static double[][] defined(double[] x, double[] y) {
        List<double[]> p = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(y[i])) {
                p.add(new double[] {x[i], y[i]});
            }
        }
        double[][] r = new double[2][p.size()];
        for (int i = 0; i < p.size(); i++) {
            r[0][i] = p.get(i)[0];
            r[1][i] = p.get(i)[1];
        }
        return r;
    }

    /** Running mean over a window of w rows (for the noisy mini-batch loss). */
    static double[] runningMean(double[] y, int w) {
        double[] r = new double[y.length];
        double s = 0;
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            s += y[i];
            n++;
            if (n > w) {
                s -= y[i - w];
                n--;
            }
            r[i] = s / n;
        }
        return r;
    }

    /**
     * Draws {@code plots/seed_<seed>.png} from the metrics files of a run folder: reference-set loss, mini-batch loss
     * (mean of 50 steps), χ of the reference gradient, χ of the mini-batch gradient; every arm overlaid; and, with
     * a {@code monitor:} section, {@code plots/monitor_<arm>_seed_<seed>.png} ({@link MonitorPlots}).
     */
    public static void plots(TrainConfig cfg, Path out) {
        try {
            Path dir = out.resolve("plots");
            Files.createDirectories(dir);
            for (long seed : cfg.seeds()) {
                LinePlot ref = new LinePlot("reference-set loss, seed " + seed, "step", "loss");
                LinePlot batch = new LinePlot("mini-batch loss (mean of 50 steps), seed " + seed, "step", "loss");
                LinePlot chi = new LinePlot("chi of the reference gradient (unsquared), seed " + seed, "step", "chi")
                        .yRange(0, 1.02);
                LinePlot bchi = new LinePlot("chi of the mini-batch gradient (unsquared), seed " + seed, "step",
                        "chi").yRange(0, 1.02);
                int i = 0;
                // projected arms first, so that the dashed unprojected arm is drawn on top where they coincide
                List<TrainConfig.Arm> order = new ArrayList<>(cfg.arms());
                order.sort((x, y) -> Boolean.compare(!x.projection().active(), !y.projection().active()));
                for (TrainConfig.Arm a : order) {
                    Path f = out.resolve(a.name()).resolve("seed_" + seed).resolve("metrics.csv");
                    if (!Files.exists(f)) {
                        continue;
                    }
                    Map<String, double[]> c = readCsv(f);
                    Color col = COLORS[i++ % COLORS.length];
                    boolean dashed = !a.projection().active();
                    double[] step = c.get("step");
                    double[][] rl = defined(step, c.get("ref_loss"));
                    ref.line(a.name(), rl[0], rl[1], col, dashed);
                    double[][] bl = defined(step, c.get("batch_loss"));
                    batch.line(a.name(), bl[0], runningMean(bl[1], 50), col, dashed);
                    double[][] rc = defined(step, c.get("ref_chi"));
                    chi.line(a.name(), rc[0], rc[1], col, dashed);
                    double[][] bc = defined(step, c.get("batch_chi"));
                    bchi.line(a.name(), bc[0], runningMean(bc[1], 50), col, dashed);
                }
                LinePlot.saveGrid(List.of(ref, batch, chi, bchi), 2, 2, dir.resolve("seed_" + seed + ".png"));
            }
            MonitorPlots.draw(cfg, out, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
