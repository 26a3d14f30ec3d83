package org.alignscope.sweep;

/**
 * What a cell's run folder says about it: {@code complete} or {@code diverged} (with a message), the final
 * loss and squared alignment θ, the fraction of rows in each regime of Theorems 3–4 (low, stable, high)
 * where the command writes a regime column, and the largest Hessian eigenvalue λ₁ where the command computes one.
 * Undefined quantities are NaN.
 */
public record Outcome(String status, String message, double finalLoss, double finalTheta, double fracLow,
                      double fracStable, double fracHigh, double lambda1) {
    public static final String COMPLETE = "complete";
    public static final String DIVERGED = "diverged";
    public static final String FAILED = "failed";

    /**
     * A run that finished: its last loss and θ, and the fraction of its rows in each regime ({@code regimes} holds
     * each row's regime code; codes other than low, stable and high, e.g. an empty one, are not counted).
     */
    public static Outcome complete(double loss, double theta, java.util.List<String> regimes) {
        double[] counts = new double[3];
        int rows = 0;
        for (String r : regimes) {
            int i = java.util.List.of("low", "stable", "high").indexOf(r);
            if (i >= 0) {
                counts[i]++;
                rows++;
            }
        }
        double n = rows == 0 ? Double.NaN : rows;
        return new Outcome(COMPLETE, "", loss, theta, counts[0] / n, counts[1] / n, counts[2] / n, Double.NaN);
    }

    /** A cell that exited with an error, or whose folder could not be read. */
    public static Outcome failed(String message) {
        return new Outcome(FAILED, message, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** A finished cell without values (its run diverged). */
    public static Outcome diverged(String message) {
        return new Outcome(DIVERGED, message, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** This outcome with λ₁ set. */
    public Outcome withLambda1(double value) {
        return new Outcome(status, message, finalLoss, finalTheta, fracLow, fracStable, fracHigh, value);
    }

    /** The summary's quantities in the order of {@link SweepSummary#METRICS}. */
    double[] metrics() {
        return new double[] {finalLoss, finalTheta, fracLow, fracStable, fracHigh, lambda1};
    }
}
