package org.alignscope.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alignscope.report.LinePlot;

/**
 * Draws {@code plots/monitor_<arm>_seed_<seed>.png} from a monitored arm's {@code monitor.csv}: θ of the reference
 * gradient (the paper's squared alignment on the monitor's top-k eigenvectors) with the suspicious-alignment
 * threshold; the step size η against η*<sub>t</sub> and the interval (η<sup>loss</sup><sub>D</sub>,
 * η<sup>loss</sup><sub>B</sub>) on a log axis (an unbounded value, {@code inf}, is not drawn); and, when the run
 * probed ({@code monitor.probe_steps}), the predicted against the mean realised loss change of the dominant- and
 * bulk-projected steps.
 */
final class MonitorPlots {
    /** The step-size columns of monitor.csv and their symbols in the figure's legend. */
    private static final Map<String, String> ETA_COLUMNS = new LinkedHashMap<>();

    static {
        ETA_COLUMNS.put("eta", "η");
        ETA_COLUMNS.put("eta_star", "η*");
        ETA_COLUMNS.put("eta_loss_dom", "η^{loss}_D");
        ETA_COLUMNS.put("eta_loss_bulk", "η^{loss}_B");
    }

    private MonitorPlots() {
    }

    static void draw(TrainConfig cfg, Path out, Path dir) throws IOException {
        if (cfg.monitor() == null) {
            return;
        }
        for (long seed : cfg.seeds()) {
            for (TrainConfig.Arm a : cfg.arms()) {
                Path f = out.resolve(a.name()).resolve("seed_" + seed).resolve("monitor.csv");
                if (!cfg.monitor().monitors(a.name()) || !Files.exists(f)) {
                    continue;
                }
                Map<String, double[]> c = TrainExperiment.readCsv(f);
                double[] step = c.get("step");
                if (step.length == 0) {
                    continue;
                }
                String what = a.name() + ", seed " + seed;
                LinePlot theta = new LinePlot("θ of the reference gradient (squared, top k = " + cfg.monitor().describeK()
                        + "), " + what, "step", "θ").yRange(0, 1.02);
                double[][] th = finite(step, c.get("theta"));
                theta.line("θ", th[0], th[1]);
                double[] level = new double[] {cfg.monitor().thetaThreshold(), cfg.monitor().thetaThreshold()};
                theta.line("threshold " + cfg.monitor().thetaThreshold(), new double[] {step[0], step[step.length - 1]},
                        level, java.awt.Color.GRAY, true);
                LinePlot eta = new LinePlot("η against η* and (η^{loss}_D, η^{loss}_B), " + what, "step",
                        "step size").logY();
                for (Map.Entry<String, String> col : ETA_COLUMNS.entrySet()) {
                    double[][] p = finite(step, c.get(col.getKey()));
                    eta.line(col.getValue(), p[0], p[1]);
                }
                List<LinePlot> panels = new ArrayList<>(List.of(theta, eta));
                if (c.containsKey("probe_dom_mean")) {
                    LinePlot probe = new LinePlot("projected steps: predicted vs mean realised loss change, " + what,
                            "step", "loss change");
                    probe.line("dom predicted", finite(step, c.get("dloss_dom"))[0], finite(step, c.get("dloss_dom"))[1]);
                    probe.points("dom realised", finite(step, c.get("probe_dom_mean"))[0],
                            finite(step, c.get("probe_dom_mean"))[1]);
                    probe.line("bulk predicted", finite(step, c.get("dloss_bulk"))[0],
                            finite(step, c.get("dloss_bulk"))[1]);
                    probe.points("bulk realised", finite(step, c.get("probe_bulk_mean"))[0],
                            finite(step, c.get("probe_bulk_mean"))[1]);
                    panels.add(probe);
                }
                LinePlot.saveGrid(panels, panels.size(), 1, dir.resolve("monitor_" + a.name() + "_seed_" + seed + ".png"));
            }
        }
    }

    /** The (x, y) pairs where y is finite. */
    private static double[][] finite(double[] x, double[] y) {
        double[] yy = y.clone();
        for (int i = 0; i < yy.length; i++) {
            if (!Double.isFinite(yy[i])) {
                yy[i] = Double.NaN;
            }
        }
        return TrainExperiment.defined(x, yy);
    }
}
