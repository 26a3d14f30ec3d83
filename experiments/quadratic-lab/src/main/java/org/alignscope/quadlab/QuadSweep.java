package org.alignscope.quadlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.alignscope.io.CsvWriter;
import org.alignscope.sweep.Cell;
import org.alignscope.sweep.Outcome;
import org.alignscope.sweep.Sweep;
import org.alignscope.sweep.SweepConfig;
import org.alignscope.sweep.SweepSummary;
import org.alignscope.linalg.progress.Counter;
import org.alignscope.linalg.progress.Progress;
import org.alignscope.quadratic.DenseSimulator;
import org.alignscope.quadratic.EigenSimulator;
import org.alignscope.quadratic.Projection;
import org.alignscope.quadratic.QuadraticRun;
import org.alignscope.quadratic.StepDiagnostics;
import org.alignscope.quadratic.Trajectory;
import org.alignscope.report.LinePlot;
import org.alignscope.report.Manifest;
import org.alignscope.theory.ConstantStepTheory;

/**
 * {@code quad sweep} and {@code quad run}: simulates every (m, seed), then writes {@code summary.csv},
 * {@code m_<m>/seed_<seed>/trajectory.csv} and {@code plot.png}, overlay plots and {@code manifest.json}.
 * A diverged run is marked in the summary and its plot; the other runs are unaffected.
 */
public final class QuadSweep {
    static final String[] SUMMARY_HEADER = {"m", "lambda_ratio", "seed", "mean_alignment", "std_alignment",
        "theta_inf", "status", "diverged_step"};

    /** One run's outcome. {@code mean}/{@code std} are NaN for a diverged run. */
    public record Result(String m, long seed, Trajectory trajectory, double mean, double std, double thetaInf) {
        public double lambdaRatio() {
            return trajectory.run().spectrum().lambdaRatio();
        }
    }

    private QuadSweep() {
    }

    /**
     * Runs the sweep and writes its folder ({@link QuadSettings#out}); unless the settings say
     * {@code no_run_plots}, every run folder gets a {@code plot.png} (the reproduction draws its own figures
     * instead).
     */
    public static List<Result> run(QuadSettings settings, String command) {
        return run(settings, command, Progress.NONE);
    }

    /** As {@link #run(QuadSettings, String)}, reporting the simulation's progress. */
    public static List<Result> run(QuadSettings settings, String command, Progress progress) {
        Path out = settings.out();
        int threads = settings.get(QuadSettings.THREADS);
        Simulated s = simulate(settings, command, progress);
        List<Runnable> jobs = outputJobs(s.results(), out, !settings.get(QuadSettings.NO_RUN_PLOTS));
        if (s.results().size() > 1) {
            jobs.add(() -> writeHeatmaps(settings, s.results(), out));
        }
        inParallel(jobs, threads);
        s.finish(out);
        return s.results();
    }

    /** The simulated runs of a sweep whose manifest still waits for its elapsed time. */
    record Simulated(List<Result> results, Manifest manifest, long startNanos) {
        void finish(Path out) {
            manifest.put("elapsed_seconds", (System.nanoTime() - startNanos) / 1e9)
                    .put("diverged_runs", results.stream().filter(r -> r.trajectory().diverged()).count())
                    .complete().write(out);
        }
    }

    /** Checks the settings, writes the manifest, simulates every run and writes {@code summary.csv}. */
    static Simulated simulate(QuadSettings settings, String command, Progress progress) {
        Path out = settings.out();
        int threads = settings.get(QuadSettings.THREADS);
        List<QuadraticRun> runs = settings.runs();
        long start = System.nanoTime();
        Manifest manifest = new Manifest(command).put("seeds", settings.seeds()).put("threads", threads)
                .put("precision", "f64");
        settings.describe().forEach(manifest::setting);
        manifest.write(out);
        LinePlot.warmUpInBackground();
        List<Trajectory> trajectories = simulate(settings, runs, threads, progress);
        List<Result> results = new ArrayList<>();
        int perM = settings.seeds().size();
        for (int i = 0; i < runs.size(); i++) {
            Trajectory tr = trajectories.get(i);
            double[] stats = tr.steadyAlignment(settings.get(QuadSettings.STEADY)).orElse(new double[] {Double.NaN, Double.NaN});
            results.add(new Result(settings.ms().get(i / perM), runs.get(i).seed(), tr, stats[0], stats[1],
                    thetaInf(runs.get(i))));
        }
        writeSummary(results, out.resolve("summary.csv"));
        return new Simulated(results, manifest, start);
    }

    /** Progress: the eigen-coordinate simulator's block-steps, or finished runs for the dense one. */
    static List<Trajectory> simulate(QuadSettings settings, List<QuadraticRun> runs, int threads, Progress progress) {
        if (!settings.get(QuadSettings.DENSE)) {
            return EigenSimulator.runAll(runs, threads, progress);
        }
        Counter done = progress.counter(runs.size());
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> runs.parallelStream()
                    .map(r -> {
                        Trajectory t = DenseSimulator.run(r, DenseSimulator.randomRotation(r.spectrum().dimension(), r.seed()));
                        done.add(1);
                        return t;
                    })
                    .toList()).join();
        } finally {
            pool.shutdown();
        }
    }

    /**
     * θ_∞ of Theorem 16 for a plain SGD run with a constant step η &lt; 2/λ_1 (where the stationary second moments
     * exist) and some noise (without noise the formula is 0/0); NaN (an empty field) otherwise.
     */
    static double thetaInf(QuadraticRun run) {
        boolean stable = run.schedule().base() * run.spectrum().eigenvalue(0) < 2;
        boolean noisy = Arrays.stream(run.landscape().kappaSq()).anyMatch(v -> v > 0);
        if (!run.schedule().isConstant() || !run.projection().equals(Projection.SGD) || !stable || !noisy) {
            return Double.NaN;
        }
        return new ConstantStepTheory(run.landscape(), run.schedule().base()).thetaInf();
    }

    static void writeSummary(List<Result> results, Path file) {
        try (CsvWriter csv = new CsvWriter(file, true, SUMMARY_HEADER)) {
            for (Result r : results) {
                Trajectory tr = r.trajectory();
                csv.row(r.m(), r.lambdaRatio(), r.seed(), r.mean(), r.std(), r.thetaInf(),
                        tr.diverged() ? "diverged" : "ok", tr.diverged() ? tr.divergedStep().getAsInt() : null);
            }
        }
    }

    static Path runFolder(Path out, Result r) {
        return out.resolve("m_" + r.m()).resolve("seed_" + r.seed());
    }

    /** The files of every run folder and the overlays, as independent jobs. */
    static List<Runnable> outputJobs(List<Result> results, Path out, boolean runPlots) {
        List<Runnable> jobs = new ArrayList<>();
        jobs.add(() -> writeOverlays(results, out));
        for (Result r : results) {
            Path dir = runFolder(out, r);
            jobs.add(() -> RunOutputs.writeTrajectory(r.trajectory(), dir.resolve("trajectory.csv")));
            if (runPlots) {
                jobs.add(() -> RunOutputs.plot(r.trajectory(), "m=" + r.m() + ", seed " + r.seed(), r.thetaInf(), null,
                        dir.resolve("plot.png")));
            }
        }
        return jobs;
    }

    /**
     * The sweep engine's {@code plots/heatmap_<metric>.png} over the m × seed grid: final loss and θ (the last
     * trajectory row) and the fraction of trajectory rows in each regime; diverged runs are marked.
     */
    static void writeHeatmaps(QuadSettings settings, List<Result> results, Path out) {
        Map<String, List<JsonNode>> grid = new LinkedHashMap<>();
        grid.put("m", settings.ms().stream().map(m -> (JsonNode) JsonNodeFactory.instance.textNode(m)).toList());
        grid.put("seed", settings.seeds().stream().map(x -> (JsonNode) JsonNodeFactory.instance.numberNode(x)).toList());
        SweepConfig config = new SweepConfig("quad-run", null, Map.of(), grid, null);
        List<Cell> cells = Cell.expand(grid);
        List<Sweep.CellResult> cellResults = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Trajectory tr = results.get(i).trajectory();
            Outcome o;
            if (tr.diverged()) {
                o = Outcome.diverged("diverged at step " + tr.divergedStep().getAsInt());
            } else {
                StepDiagnostics[] rows = StepDiagnostics.of(tr);
                StepDiagnostics last = rows[rows.length - 1];
                o = Outcome.complete(last.loss(), last.theta(), Arrays.stream(rows).map(r -> r.regime().code()).toList());
            }
            cellResults.add(new Sweep.CellResult(cells.get(i), o, Double.NaN, false));
        }
        SweepSummary.heatmaps(config, cellResults, out);
    }

    /** Runs independent jobs (files to write) on {@code threads} threads and waits for all of them. */
    static void inParallel(List<Runnable> jobs, int threads) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> jobs.parallelStream().forEach(Runnable::run)).join();
        } finally {
            // when a job fails, the others still running finish before the failure is reported: no file is written
            // after the command has ended
            pool.shutdown();
            boolean interrupted = false;
            while (!pool.isTerminated()) {
                try {
                    pool.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * {@code loss.png} and {@code alignment.png}: every run when the sweep has one m, else the first seed of each m
     * (a legend of dozens of runs is unreadable, and drawing them costs seconds).
     */
    private static void writeOverlays(List<Result> results, Path out) {
        boolean oneM = results.stream().map(Result::m).distinct().count() == 1;
        long firstSeed = results.get(0).seed();
        LinePlot loss = new LinePlot("Loss against step", "step", "loss").logY();
        LinePlot align = new LinePlot("Alignment θ (squared) against step", "step", "θ_t").yRange(0, 1);
        for (Result r : results) {
            if (!oneM && r.seed() != firstSeed) {
                continue;
            }
            double[] x = RunOutputs.steps(r.trajectory().theta().length);
            String name = "m=" + r.m() + " seed " + r.seed() + (r.trajectory().diverged() ? " (diverged)" : "");
            loss.line(name, x, r.trajectory().loss());
            align.line(name, x, r.trajectory().theta());
        }
        loss.save(out.resolve("loss.png"));
        align.save(out.resolve("alignment.png"));
    }
}
