package org.alignscope.quadlab;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.alignscope.io.AtomicFile;
import org.alignscope.io.CsvWriter;
import org.alignscope.linalg.progress.Progress;
import org.alignscope.quadratic.ExpectedDynamics;
import org.alignscope.quadratic.Projection;
import org.alignscope.quadratic.QuadraticRun;
import org.alignscope.quadratic.paper.PhaseOneFit;
import org.alignscope.quadratic.paper.RidgeRegression;
import org.alignscope.quadratic.paper.StationaryBias;
import org.alignscope.report.LinePlot;
import org.alignscope.theory.Assumption14;
import org.alignscope.theory.ConstantStepTheory;

/**
 * {@code quad reproduce}: the whole of the paper's Section 7 and Appendix B at the paper's settings (d = 500,
 * k = 50, η = 0.003, σ = 0.5, x_0 ~ N(0, I), T = 30,000, nine m, seven seeds): Figures 2/5 and 3/6, the Phase-I
 * fits of B.3, the log-m scaling of B.4, Theorem 15's t* against the observed decrease phase, the summary CSVs and
 * {@code summary.md} putting simulation and theory side by side per m.
 */
public final class PaperReproduction {
    public static final List<String> M_VALUES = List.of("5", "10", "20", "50", "100", "200", "300", "400", "500");
    public static final List<Long> SEEDS = List.of(42L, 87L, 568L, 12138L, 1101L, 70425L, 4008001L);
    /** Steps examined for the early decrease phase (Theorem 15). */
    static final int EARLY = 300;
    /** Fidelity target: |E[alignment] − θ_∞| per m. */
    static final double FIDELITY = 0.01;

    private PaperReproduction() {
    }

    /** The paper's sweep, written to {@code out} on {@code threads} threads; the figures replace the run plots. */
    public static QuadSettings paperSettings(Path out, int threads) {
        return QuadSettings.sweep(Map.ofEntries(Map.entry(QuadSettings.MS, M_VALUES),
                Map.entry(QuadSettings.SEEDS, SEEDS), Map.entry(QuadSettings.D, 500), Map.entry(QuadSettings.K, 50),
                Map.entry(QuadSettings.ETA, 0.003), Map.entry(QuadSettings.SCHEDULE, new ScheduleForm.Constant()),
                Map.entry(QuadSettings.SIGMA, 0.5), Map.entry(QuadSettings.NOISE, new NoiseForm.Isotropic()),
                Map.entry(QuadSettings.SPECTRUM, new SpectrumForm.Authors()), Map.entry(QuadSettings.INIT_SCALE, 1.0),
                Map.entry(QuadSettings.INIT, new InitForm.Gaussian()), Map.entry(QuadSettings.STEP, Projection.SGD),
                Map.entry(QuadSettings.STEPS, 30000L), Map.entry(QuadSettings.STEADY, 10000),
                Map.entry(QuadSettings.STRIDE, 10), Map.entry(QuadSettings.DENSE, false),
                Map.entry(QuadSettings.NO_RUN_PLOTS, true), Map.entry(QuadSettings.THREADS, threads),
                Map.entry(QuadSettings.SWEEP_OUT, out)));
    }

    /** Per-m aggregate over seeds. */
    record PerM(String m, double lambdaRatio, double meanAlignment, double sdOverSeeds, double meanStd,
                double thetaInf, double predictedGap, double thetaInfIsotropic, String tStar, String assumption, int observedMinStep,
                int limitMinStep, double expR2, double polyR2, int polyBetter, int fits) {
    }

    /** Simulates the paper's 63 runs (reporting their progress) and writes the reproduction folder. */
    public static void run(Path out, int threads, String command, Progress progress) {
        QuadSettings settings = paperSettings(out, threads);
        QuadSweep.Simulated simulated = QuadSweep.simulate(settings, command, progress);
        List<QuadSweep.Result> results = simulated.results();
        int seeds = SEEDS.size();
        List<PerM> perM = new ArrayList<>();
        Path figures = out.resolve("figures");
        List<LinePlot> fig5 = new ArrayList<>();
        List<LinePlot> fig2 = new ArrayList<>();
        List<LinePlot> figB3 = new ArrayList<>();
        List<LinePlot> thm15 = new ArrayList<>();
        try (CsvWriter fits = new CsvWriter(out.resolve("phase1_fits.csv"), true, "m", "seed", "cut_step", "points",
                "exp_r2", "poly_r2", "exp_rate", "poly_better")) {
            for (int mi = 0; mi < M_VALUES.size(); mi++) {
                List<QuadSweep.Result> group = results.subList(mi * seeds, (mi + 1) * seeds);
                perM.add(aggregate(group, fits, figB3, thm15));
                QuadSweep.Result first = group.get(0);
                double[][] limit = limitCurve(first);
                List<LinePlot> panels = RunOutputs.panels(first.trajectory(), "m=" + first.m() + ", seed "
                        + first.seed(), first.thetaInf(), limit);
                fig5.addAll(panels);
                if (List.of("5", "20", "50", "200").contains(first.m())) {
                    fig2.addAll(panels);
                }
            }
        }
        List<Runnable> jobs = QuadSweep.outputJobs(results, out, false);
        jobs.addAll(List.of(
                () -> LinePlot.saveGrid(fig2, 4, 2, figures.resolve("fig2_loss_alignment.png")),
                () -> LinePlot.saveGrid(fig5, 9, 2, figures.resolve("fig5_loss_alignment_all_m.png")),
                () -> LinePlot.saveGrid(figB3, 3, 3, figures.resolve("figB3_phase1_fits_seed42.png")),
                () -> LinePlot.saveGrid(thm15, 3, 3, figures.resolve("thm15_decrease_phase.png"))));
        jobs.addAll(plotAlignmentAgainstM(results, perM, figures));
        QuadSweep.inParallel(jobs, threads);
        double[] scaling = writeByM(perM, out.resolve("summary_by_m.csv"));
        writeMarkdown(perM, scaling, results, out.resolve("summary.md"));
        simulated.finish(out);
    }

    private static PerM aggregate(List<QuadSweep.Result> group, CsvWriter fits, List<LinePlot> figB3,
                                  List<LinePlot> thm15) {
        QuadSweep.Result first = group.get(0);
        QuadraticRun run0 = first.trajectory().run();
        ConstantStepTheory theory = new ConstantStepTheory(run0.landscape(), run0.schedule().base());
        double mean = 0;
        double meanStd = 0;
        double expR2 = 0;
        double polyR2 = 0;
        int polyBetter = 0;
        int fitted = 0;
        int n = group.size();
        double[] observed = new double[EARLY + 1];
        double[] limit = new double[EARLY + 1];
        List<String> tStars = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        for (QuadSweep.Result r : group) {
            mean += r.mean() / n;
            meanStd += r.std() / n;
            double[] theta = r.trajectory().theta();
            double[] lim = ExpectedDynamics.of(r.trajectory().run(), EARLY).limitTheta();
            for (int t = 0; t <= EARLY && t < theta.length; t++) {
                observed[t] += theta[t] / n;
                limit[t] += lim[t] / n;
            }
            QuadraticRun run = r.trajectory().run();
            double[] c0Sq = squares(run.init().coordinates(run.spectrum().dimension(), r.seed()));
            Assumption14 a = theory.checkAssumption14(c0Sq);
            OptionalLong ts = theory.tStar(c0Sq);
            tStars.add(ts.isPresent() ? Long.toString(ts.getAsLong()) : "-");
            if (!a.holds()) {
                a.violations().forEach(v -> violations.add("seed " + r.seed() + ": " + v));
            }
            Optional<PhaseOneFit> fit = PhaseOneFit.of(theta);
            if (fit.isPresent()) {
                PhaseOneFit f = fit.get();
                fits.row(r.m(), r.seed(), f.cutStep(), f.points(), f.expR2(), f.polyR2(), f.expRate(),
                        f.polynomialBetter());
                expR2 += f.expR2();
                polyR2 += f.polyR2();
                polyBetter += f.polynomialBetter() ? 1 : 0;
                fitted++;
                if (r == first) {
                    double[] y = new double[f.steps().length];
                    for (int i = 0; i < y.length; i++) {
                        y[i] = theta[(int) f.steps()[i]];
                    }
                    figB3.add(new LinePlot(String.format(Locale.ROOT, "Phase I, m=%s: R² exp %.3f, poly %.3f",
                            r.m(), f.expR2(), f.polyR2()), "step", "θ_t").points("θ_t", f.steps(), y)
                            .line("exponential (ridge on log θ)", f.steps(), f.expCurve(), new Color(214, 39, 40), false)
                            .line("cubic polynomial (ridge)", f.steps(), f.polyCurve(), new Color(31, 119, 180), true));
                }
            } else {
                fits.row(r.m(), r.seed(), null, 0, null, null, null, null);
            }
        }
        double sd = 0;
        for (QuadSweep.Result r : group) {
            sd += (r.mean() - mean) * (r.mean() - mean) / n;
        }
        String tStar = String.join("/", new java.util.LinkedHashSet<>(tStars));
        String assumption = violations.isEmpty() ? "holds" : "assumption violated: " + violations.get(0);
        double[] x = RunOutputs.steps(EARLY + 1);
        LinePlot p = new LinePlot("Decrease phase, m=" + first.m() + (violations.isEmpty() ? ", " + tStarRange(tStars)
                : " (Assumption 14 violated)"), "step", "θ (seed mean)").yRange(0, 1)
                .line("simulated, mean of 7 seeds", x, observed, new Color(31, 119, 180), false)
                .line("limit θ̄_t (Lemma 26)", x, limit, new Color(214, 39, 40), true);
        thm15.add(p);
        return new PerM(first.m(), first.lambdaRatio(), mean, Math.sqrt(sd), meanStd, first.thetaInf(),
                StationaryBias.secondOrder(run0.landscape(), run0.schedule().base()), theory.thetaInfIsotropicSmallEta(), violations.isEmpty() ? tStar : "", assumption,
                argMin(observed), argMin(limit), fitted > 0 ? expR2 / fitted : Double.NaN,
                fitted > 0 ? polyR2 / fitted : Double.NaN, polyBetter, fitted);
    }

    /**
     * Theorem 15's t* over the seeds for a title: {@code t* = 5} when every seed has the same,
     * {@code t* = 5–6 (over seeds)} when they differ; seeds without a t* are left out.
     */
    static String tStarRange(List<String> perSeed) {
        long[] values = perSeed.stream().filter(v -> !v.equals("-")).mapToLong(Long::parseLong).sorted().toArray();
        if (values.length == 0) {
            return "no t*";
        }
        long low = values[0];
        long high = values[values.length - 1];
        return low == high ? "t* = " + low : "t* = " + low + "–" + high + " (over seeds)";
    }

    /**
     * θ̄_t of Lemma 26 (closed form) at 1,000 steps spread evenly over log t from step 1 to the run's end, for the
     * figures' logarithmic step axis.
     */
    static double[][] limitCurve(QuadSweep.Result r) {
        QuadraticRun run = r.trajectory().run();
        ConstantStepTheory theory = new ConstantStepTheory(run.landscape(), run.schedule().base());
        double[] c0Sq = squares(run.init().coordinates(run.spectrum().dimension(), run.seed()));
        int points = 1000;
        double[][] curve = new double[2][points + 1];
        for (int i = 0; i <= points; i++) {
            long t = Math.round(Math.pow(run.steps(), (double) i / points));
            curve[0][i] = t;
            curve[1][i] = theory.limitTheta(c0Sq, t);
        }
        return curve;
    }

    static double[] squares(double[] v) {
        double[] s = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = v[i] * v[i];
        }
        return s;
    }

    static int argMin(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] < v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The figures of E and Std of θ against m (Figs. 3, 6, B.4), as drawing jobs. */
    private static List<Runnable> plotAlignmentAgainstM(List<QuadSweep.Result> results, List<PerM> perM, Path figures) {
        int nm = perM.size();
        double[] m = new double[nm];
        double[] mean = new double[nm];
        double[] std = new double[nm];
        double[] inf = new double[nm];
        double[] meanSd = new double[nm];
        double[] stdSd = new double[nm];
        int seeds = SEEDS.size();
        for (int i = 0; i < nm; i++) {
            m[i] = Double.parseDouble(perM.get(i).m());
            mean[i] = perM.get(i).meanAlignment();
            std[i] = perM.get(i).meanStd();
            inf[i] = perM.get(i).thetaInf();
            meanSd[i] = perM.get(i).sdOverSeeds();
            stdSd[i] = sdOverSeeds(results.subList(i * seeds, (i + 1) * seeds), std[i]);
        }
        Color blue = new Color(31, 119, 180);
        LinePlot e = new LinePlot("E[Alignment] over the last 10,000 steps", "m = λ_k/λ_{k+1}", "E[θ]").logX()
                .errorBars("mean of 7 seeds ± SD over seeds", m, mean, meanSd, blue)
                .line("θ_∞ (Theorem 16)", m, inf, new Color(214, 39, 40), true);
        LinePlot s = new LinePlot("Std[Alignment] over the last 10,000 steps", "m = λ_k/λ_{k+1}", "Std[θ]").logX()
                .errorBars("mean of 7 seeds ± SD over seeds", m, std, stdSd, blue);
        List<Runnable> jobs = new ArrayList<>();
        jobs.add(() -> LinePlot.saveGrid(List.of(e, s), 1, 2, figures.resolve("fig3_alignment_vs_m.png")));
        List<LinePlot> perSeed = new ArrayList<>();
        for (int si = 0; si < seeds; si++) {
            double[] ms = new double[nm];
            double[] ys = new double[nm];
            double[] ss = new double[nm];
            for (int mi = 0; mi < nm; mi++) {
                QuadSweep.Result r = results.get(mi * seeds + si);
                ms[mi] = m[mi];
                ys[mi] = r.mean();
                ss[mi] = r.std();
            }
            perSeed.add(new LinePlot("Seed " + SEEDS.get(si) + ": E[θ]", "m", "E[θ]").logX()
                    .line("simulation", ms, ys, new Color(31, 119, 180), false)
                    .line("θ_∞", m, inf, new Color(214, 39, 40), true));
            perSeed.add(new LinePlot("Seed " + SEEDS.get(si) + ": Std[θ]", "m", "Std[θ]").logX().line("simulation", ms, ss));
        }
        jobs.add(() -> LinePlot.saveGrid(perSeed, seeds, 2, figures.resolve("fig6_alignment_vs_m_per_seed.png")));
        double[] logM = new double[nm];
        double[] gap = new double[nm];
        double[] gapInf = new double[nm];
        for (int i = 0; i < nm; i++) {
            logM[i] = Math.log(m[i]);
            gap[i] = 1 - mean[i];
            gapInf[i] = 1 - inf[i];
        }
        double[] fit = ols(logM, mean);
        double[] line = new double[nm];
        for (int i = 0; i < nm; i++) {
            line[i] = fit[0] + fit[1] * logM[i];
        }
        LinePlot b4 = new LinePlot(String.format(Locale.ROOT, "B.4: E[θ] = %.3f + %.3f ln m (R² %.3f)", fit[0], fit[1],
                fit[2]), "ln m", "E[θ]").points("mean of 7 seeds", logM, mean)
                .line("least squares", logM, line, new Color(214, 39, 40), false);
        LinePlot b4b = new LinePlot("B.4: 1 − E[θ] against m (log-log)", "m", "1 − E[θ]").logX().logY()
                .points("simulation", m, gap).line("1 − θ_∞", m, gapInf, new Color(214, 39, 40), true);
        jobs.add(() -> LinePlot.saveGrid(List.of(b4, b4b), 1, 2, figures.resolve("figB4_alignment_vs_log_m.png")));
        return jobs;
    }

    /** The standard deviation over seeds of the runs' Std[θ] around their mean {@code mean}. */
    private static double sdOverSeeds(List<QuadSweep.Result> group, double mean) {
        double sum = 0;
        for (QuadSweep.Result r : group) {
            sum += (r.std() - mean) * (r.std() - mean) / group.size();
        }
        return Math.sqrt(sum);
    }

    /** Ordinary least squares y = a + b x: {a, b, R²}. */
    static double[] ols(double[] x, double[] y) {
        double[][] rows = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            rows[i] = new double[] {x[i]};
        }
        RidgeRegression r = RidgeRegression.fit(rows, y, 0);
        double[] pred = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            pred[i] = r.predict(rows[i]);
        }
        double b = r.rawSlope(0);
        double meanX = 0;
        for (double v : x) {
            meanX += v / x.length;
        }
        return new double[] {r.intercept() - b * meanX, b, RidgeRegression.rSquared(y, pred)};
    }

    /** Writes summary_by_m.csv; returns the B.4 fits {a, b, R² of E vs ln m, slope and R² of ln(1−E) vs ln m}. */
    private static double[] writeByM(List<PerM> perM, Path file) {
        try (CsvWriter csv = new CsvWriter(file, true, "m", "lambda_ratio", "mean_alignment", "sd_over_seeds",
                "mean_std_alignment", "theta_inf", "mean_minus_theta_inf", "predicted_finite_d_gap",
                "theta_inf_isotropic_small_eta", "t_star",
                "assumption14", "observed_min_step", "limit_min_step", "exp_r2", "poly_r2", "poly_better_seeds")) {
            for (PerM p : perM) {
                csv.row(p.m(), p.lambdaRatio(), p.meanAlignment(), p.sdOverSeeds(), p.meanStd(), p.thetaInf(),
                        p.meanAlignment() - p.thetaInf(), p.predictedGap(), p.thetaInfIsotropic(), p.tStar(), p.assumption(),
                        p.observedMinStep(), p.limitMinStep(), p.expR2(), p.polyR2(), p.polyBetter() + "/" + p.fits());
            }
        }
        int n = perM.size();
        double[] logM = new double[n];
        double[] e = new double[n];
        double[] logGap = new double[n];
        for (int i = 0; i < n; i++) {
            logM[i] = Math.log(Double.parseDouble(perM.get(i).m()));
            e[i] = perM.get(i).meanAlignment();
            logGap[i] = Math.log(1 - e[i]);
        }
        double[] lin = ols(logM, e);
        double[] loglog = ols(logM, logGap);
        return new double[] {lin[0], lin[1], lin[2], loglog[1], loglog[2]};
    }

    private static void writeMarkdown(List<PerM> perM, double[] scaling, List<QuadSweep.Result> results, Path file) {
        StringBuilder md = new StringBuilder();
        md.append("# Paper reproduction: Deng et al., Section 7 and Appendix B\n\n");
        md.append("Settings: d = 500, k = 50, η = 0.003, isotropic noise σ = 0.5 (Σ = 0.25 I), x_0 ~ N(0, I), "
                + "T = 30,000 steps, the authors' spectrum (dominant linspace(100, 80, k), bulk linspace(7, 1, d−k) "
                + "rescaled to max λ_k/(m+0.1)), seeds " + SEEDS + ". Alignment θ is the squared ratio "
                + "‖P^D A x‖²/‖A x‖² on the noise-free gradient. E and Std are the mean and population standard "
                + "deviation of θ after each of the last 10,000 updates.\n\n");
        long diverged = results.stream().filter(r -> r.trajectory().diverged()).count();
        md.append("Runs: ").append(results.size()).append(", diverged: ").append(diverged).append(".\n\n");
        md.append("## Simulation against theory, per m\n\n");
        md.append("| m | λ_k/λ_{k+1} | E[θ] (mean of 7 seeds) | sd over seeds | Std[θ] | θ_∞ (Thm 16) | E[θ] − θ_∞ "
                + "| predicted finite-d gap | Σ_Dλ/Σλ (small-η) | t* (Thm 15) | min of mean θ_t at step "
                + "| min of θ̄_t at step |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        double worst = 0;
        for (PerM p : perM) {
            double diff = p.meanAlignment() - p.thetaInf();
            worst = Math.max(worst, Math.abs(diff));
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %.4f | %.4f | %.4f | %.4f | %+.4f | %+.4f | %.4f | %s | %d | %d |%n",
                    p.m(), p.lambdaRatio(), p.meanAlignment(), p.sdOverSeeds(), p.meanStd(), p.thetaInf(), diff,
                    p.predictedGap(), p.thetaInfIsotropic(), p.tStar().isEmpty() ? "assumption violated" : p.tStar(),
                    p.observedMinStep(), p.limitMinStep()));
        }
        md.append(String.format(Locale.ROOT, "%nFidelity: the largest |E[θ] − θ_∞| over m is %.4f (target %.2f): %s.%n%n",
                worst, FIDELITY, worst < FIDELITY ? "met" : "NOT met"));
        md.append(fidelityNote(perM));
        md.append("\n## Theorem 15: the initial decrease phase\n\n");
        for (PerM p : perM) {
            md.append("- m = ").append(p.m()).append(": ").append(p.assumption().equals("holds")
                    ? "Assumption 14 holds; t* = " + p.tStar() + "; the seed-mean θ_t is lowest at step "
                    + p.observedMinStep() + ", the limit curve θ̄_t at step " + p.limitMinStep()
                    : p.assumption() + " (seed-mean θ_t lowest at step " + p.observedMinStep() + ")").append('\n');
        }
        md.append("\nt* lists the values over the seeds (they differ through c_0). It is a lower bound on the length "
                + "of the decrease phase: θ̄_t falls for every t < t*; the phase itself lasts until the minimum. For "
                + "large m the seed-mean θ_t has a long flat bottom near 0, so its argmin there is not sharp.\n");
        md.append("\n## App. B.3: is the Phase-I decay polynomial?\n\n");
        md.append("Fits on t < cut_step (first t with θ_t < min θ + 0.1(θ_1 − min θ)), as in the authors' code "
                + "(ridge α = 1 on standardised features; the exponential model is fitted to log θ and judged on θ). "
                + "Caveat: the window is only the first 8–30 steps and starts at t = 0, where θ stays near 1 before it "
                + "collapses (figB3); a cubic bends to that shoulder and an exponential cannot, so a higher cubic R² "
                + "here says little about the decay law itself.\n\n");
        md.append("| m | mean R² exponential | mean R² cubic | seeds where the cubic fits better |\n|---|---|---|---|\n");
        for (PerM p : perM) {
            md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %d/%d |%n", p.m(), p.expR2(), p.polyR2(),
                    p.polyBetter(), p.fits()));
        }
        md.append(String.format(Locale.ROOT, "%n## App. B.4: logarithmic scaling in m%n%n"
                + "E[θ] = %.4f + %.4f ln m with R² = %.4f. On log-log axes, ln(1 − E[θ]) against ln m has slope %.3f "
                + "(R² %.4f): 1 − E[θ] falls roughly like m^%.2f.%n", scaling[0], scaling[1], scaling[2], scaling[3],
                scaling[4], scaling[3]));
        md.append("\n## Files\n\n- `summary.csv`: one row per (m, seed); `summary_by_m.csv`: the table above; "
                + "`phase1_fits.csv`: the B.3 fits per run.\n- `figures/`: fig2 and fig5 (loss and alignment per m, "
                + "seed 42, with the limit curve θ̄_t and θ_∞), fig3 and fig6 (E and Std of θ against m), figB3, figB4, "
                + "thm15.\n- `m_<m>/seed_<seed>/trajectory.csv`: every run's logged steps.\n");
        AtomicFile.writeString(file, md.toString());
    }

    /** Says how far and in which direction the simulation sits from θ_∞, and why. */
    static String fidelityNote(List<PerM> perM) {
        long below = perM.stream().filter(p -> p.meanAlignment() < p.thetaInf()).count();
        double worstMiss = 0;
        for (PerM p : perM) {
            worstMiss = Math.max(worstMiss, Math.abs(p.meanAlignment() - p.thetaInf() - p.predictedGap()));
        }
        return String.format(Locale.ROOT, "Direction: E[θ] lies below θ_∞ for %d of %d values of m. Why: θ_∞ is the "
                + "d → ∞ limit, a ratio of expectations Σ_D λ²β / Σ λ²β, while the simulation averages the ratio "
                + "θ = s^D/(s^D + s^B) at d = 500. At stationarity c_i ~ N(0, β_i) independently, so s^D and s^B are "
                + "independent with known means and variances, and a second-order expansion of the ratio predicts "
                + "E θ − θ_∞ ≈ (μ_D Var s^B − μ_B Var s^D)/(μ_D + μ_B)³ (column 'predicted finite-d gap'): negative "
                + "because the k = 50 dominant terms fluctuate far more, relative to their mean, than the 450 bulk "
                + "terms. The prediction matches the measured gap to within %.4f for every m. The gap is O(1/d) at a "
                + "fixed k/d: it vanishes in the paper's limit.%n", below, perM.size(), worstMiss);
    }
}
