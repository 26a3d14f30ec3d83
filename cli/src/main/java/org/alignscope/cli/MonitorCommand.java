package org.alignscope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.alignscope.io.AtomicFile;
import org.alignscope.monitor.AlignmentMonitor;
import org.alignscope.monitor.BlockEstimate;
import org.alignscope.monitor.CrossCheck;
import org.alignscope.monitor.Finding;
import org.alignscope.monitor.MonitorColumn;
import org.alignscope.monitor.MonitorCsv;
import org.alignscope.monitor.MonitorOptions;
import org.alignscope.monitor.MonitorResult;
import org.alignscope.monitor.MonitorRow;
import org.alignscope.monitor.QuadraticSource;
import org.alignscope.report.CsvWriter;
import org.alignscope.report.Manifest;
import org.alignscope.train.CheckpointMonitor;
import org.alignscope.train.MonitorBridge;
import org.alignscope.train.TrainConfig;
import org.alignscope.report.html.ReportPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code alignscope monitor}: one evaluation of the alignment monitor. With {@code --quadratic} it runs the general
 * HVP-based path on the paper's quadratic in a random rotated basis and cross-checks it against the exact
 * eigen-coordinate formulas. With {@code --checkpoint DIR --config FILE} it evaluates the monitor once at a
 * saved training checkpoint ({@link CheckpointMonitor}).
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = "Evaluate the alignment monitor once; --quadratic cross-checks it against the exact theory.")
final class MonitorCommand implements Callable<Integer> {
    @Option(names = "--quadratic", description = "Run on the paper's quadratic (authors' spectrum, isotropic noise, x ~ N(0, I)) and write crosscheck.csv.")
    boolean quadratic;

    @Option(names = "--d", defaultValue = "200", description = "Dimension d (default: ${DEFAULT-VALUE}).")
    int d;

    @Option(names = "--k", defaultValue = "20", description = "Dominant dimension k, 1 <= k < d (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--m", defaultValue = "10", description = "Gap ratio m > 1 of the authors' spectrum (default: ${DEFAULT-VALUE}).")
    double m;

    @Option(names = "--sigma", defaultValue = "0.5", description = "Isotropic noise sigma >= 0 (default: ${DEFAULT-VALUE}).")
    double sigma;

    @Option(names = "--eta", defaultValue = "0.003", description = "Step size for the step-dependent outputs (default: ${DEFAULT-VALUE}).")
    double eta;

    @Option(names = "--samples", defaultValue = "4000", description = "Noise samples r >= 2 (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the rotation, state and noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--tolerance", defaultValue = "1e-10", description = "Lanczos relative residual target (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--theta-threshold", defaultValue = "0.9", description = "theta above which suspicious-alignment can be reported (default: ${DEFAULT-VALUE}).")
    double thetaThreshold;

    @Option(names = "--checkpoint", paramLabel = "DIR", description = "A training run folder (or its checkpoint/ folder) to evaluate the monitor at; needs --config.")
    Path checkpoint;

    @Option(names = "--config", paramLabel = "FILE", description = "With --checkpoint: the run's YAML config with a monitor: section (data, model, batch size, monitor settings).")
    Path config;

    @Option(names = "--probe-steps", paramLabel = "R", defaultValue = "0", description = "With --checkpoint: take R dominant- and R bulk-projected SGD steps from the evaluated state (one mini-batch each) and compare the mean realised loss change with the prediction (probe.csv); 0 = the config's monitor.probe_steps.")
    int probeSteps;

    @Option(names = "--out", defaultValue = "runs/monitor", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @picocli.CommandLine.Mixin
    OutputOwner owner;

    @Override
    public Integer call() {
        if (checkpoint != null || config != null) {
            if (quadratic) {
                throw new IllegalArgumentException("--quadratic: not allowed with --checkpoint/--config");
            }
            if (checkpoint == null || config == null) {
                throw new IllegalArgumentException(checkpoint == null ? "--checkpoint: required with --config"
                        : "--config: required with --checkpoint");
            }
            return atCheckpoint();
        }
        if (!quadratic) {
            throw new IllegalArgumentException("--quadratic or --checkpoint DIR --config FILE is required");
        }
        if (d < 3) {
            throw new IllegalArgumentException("--d: must be at least 3 (got " + d + ")");
        }
        if (k < 1 || k >= d) {
            throw new IllegalArgumentException("--k: must be in [1, d-1] = [1, " + (d - 1) + "] (got " + k + ")");
        }
        if (!(m > 1)) {
            throw new IllegalArgumentException("--m: must be > 1 (got " + m + ")");
        }
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("--sigma: must be finite and >= 0 (got " + sigma + ")");
        }
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("--eta: must be finite and > 0 (got " + eta + ")");
        }
        if (samples < 2) {
            throw new IllegalArgumentException("--samples: must be at least 2 (got " + samples + ")");
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("--tolerance: must be > 0 (got " + tolerance + ")");
        }
        if (!(thetaThreshold >= 0 && thetaThreshold <= 1)) {
            throw new IllegalArgumentException("--theta-threshold: must lie in [0, 1] (got " + thetaThreshold + ")");
        }
        return owner.write(out, () -> crossCheck());
    }

    /** {@code --quadratic}: the monitor against the exact quantities of a quadratic. */
    private int crossCheck() {
        long t0 = System.nanoTime();
        QuadraticSource src = QuadraticSource.authors(d, k, m, sigma, seed);
        MonitorOptions options = MonitorOptions.of(k, samples).withLanczosTolerance(tolerance)
                .withThetaThreshold(thetaThreshold).withSeed(seed);
        CrossCheck cc = CrossCheck.run(src, new AlignmentMonitor(options), eta);
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
        new Manifest("alignscope monitor --quadratic")
                .setting("d", d).setting("k", k).setting("m", m).setting("sigma", sigma).setting("eta", eta)
                .setting("samples", samples).setting("seed", seed).setting("lanczos_tolerance", tolerance)
                .setting("theta_threshold", thetaThreshold).setting("source", src.describe())
                .put("precision", "f64")
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
    private int atCheckpoint() {
        long t0 = System.nanoTime();
        TrainConfig cfg = TrainCommand.readConfig(config);
        List<CheckpointMonitor.Evaluation> evs = CheckpointMonitor.evaluate(cfg, checkpoint,
                probeSteps == 0 ? cfg.monitor() == null ? 0 : cfg.monitor().probeSteps() : probeSteps);
        return owner.write(out, () -> write(cfg, evs, t0));
    }

    /** Writes the evaluations at a checkpoint into {@code OUT/<trajectory>/} and prints them. */
    private int write(TrainConfig cfg, List<CheckpointMonitor.Evaluation> evs, long t0) {
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
        new Manifest("alignscope monitor --checkpoint " + checkpoint + " --config " + config)
                .setting("checkpoint", checkpoint.toString()).setting("config", config.toString())
                .setting("k", m.k()).setting("samples", m.samples()).setting("k_spread", m.kSpread())
                .setting("lanczos_tolerance", m.tolerance()).setting("theta_threshold", m.thetaThreshold())
                .put("precision", cfg.model().precision().toString().toLowerCase(java.util.Locale.ROOT))
                .put("data", cfg.data())
                .setting("probe_steps", first.probe() == null ? 0 : first.probe().draws())
                .put("seeds", List.of(first.seed())).put("step", first.result().step())
                .put("trajectories", names).put("elapsed_seconds", seconds)
                .put("columns", Map.of("monitor", MonitorColumn.describe())).complete().write(out);
        ReportPage.write(out);
        System.out.println("trajectory	step	theta	eta	eta_star	eta_loss_dom	eta_loss_bulk	dloss_pred	dloss_real"
                + "	findings");
        for (CheckpointMonitor.Evaluation e : evs) {
            MonitorResult r = e.result();
            BlockEstimate b = r.main();
            System.out.println(String.format(Locale.ROOT, "%s	%d	%.6g	%.6g	%.6g	%.6g	%.6g	%.6g	%.6g	%s",
                    e.trajectory(), r.step(), b.theta(), r.eta(), b.etaStar().value(), b.etaLossDom().value(),
                    b.etaLossBulk().value(), b.dlossPred().value(), e.dlossReal(), r.findingCodes()));
            if (e.probe() != null) {
                for (String sub : List.of("dom", "bulk")) {
                    var o = sub.equals("dom") ? e.probe().dom() : e.probe().bulk();
                    System.out.println(String.format(Locale.ROOT, "  probe %s: predicted %.4g ± %.2g, realised %.4g ± %.2g"
                            + " over %d steps (z = %.2f), signs %s, %.0f%% of draws agree", sub, o.predicted().value(),
                            o.predicted().stdError(), o.mean(), o.se(), e.probe().draws(), o.z(),
                            o.signAgrees() ? "agree" : "differ", 100 * o.drawsAgree()));
                }
            }
        }
        System.out.println(String.format(Locale.ROOT, "wrote %s in %.1f s", out, seconds));
        return 0;
    }

    /** The k ± spread table: the eigengap profile and θ, η* for each k'. */
    /** Lines as the text of a file, each ended by a line break. */
    private static String lines(List<String> lines) {
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
