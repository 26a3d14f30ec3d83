package org.alignscope.theory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Monte Carlo mean with its standard error (Welford's running mean and variance).
 *
 * <p>Agreement rule used by every Monte Carlo test of this module: an estimate agrees with a formula when
 * |mean − formula| ≤ Z·SE with Z = 5 and SE = (sample standard deviation)/√N. For a correct formula the mean is
 * asymptotically normal around it, so a false alarm has probability about 6·10⁻⁷ per check (and the draws are
 * seeded, so a run is reproducible). No other tolerance is used.
 */
final class MeanEstimate {
    /** The number of standard errors allowed. */
    static final double Z = 5;

    private long n;
    private double mean;
    private double m2;

    void add(double x) {
        n++;
        double delta = x - mean;
        mean += delta / n;
        m2 += delta * (x - mean);
    }

    long count() {
        return n;
    }

    double mean() {
        return mean;
    }

    /** The sample standard deviation divided by √N. */
    double standardError() {
        return Math.sqrt(m2 / (n - 1) / n);
    }

    /** |mean − expected| ≤ Z·SE. */
    boolean agreesWith(double expected) {
        return Math.abs(mean - expected) <= Z * standardError();
    }

    String describe(String label, double expected) {
        return String.format("%s: MC mean %.6g ± %.3g (SE, N = %d), formula %.6g, |diff|/SE = %.2f", label, mean,
                standardError(), n, expected, Math.abs(mean - expected) / standardError());
    }

    /** Prints every comparison when the system property {@code mc.verbose} is set (for reports). */
    private void log(String label, double expected) {
        if (System.getProperty("mc.verbose") != null) {
            System.out.println(describe(label, expected));
        }
    }

    void assertAgrees(String label, double expected) {
        log(label, expected);
        assertTrue(n >= 1000, "too few draws for a standard error: " + n);
        assertTrue(agreesWith(expected), describe(label, expected));
    }

    void assertRejects(String label, double wrongExpected) {
        log(label, wrongExpected);
        assertTrue(n >= 1000, "too few draws for a standard error: " + n);
        assertTrue(!agreesWith(wrongExpected), "Monte Carlo failed to reject a wrong formula: "
                + describe(label, wrongExpected));
    }

    /** Mean more than Z·SE above 0. */
    void assertPositive(String label) {
        assertTrue(mean > Z * standardError(), String.format("%s: MC mean %.6g is not > %.0f SE (%.3g)", label, mean,
                Z, standardError()));
    }

    /** Mean more than Z·SE below 0. */
    void assertNegative(String label) {
        assertTrue(mean < -Z * standardError(), String.format("%s: MC mean %.6g is not < -%.0f SE (%.3g)", label, mean,
                Z, standardError()));
    }
}
