package org.alignscope.quadlab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.alignscope.io.CsvWriter;
import org.alignscope.monitor.AlignmentMonitor;
import org.alignscope.monitor.ConfidenceInterval;
import org.alignscope.monitor.Estimate;
import org.alignscope.monitor.IntervalCoverage;
import org.alignscope.monitor.MonitorOptions;
import org.alignscope.monitor.QuadraticSource;

/**
 * The measured coverage of the monitor's 95 % intervals: for each seed of the paper's quadratic
 * ({@link AuthorsQuadratic}, a fresh rotation, state x ~ N(0, I) and noise stream per seed), each noise level σ of
 * {@link #SIGMAS} and each number of samples r of {@link #SAMPLES}, one evaluation of the monitor, and per
 * quantity whether its interval ({@link Estimate#interval()}) contains the exact value of the theory module (the
 * rows of {@link CrossCheck#compare}). The evaluations of one seed share its quadratic per σ (each takes the next r
 * draws of its noise stream, so they are independent) and, since the Hessian depends on neither σ nor r, warm-start
 * their eigen-solve from the first one's eigenvectors. A seed counts for a quantity only where the exact value is finite (θ<sup>crit</sup>
 * may not exist, η<sup>loss</sup> may be +∞); an estimate without a finite interval then counts as a miss.
 *
 * <p>The seeds are independent, so they run in parallel; the result does not depend on the number of threads.
 */
public final class MonitorCoverage {
    /** The noise levels: the paper's state (σ = 0.5, signal-dominated) and a noise-dominated one. */
    public static final List<Double> SIGMAS = List.of(0.5, 400.0);
    /** The numbers of noise samples r. */
    public static final List<Integer> SAMPLES = List.of(IntervalCoverage.QUOTED_SAMPLES,
            IntervalCoverage.CALIBRATED_SAMPLES);
    /** The quantities measured, by their cross-check names. */
    public static final List<String> QUANTITIES = List.of("e_D", "e_B", "nloss_D", "nloss_B", "eta_loss_dom",
            "eta_loss_bulk", "eta_star", "theta_crit");

    /**
     * One cell of the table.
     *
     * @param sigma    the noise level σ
     * @param samples  r
     * @param quantity the quantity's cross-check name
     * @param seeds    the seeds whose exact value is finite
     * @param covered  of those, the seeds whose 95 % interval contains the exact value
     */
    public record Row(double sigma, int samples, String quantity, int seeds, int covered) {
        /** covered/seeds. */
        public double coverage() {
            return covered / (double) seeds;
        }

        /** The Wilson 95 % interval of the coverage (NaN ends when no seed counted). */
        public ConfidenceInterval wilson() {
            return seeds == 0 ? new ConfidenceInterval(Double.NaN, Double.NaN)
                    : ConfidenceInterval.wilson(covered, seeds);
        }
    }

    /** The model and monitor settings shared by every seed. */
    public record Setup(int d, int k, double m, double lanczosTolerance) {
    }

    /** The step size of the evaluations; none of the measured quantities depends on it. */
    private static final double ETA = 0.003;

    private MonitorCoverage() {
    }

    /** The table for seeds firstSeed … firstSeed + seeds − 1, rows ordered by σ, r, quantity as declared. */
    public static List<Row> measure(Setup setup, long firstSeed, int seeds) {
        int cells = SIGMAS.size() * SAMPLES.size() * QUANTITIES.size();
        // per seed and cell: 0 = exact value not finite, 1 = missed, 2 = covered
        int[][] outcome = new int[seeds][];
        IntStream.range(0, seeds).parallel().forEach(i -> outcome[i] = outcomes(setup, firstSeed + i, cells));
        List<Row> rows = new ArrayList<>();
        int cell = 0;
        for (double sigma : SIGMAS) {
            for (int r : SAMPLES) {
                for (String q : QUANTITIES) {
                    int counted = 0;
                    int covered = 0;
                    for (int[] o : outcome) {
                        counted += o[cell] > 0 ? 1 : 0;
                        covered += o[cell] == 2 ? 1 : 0;
                    }
                    rows.add(new Row(sigma, r, q, counted, covered));
                    cell++;
                }
            }
        }
        return rows;
    }

    private static int[] outcomes(Setup s, long seed, int cells) {
        int[] out = new int[cells];
        int cell = 0;
        double[][] vectors = null;
        for (double sigma : SIGMAS) {
            QuadraticSource src = AuthorsQuadratic.source(s.d(), s.k(), s.m(), sigma, seed);
            for (int r : SAMPLES) {
                AlignmentMonitor monitor = new AlignmentMonitor(MonitorOptions.of(s.k(), r)
                        .withLanczosTolerance(s.lanczosTolerance()).withSeed(seed));
                monitor.warmStart(vectors);
                CrossCheck cc = CrossCheck.run(src, monitor, ETA);
                vectors = monitor.eigenvectors();
                for (String q : QUANTITIES) {
                    CrossCheck.Row row = cc.rows().stream().filter(x -> x.quantity().equals(q)).findFirst()
                            .orElseThrow();
                    if (Double.isFinite(row.exact())) {
                        boolean in = row.interval().contains(row.exact());
                        out[cell] = in ? 2 : 1;
                    }
                    cell++;
                }
            }
        }
        return out;
    }

    /** Writes the table with the columns of {@link IntervalCoverage#HEADER} (the monitor's coverage resource). */
    public static void write(List<Row> rows, Path csv) {
        try (CsvWriter w = new CsvWriter(csv, false, IntervalCoverage.HEADER.toArray(String[]::new))) {
            for (Row r : rows) {
                ConfidenceInterval ci = r.wilson();
                w.row(r.sigma(), r.samples(), r.quantity(), r.seeds(), r.covered(), r.coverage(), ci.lower(),
                        ci.upper());
            }
        }
    }
}
