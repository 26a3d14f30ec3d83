package org.alignscope.monitor;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * A two-sided 95 % confidence interval [lower, upper]. Every interval the monitor reports is one of these: a
 * sample-mean estimate over r noise samples gets value ± t<sub>0.975, r−1</sub>·SE (Student-t, since the standard
 * error is itself estimated from the same r samples; ±2 SE is too narrow at small r), and a measured proportion
 * (how often such intervals cover the truth) gets the Wilson score interval.
 *
 * @param lower the lower end
 * @param upper the upper end
 */
public record ConfidenceInterval(double lower, double upper) {
    /** The coverage the intervals aim at. */
    public static final double LEVEL = 0.95;
    /** The standard normal quantile z<sub>0.975</sub>. */
    private static final double Z = new NormalDistribution(0, 1).inverseCumulativeProbability(0.5 + LEVEL / 2);

    /** The Student-t quantile t<sub>0.975, ν</sub> (ν ≥ 1 degrees of freedom), e.g. 2.131 for ν = 15. */
    public static double tQuantile(int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1, got " + degreesOfFreedom);
        }
        return new TDistribution(degreesOfFreedom).inverseCumulativeProbability(0.5 + LEVEL / 2);
    }

    /** value ± t<sub>0.975, samples−1</sub>·stdError for an estimate from {@code samples} ≥ 2 noise samples. */
    public static ConfidenceInterval studentT(double value, double stdError, int samples) {
        double half = tQuantile(samples - 1) * stdError;
        return new ConfidenceInterval(value - half, value + half);
    }

    /**
     * The Wilson score interval of a proportion: {@code successes} of {@code trials}, centre
     * (p̂ + z²/2n)/(1 + z²/n), half-width z√(p̂(1 − p̂)/n + z²/4n²)/(1 + z²/n). Unlike p̂ ± z√(p̂(1 − p̂)/n) it stays
     * inside [0, 1] and does not collapse to a point at 0 or n successes; with no trials it is [0, 1].
     */
    public static ConfidenceInterval wilson(long successes, long trials) {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + " of " + trials);
        }
        if (trials == 0) {
            return new ConfidenceInterval(0, 1);
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new ConfidenceInterval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** Whether x lies in [lower, upper]. */
    public boolean contains(double x) {
        return lower <= x && x <= upper;
    }
}
