package org.alignscope.quadlab;

import java.awt.Color;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.alignscope.io.CsvWriter;
import org.alignscope.quadratic.StepDiagnostics;
import org.alignscope.quadratic.Trajectory;
import org.alignscope.report.LinePlot;

/** The files of one quadratic run: {@code trajectory.csv} and {@code plot.png}. */
final class RunOutputs {
    static final String[] TRAJECTORY_HEADER = {"step", "loss", "theta", "eta_star", "regime", "eta_loss_dom",
        "eta_loss_bulk", "theta_crit"};

    private RunOutputs() {
    }

    static void writeTrajectory(Trajectory tr, Path file) {
        try (CsvWriter csv = new CsvWriter(file, false, TRAJECTORY_HEADER)) {
            for (StepDiagnostics s : StepDiagnostics.of(tr)) {
                csv.row(s.step(), s.loss(), s.theta(), s.etaStar(), s.regime().code(), s.etaLossDom(),
                        s.etaLossBulk(), s.thetaCrit());
            }
        }
    }

    static double[] steps(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    /**
     * Loss (log scale) and alignment against step on a logarithmic step axis from step 1, side by side, so that the
     * first hundred steps (alignment falling, then rising) take as much width as the thousands after them; a diverged
     * run says where in its titles. {@code limit} is the limit curve θ̄_t as {steps, values}, or null.
     */
    static List<LinePlot> panels(Trajectory tr, String name, double thetaInf, double[][] limit) {
        int n = tr.theta().length;
        double[] x = Arrays.copyOfRange(steps(n), 1, n);
        String suffix = tr.diverged() ? " — DIVERGED at step " + tr.divergedStep().getAsInt() : "";
        LinePlot loss = new LinePlot("Loss, " + name + suffix, "step (log scale)", "loss ½xᵀAx").logX().logY()
                .line("loss", x, Arrays.copyOfRange(tr.loss(), 1, n));
        LinePlot align = new LinePlot("Alignment θ (squared), " + name + suffix, "step (log scale)", "θ_t").logX()
                .yRange(0, 1).line("θ_t simulated", x, Arrays.copyOfRange(tr.theta(), 1, n), new Color(31, 119, 180),
                        false);
        if (limit != null) {
            align.line("θ̄_t limit (Lemma 26)", limit[0], limit[1], new Color(214, 39, 40), true);
        }
        if (Double.isFinite(thetaInf)) {
            align.line("θ_∞ (Thm 16)", new double[] {1, Math.max(1, n - 1)}, new double[] {thetaInf, thetaInf},
                    new Color(44, 160, 44), true);
        }
        return List.of(loss, align);
    }

    static void plot(Trajectory tr, String name, double thetaInf, double[][] limit, Path file) {
        LinePlot.saveGrid(panels(tr, name, thetaInf, limit), 1, 2, file);
    }
}
