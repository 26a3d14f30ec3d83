package org.alignscope.lab.sweep;

/**
 * What a cell's run folder says about it: {@code complete} or {@code diverged} (with a message), the final
 * loss and squared alignment θ, and the fraction of rows in each regime of Theorems 3–4 (low, stable, high)
 * where the command writes a regime column. Undefined quantities are NaN.
 */
public record Outcome(String status, String message, double finalLoss, double finalTheta, double fracLow,
                      double fracStable, double fracHigh) {
    public static final String COMPLETE = "complete";
    public static final String DIVERGED = "diverged";
    public static final String FAILED = "failed";

    /** A cell that exited with an error, or whose folder could not be read. */
    public static Outcome failed(String message) {
        return new Outcome(FAILED, message, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** A finished cell without values (its run diverged). */
    public static Outcome diverged(String message) {
        return new Outcome(DIVERGED, message, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** The summary's quantities in the order of {@link SweepSummary#METRICS}. */
    double[] metrics() {
        return new double[] {finalLoss, finalTheta, fracLow, fracStable, fracHigh};
    }
}
