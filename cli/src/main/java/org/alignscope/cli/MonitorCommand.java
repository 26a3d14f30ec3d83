package org.alignscope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.alignscope.io.AtomicFile;
import org.alignscope.io.CsvWriter;
import org.alignscope.curvature.ReferenceData;
import org.alignscope.quadlab.AuthorsQuadratic;
import org.alignscope.quadlab.CrossCheck;
import org.alignscope.monitor.AlignmentMonitor;
import org.alignscope.monitor.BlockEstimate;
import org.alignscope.monitor.Finding;
import org.alignscope.monitor.MonitorColumn;
import org.alignscope.monitor.MonitorCsv;
import org.alignscope.monitor.MonitorOptions;
import org.alignscope.monitor.MonitorResult;
import org.alignscope.monitor.MonitorRow;
import org.alignscope.monitor.QuadraticSource;
import org.alignscope.report.Manifest;
import org.alignscope.train.CheckpointMonitor;
import org.alignscope.train.MonitorBridge;
import org.alignscope.train.ProbeRow;
import org.alignscope.train.TrainConfig;
import org.alignscope.report.html.ReportPage;
import org.alignscope.settings.Bound;
import org.alignscope.settings.Range;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Setting;
import org.alignscope.settings.Types;
import org.alignscope.settings.Values;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code alignscope monitor}: one evaluation of the alignment monitor. With {@code --quadratic} it runs the general
 * HVP-based path on the paper's quadratic in a random rotated basis and cross-checks it against the exact
 * eigen-coordinate formulas. With {@code --checkpoint DIR --config FILE} it evaluates the monitor once at a
 * saved training checkpoint ({@link CheckpointMonitor}, which declares those settings); with
 * {@code --model-checkpoint DIR --data SOURCE} once at a saved model on a reference set ({@link MonitorAtModel}).
 */
@Command(name = "monitor", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluate the alignment monitor once; --quadratic cross-checks it against the exact theory.",
        modelTransformer = SchemaOptions.class)
final class MonitorCommand implements Callable<Integer>, SchemaCommand {
    static final Setting<Boolean> QUADRATIC = Setting.of("quadratic", Types.flag(), false,
            "Run on the paper's quadratic (authors' spectrum, isotropic noise, x ~ N(0, I)) and write crosscheck.csv.");
    static final Setting<Integer> D = Setting.of("d", Types.integerFrom(3), 200, "Dimension d.");
    static final Setting<Integer> K = Setting.of("k", Types.integer(new Range(Bound.including(1),
            Bound.of("d - 1", v -> v.get(D) - 1))), 20, "Dominant dimension k.");
    static final Setting<Double> M = Setting.of("m", Types.real(new Range(Bound.excluding(1), null)), 10.0,
            "Gap ratio m of the authors' spectrum.");
    static final Setting<Double> SIGMA = Setting.of("sigma", Types.nonNegative(), 0.5, "Isotropic noise sigma.");
    static final Setting<Double> ETA = Setting.of("eta", Types.positive(), 0.003,
            "Step size for the step-dependent outputs; required with --model-checkpoint.");
    static final Setting<Integer> SAMPLES = Setting.of("samples", Types.integerFrom(2), 4000, "Noise samples r.")
            .in("samples");
    static final Setting<Long> SEED = Setting.of("seed", Types.anyLong(), 1L,
            "Seed of the rotation, state and noise; with --model-checkpoint of the Lanczos start, the noise batches"
                    + " and the probes.");
    static final Setting<Double> TOLERANCE = Setting.of("tolerance", Types.positive(), 1e-10,
            "Lanczos relative residual target.");
    static final Setting<Double> THETA_THRESHOLD = Setting.of("theta_threshold", Types.real(0, 1), 0.9,
            "theta above which suspicious-alignment can be reported.");
    static final Setting<Path> OUT = Setting.of("out", Types.path(), Path.of("runs/monitor"), "Output folder.");

    static final Schema SCHEMA = Schema.commandLine("monitor", "Evaluate the alignment monitor once on the paper's"
            + " quadratic, at a saved training checkpoint or at a saved model on a reference set.", QUADRATIC, D, K, M, SIGMA, ETA, SAMPLES, SEED,
            TOLERANCE, THETA_THRESHOLD, CheckpointMonitor.CHECKPOINT, CheckpointMonitor.CONFIG,
            MonitorAtModel.MODEL_CHECKPOINT, ReferenceData.DATA, ReferenceData.DATA_PATH, ReferenceData.LABEL_COLUMN,
            ReferenceData.DATA_SEED, ReferenceData.N, MonitorAtModel.BATCH_SIZE, MonitorAtModel.SAMPLER,
            CheckpointMonitor.PROBE_STEPS, OUT);

    @picocli.CommandLine.Mixin
    OutputOwner owner;

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public Integer call() {
        Values v = SchemaOptions.values(spec);
        Path checkpoint = v.get(CheckpointMonitor.CHECKPOINT);
        Path config = v.get(CheckpointMonitor.CONFIG);
        if (v.get(MonitorAtModel.MODEL_CHECKPOINT) != null) {
            if (checkpoint != null || config != null) {
                throw v.invalid(MonitorAtModel.MODEL_CHECKPOINT, "not allowed with "
                        + CheckpointMonitor.CHECKPOINT.option() + "/" + CheckpointMonitor.CONFIG.option());
            }
            if (v.get(QUADRATIC)) {
                throw v.invalid(QUADRATIC, "not allowed with " + MonitorAtModel.MODEL_CHECKPOINT.option());
            }
            return MonitorAtModel.run(v, owner);
        }
        MonitorAtModel.refuseOwnSettings(v);
        if (checkpoint != null || config != null) {
            if (v.get(QUADRATIC)) {
                throw v.invalid(QUADRATIC, "not allowed with " + CheckpointMonitor.CHECKPOINT.option() + "/"
                        + CheckpointMonitor.CONFIG.option());
            }
            if (checkpoint == null) {
                throw v.invalid(CheckpointMonitor.CHECKPOINT, "required with " + CheckpointMonitor.CONFIG.option());
            }
            if (config == null) {
                throw v.invalid(CheckpointMonitor.CONFIG, "required with " + CheckpointMonitor.CHECKPOINT.option());
            }
            return atCheckpoint(v);
        }
        if (!v.get(QUADRATIC)) {
            throw new IllegalArgumentException(QUADRATIC.option() + ", " + CheckpointMonitor.CHECKPOINT.option()
                    + " DIR " + CheckpointMonitor.CONFIG.option() + " FILE or " + MonitorAtModel.MODEL_CHECKPOINT.option()
                    + " DIR " + ReferenceData.DATA.option() + " SOURCE is required");
        }
        if (v.get(K) >= v.get(D)) {
            // a default k is not checked against the range that a given d sets
            throw v.invalid(K, v.get(K) + " is out of range; allowed: [1, " + (v.get(D) - 1) + "]");
        }
        return owner.write(v.get(OUT), () -> crossCheck(v));
    }

    /** {@code --quadratic}: the monitor against the exact quantities of a quadratic. */
    private int crossCheck(Values v) {
        long t0 = System.nanoTime();
        Path out = v.get(OUT);
        long seed = v.get(SEED);
        QuadraticSource src = AuthorsQuadratic.source(v.get(D), v.get(K), v.get(M), v.get(SIGMA), seed);
        MonitorOptions options = MonitorOptions.of(v.get(K), v.get(SAMPLES)).withLanczosTolerance(v.get(TOLERANCE))
                .withThetaThreshold(v.get(THETA_THRESHOLD)).withSeed(seed);
        CrossCheck cc = CrossCheck.run(src, new AlignmentMonitor(options), v.get(ETA));
        MonitorResult r = cc.result();
        cc.write(out.resolve("crosscheck.csv"));
        try (MonitorCsv csv = new MonitorCsv(out.resolve("monitor.csv"))) {
            csv.write(new MonitorRow(r, Double.NaN));
        }
        writeSensitivity(r, out.resolve("sensitivity.csv"));
        writeEigen(r, out.resolve("eigen.csv"));
        List<String> text = new ArrayList<>();
        for (Finding f : r.findings()) {
            text.add(f.toString());
        }
        AtomicFile.writeString(out.resolve("findings.txt"), lines(text));
        double seconds = (System.nanoTime() - t0) / 1e9;
        Manifest manifest = new Manifest(owner.commandLine());
        v.describe().forEach(manifest::setting);
        manifest.put("source", src.describe()).put("precision", "f64")
                .put("seeds", List.of(seed)).put("crosscheck_passes", cc.passes())
                .put("hvps_eigensolve", r.eigen().applications())
                .put("max_relative_residual", r.eigen().maxRelativeResidual())
                .put("elapsed_seconds", seconds).put("columns", Map.of("monitor", MonitorColumn.describe()))
                .complete().write(out);
        ReportPage.write(out);

        System.out.println("quantity\texact\testimated\trel_error\tstd_error\tpass");
        for (CrossCheck.Row row : cc.rows()) {
            System.out.println(String.format(Locale.ROOT, "%s\t%.10g\t%.10g\t%.2e\t%.2e\t%s", row.quantity(), row.exact(),
                    row.estimated(), row.relError(), row.stdError(), row.passes() ? "ok" : "FAIL"));
        }
        for (Finding f : r.findings()) {
            System.out.println(f);
        }
        System.out.println(String.format(Locale.ROOT, "cross-check %s; wrote %s in %.1f s",
                cc.passes() ? "passed" : "FAILED", out, seconds));
        return cc.passes() ? 0 : 1;
    }

    /** {@code --checkpoint DIR --config FILE}: one evaluation per monitored trajectory, in {@code OUT/<trajectory>/}. */
    private int atCheckpoint(Values v) {
        long t0 = System.nanoTime();
        TrainConfig cfg = TrainCommand.readConfig(v.get(CheckpointMonitor.CONFIG));
        int probeSteps = v.get(CheckpointMonitor.PROBE_STEPS);
        List<CheckpointMonitor.Evaluation> evs = CheckpointMonitor.evaluate(cfg, v.get(CheckpointMonitor.CHECKPOINT),
                probeSteps == 0 ? cfg.monitor() == null ? 0 : cfg.monitor().probeSteps() : probeSteps);
        return owner.write(v.get(OUT), () -> write(v, cfg, evs, t0));
    }

    /** Writes the evaluations at a checkpoint into {@code OUT/<trajectory>/} and prints them. */
    private int write(Values v, TrainConfig cfg, List<CheckpointMonitor.Evaluation> evs, long t0) {
        Path out = v.get(OUT);
        List<String> names = new ArrayList<>();
        for (CheckpointMonitor.Evaluation e : evs) {
            Path dir = out.resolve(e.trajectory());
            CheckpointMonitor.write(e, dir);
            writeSensitivity(e.result(), dir.resolve("sensitivity.csv"));
            writeEigen(e.result(), dir.resolve("eigen.csv"));
            AtomicFile.writeString(dir.resolve("findings.txt"), lines(MonitorBridge.findingLines(e.result())));
            names.add(e.trajectory());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        CheckpointMonitor.Evaluation first = evs.get(0);
        TrainConfig.Monitor m = cfg.monitor();
        Manifest manifest = new Manifest(owner.commandLine());
        v.describe().forEach(manifest::setting);
        Map<String, Object> monitor = new LinkedHashMap<>();
        monitor.put("k", m.describeK());
        if (m.dynamicK() > 0) {
            monitor.put("k_min", m.kMin());
        }
        monitor.put("samples", m.samples());
        monitor.put("k_spread", m.kSpread());
        monitor.put("lanczos_tolerance", m.tolerance());
        monitor.put("theta_threshold", m.thetaThreshold());
        monitor.put("probe_steps", first.probe() == null ? 0 : first.probe().draws());
        manifest.put("monitor", monitor)
                .put("precision", cfg.model().precision().toString().toLowerCase(java.util.Locale.ROOT))
                .put("data", cfg.data())
                .put("seeds", List.of(first.seed())).put("step", first.result().step())
                .put("trajectories", names).put("elapsed_seconds", seconds)
                .put("columns", Map.of("monitor", MonitorColumn.describe())).complete().write(out);
        ReportPage.write(out);
        printHeader();
        evs.forEach(MonitorCommand::print);
        System.out.println(String.format(Locale.ROOT, "wrote %s in %.1f s", out, seconds));
        return 0;
    }

    /** The header of the table {@link #print} prints a row of. */
    static void printHeader() {
        System.out.println("trajectory	step	theta	eta	eta_star	eta_loss_dom	eta_loss_bulk	dloss_pred	dloss_real"
                + "	findings");
    }

    /** One evaluation as a row of the table, then its probe's outcomes (if any). */
    static void print(CheckpointMonitor.Evaluation e) {
        MonitorResult r = e.result();
        BlockEstimate b = r.main();
        System.out.println(String.format(Locale.ROOT, "%s	%d	%.6g	%.6g	%.6g	%.6g	%.6g	%.6g	%.6g	%s",
                e.trajectory(), r.step(), b.theta(), r.eta(), b.etaStar().value(), b.etaLossDom().value(),
                b.etaLossBulk().value(), b.dlossPred().value(), e.dlossReal(), r.findingCodes()));
        if (e.probe() == null) {
            return;
        }
        for (String sub : List.of("dom", "bulk")) {
            var o = sub.equals("dom") ? e.probe().dom() : e.probe().bulk();
            System.out.println(String.format(Locale.ROOT, "  probe %s: predicted %.4g ± %.2g, realised %.4g ± %.2g"
                    + " over %d steps (z = %.2f), signs %s, %.0f%% of draws agree", sub, o.predicted().value(),
                    o.predicted().stdError(), o.mean(), o.se(), e.probe().draws(), o.z(),
                    o.signAgrees() ? "agree" : "differ", 100 * o.drawsAgree()));
        }
        for (ProbeRow t : e.thetaProbe()) {
            System.out.println(String.format(Locale.ROOT, "  probe %s at eta %.4g: predicted %s change %.4g,"
                    + " realised %.4g ± %.2g (z = %.2f), %s", t.kind(), t.eta(), t.group().equals("theta") ? "theta" : "loss",
                    t.predicted(),
                    t.realisedMean(), t.realisedSe(), t.z(), t.outcome().name().toLowerCase(Locale.ROOT)));
        }
    }

    /** Lines as the text of a file, each ended by a line break. */
    static String lines(List<String> lines) {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            b.append(l).append('\n');
        }
        return b.toString();
    }

    static void writeSensitivity(MonitorResult r, Path file) {
        double[] lam = r.eigen().values();
        try (CsvWriter w = new CsvWriter(file, false, "k", "lambda_k", "lambda_k1", "gap", "gap_ratio", "theta", "chi",
                "eta_star", "eta_star_se", "sign_case", "eta_loss_dom", "eta_loss_bulk", "theta_crit")) {
            for (BlockEstimate b : r.sensitivity()) {
                int kk = b.k();
                double lk = lam[kk - 1];
                double lk1 = kk < lam.length ? lam[kk] : Double.NaN;
                w.row(kk, lk, lk1, lk - lk1, lk1 > 0 ? lk / lk1 : Double.NaN, b.theta(), b.chi(), b.etaStar().value(),
                        b.etaStar().stdError(), b.signCase().code(), b.etaLossDom().value(), b.etaLossBulk().value(),
                        b.thetaCrit().value());
            }
        }
    }

    static void writeEigen(MonitorResult r, Path file) {
        MonitorResult.EigenSummary e = r.eigen();
        try (CsvWriter w = new CsvWriter(file, false, "index", "lambda", "residual", "converged")) {
            for (int i = 0; i < e.values().length; i++) {
                w.row(i + 1, e.values()[i], e.residuals()[i], e.converged()[i]);
            }
        }
    }
}
