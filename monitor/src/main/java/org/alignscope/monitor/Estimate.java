package org.alignscope.monitor;

import java.util.Locale;

/**
 * A value with its standard error. The standard error is 0 for a quantity that does not depend on the noise
 * samples, and NaN (written as an empty field) where it is undefined (e.g. the value is infinite or absent).
 * A value of NaN means "does not exist" (e.g. no θ<sup>crit</sup>); ±∞ is a legitimate value (an unbounded step).
 *
 * @param value    the estimate
 * @param stdError its standard error over the noise samples
 */
public record Estimate(double value, double stdError) {
    /** A noise-free value (standard error 0). */
    public static Estimate exact(double value) {
        return new Estimate(value, Double.isFinite(value) ? 0 : Double.NaN);
    }

    /** Whether the value exists (is not NaN). */
    public boolean exists() {
        return !Double.isNaN(value);
    }

    /** |stdError/value|, or NaN when undefined. */
    public double relativeError() {
        return stdError / Math.abs(value);
    }

    @Override
    public String toString() {
        if (!exists()) {
            return "n/a";
        }
        if (Double.isNaN(stdError) || stdError == 0) {
            return Format.num(value);
        }
        return Format.num(value) + " ± " + Format.num(stdError);
    }

    /** Number formatting shared by messages. */
    static final class Format {
        private Format() {
        }

        static String num(double v) {
            if (Double.isNaN(v)) {
                return "n/a";
            }
            if (Double.isInfinite(v)) {
                return v > 0 ? "inf" : "-inf";
            }
            return String.format(Locale.ROOT, "%.4g", v);
        }
    }
}
