package org.alignscope.quadlab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.alignscope.io.CsvWriter;
import org.alignscope.monitor.AlignmentMonitor;
import org.alignscope.monitor.BlockEstimate;
import org.alignscope.monitor.ConfidenceInterval;
import org.alignscope.monitor.Estimate;
import org.alignscope.monitor.MonitorResult;
import org.alignscope.monitor.QuadraticSource;
import org.alignscope.theory.AlignmentState;
import org.alignscope.theory.CriticalAlignment;
import org.alignscope.theory.CriticalStep;
import org.alignscope.theory.ProjectedLoss;

/**
 * The monitor's cross-check: the general HVP-based path ({@link AlignmentMonitor} on a {@link QuadraticSource}
 * in a random rotated basis) against the exact eigen-coordinate formulas of the theory module.
 *
 * <p>Pass rule per row: the noise-free quantities (s, θ, τ, u) within {@link #NOISE_FREE_TOLERANCE} relative;
 * the noise terms and everything computed from them (e, n<sup>loss</sup>, η*, η<sup>loss</sup>, θ<sup>crit</sup>)
 * within {@link #STANDARD_ERRORS} standard errors <em>and</em> {@link #RELATIVE_TOLERANCE} relative (the first
 * test gets a rounding allowance of 1e-9·|exact|, for derived quantities whose standard error is tiny).
 * An infinite exact value must be matched exactly; an absent one (empty θ<sup>crit</sup>) by an absent estimate.
 */
public final class CrossCheck {
    /** Relative tolerance of the noise-free quantities. */
    public static final double NOISE_FREE_TOLERANCE = 1e-9;
    /** How many standard errors the noise terms may be off. */
    public static final double STANDARD_ERRORS = 4;
    /** Relative tolerance of the noise terms. */
    public static final double RELATIVE_TOLERANCE = 0.05;
    /** The CSV header. */
    public static final String[] HEADER = {"quantity", "exact", "estimated", "rel_error", "std_error"};

    /**
     * One compared quantity.
     *
     * @param quantity  its name
     * @param exact     the theory module's value
     * @param estimated the monitor's estimate
     * @param stdError  the estimate's standard error (0 for noise-free quantities)
     * @param noiseFree whether it is held to {@link #NOISE_FREE_TOLERANCE}
     * @param interval  the estimate's 95 % interval, or null for a noise-free quantity
     */
    public record Row(String quantity, double exact, double estimated, double stdError, boolean noiseFree,
                      ConfidenceInterval interval) {
        /** A row without an interval. */
        public Row(String quantity, double exact, double estimated, double stdError, boolean noiseFree) {
            this(quantity, exact, estimated, stdError, noiseFree, null);
        }

        /** |estimated − exact|/|exact| (0 when both are equal, including both infinite; NaN when one is absent). */
        public double relError() {
            if (Double.compare(exact, estimated) == 0) {
                return 0;
            }
            return Math.abs(estimated - exact) / Math.abs(exact);
        }

        /** Whether the row meets its tolerance. */
        public boolean passes() {
            if (Double.isNaN(exact) || Double.isNaN(estimated)) {
                return Double.isNaN(exact) && Double.isNaN(estimated);
            }
            if (Double.isInfinite(exact) || Double.isInfinite(estimated)) {
                return exact == estimated;
            }
            double rel = relError();
            if (noiseFree) {
                return rel <= NOISE_FREE_TOLERANCE;
            }
            double err = Math.abs(estimated - exact);
            return rel <= RELATIVE_TOLERANCE
                    && err <= STANDARD_ERRORS * stdError + NOISE_FREE_TOLERANCE * Math.abs(exact);
        }
    }

    private final List<Row> rows;
    private final MonitorResult result;

    private CrossCheck(List<Row> rows, MonitorResult result) {
        this.rows = List.copyOf(rows);
        this.result = result;
    }

    /**
     * Runs the monitor once on the source at its current point and compares with the exact values.
     *
     * @param src     the quadratic (its eigenvalues must be descending with a gap at k)
     * @param monitor the monitor (its options give k and r)
     * @param eta     the step size used for the η-dependent outputs
     */
    public static CrossCheck run(QuadraticSource src, AlignmentMonitor monitor, double eta) {
        int k = monitor.options().k();
        AlignmentState exact = src.landscape(k).state(src.coordinates());
        MonitorResult r = monitor.evaluate(src, 0, eta);
        return new CrossCheck(compare(exact, r.main()), r);
    }

    /** The fifteen rows comparing an exact state with one block estimate (also used by the checker tests). */
    public static List<Row> compare(AlignmentState exact, BlockEstimate e) {
        CriticalStep cs = CriticalStep.of(exact);
        OptionalDouble tc = CriticalAlignment.of(exact).thetaCrit();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("s_D", exact.dom().s(), e.sD(), 0, true));
        rows.add(new Row("s_B", exact.bulk().s(), e.sB(), 0, true));
        rows.add(new Row("theta", exact.theta(), e.theta(), 0, true));
        rows.add(new Row("tau_D", exact.dom().tau(), e.tauD(), 0, true));
        rows.add(new Row("tau_B", exact.bulk().tau(), e.tauB(), 0, true));
        rows.add(new Row("u_D", exact.dom().u(), e.uD(), 0, true));
        rows.add(new Row("u_B", exact.bulk().u(), e.uB(), 0, true));
        rows.add(noisy("e_D", exact.dom().e(), e.eD()));
        rows.add(noisy("e_B", exact.bulk().e(), e.eB()));
        rows.add(noisy("nloss_D", exact.dom().nLoss(), e.nLossD()));
        rows.add(noisy("nloss_B", exact.bulk().nLoss(), e.nLossB()));
        rows.add(noisy("eta_star", cs.etaStar(), e.etaStar()));
        rows.add(noisy("eta_loss_dom", ProjectedLoss.etaLoss(exact.dom()), e.etaLossDom()));
        rows.add(noisy("eta_loss_bulk", ProjectedLoss.etaLoss(exact.bulk()), e.etaLossBulk()));
        rows.add(noisy("theta_crit", tc.isPresent() ? tc.getAsDouble() : Double.NaN, e.thetaCrit()));
        return rows;
    }

    private static Row noisy(String name, double exact, Estimate e) {
        return new Row(name, exact, e.value(), e.stdError(), false, e.interval());
    }

    public List<Row> rows() {
        return rows;
    }

    public MonitorResult result() {
        return result;
    }

    /** Whether every row passes. */
    public boolean passes() {
        return rows.stream().allMatch(Row::passes);
    }

    /** The rows that fail, as text. */
    public List<String> failures() {
        List<String> f = new ArrayList<>();
        for (Row r : rows) {
            if (!r.passes()) {
                f.add(r.toString() + " rel_error=" + r.relError());
            }
        }
        return f;
    }

    /** Writes {@code crosscheck.csv} with the header {@code quantity,exact,estimated,rel_error,std_error}. */
    public void write(Path file) {
        try (CsvWriter w = new CsvWriter(file, false, HEADER)) {
            for (Row r : rows) {
                w.row(r.quantity(), r.exact(), r.estimated(), r.relError(), r.stdError());
            }
        }
    }
}
