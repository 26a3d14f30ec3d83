package org.alignscope.monitor;

import java.util.Locale;

/**
 * A value with its standard error and the number of noise samples behind it. The standard error is 0 for a quantity
 * that does not depend on the noise samples, and NaN (written as an empty field) where it is undefined (e.g. the
 * value is infinite or absent). A value of NaN means "does not exist" (e.g. no θ<sup>crit</sup>); ±∞ is a legitimate
 * value (an unbounded step). Its 95 % interval is value ± t<sub>0.975, r−1</sub>·SE ({@link ConfidenceInterval}),
 * unless a better one is known: a quantity that is a monotone map of one estimated quantity (η* = −q/p of the
 * estimated p) carries the image of that quantity's interval, which may be asymmetric and unbounded.
 *
 * @param value    the estimate
 * @param stdError its standard error over the noise samples
 * @param samples  the number r of noise samples the standard error was estimated from (0 for a noise-free value)
 * @param mapped   the interval mapped from another estimate's, or null for value ± t·SE
 */
public record Estimate(double value, double stdError, int samples, ConfidenceInterval mapped) {
    /** An estimate whose interval is value ± t<sub>0.975, r−1</sub>·SE. */
    public Estimate(double value, double stdError, int samples) {
        this(value, stdError, samples, null);
    }

    /** A noise-free value (standard error 0). */
    public static Estimate exact(double value) {
        return new Estimate(value, Double.isFinite(value) ? 0 : Double.NaN, 0, null);
    }

    /** Whether the value exists (is not NaN). */
    public boolean exists() {
        return !Double.isNaN(value);
    }

    /** |stdError/value|, or NaN when undefined. */
    public double relativeError() {
        return stdError / Math.abs(value);
    }

    /**
     * Whether it has a 95 % interval: a mapped one (which may hold an infinite value, e.g. η* = +∞ when p's interval
     * still reaches positive p), or one of positive width: a finite value, a finite positive SE, r ≥ 2 samples.
     */
    public boolean hasInterval() {
        return mapped != null
                || Double.isFinite(value) && Double.isFinite(stdError) && stdError > 0 && samples >= 2;
    }

    /**
     * The 95 % interval: the mapped one when there is one, else value ± t<sub>0.975, r−1</sub>·SE; [value, value]
     * for a noise-free value.
     */
    public ConfidenceInterval interval() {
        if (mapped != null) {
            return mapped;
        }
        if (!hasInterval()) {
            return stdError == 0 ? new ConfidenceInterval(value, value)
                    : new ConfidenceInterval(Double.NaN, Double.NaN);
        }
        return ConfidenceInterval.studentT(value, stdError, samples);
    }

    /** "value [lower, upper]" (its 95 % interval), or the value alone when it has none. */
    @Override
    public String toString() {
        if (!exists()) {
            return "n/a";
        }
        if (!hasInterval()) {
            return Format.num(value);
        }
        ConfidenceInterval ci = interval();
        int digits = Format.digitsToTellApart(ci.lower(), ci.upper());
        return Format.num(value, digits) + " [" + Format.num(ci.lower(), digits) + ", "
                + Format.num(ci.upper(), digits) + "]";
    }

    /**
     * As {@link #toString()}, followed by the measured coverage of this quantity's intervals when it is known to
     * miss the 95 % target at this r ({@link IntervalCoverage#note}); {@code quantity} is its name in the coverage
     * table (e.g. {@code eta_star}).
     */
    public String describe(String quantity) {
        return hasInterval() ? this + IntervalCoverage.note(quantity, samples) : toString();
    }

    /** Number formatting shared by messages. */
    static final class Format {
        private Format() {
        }

        /** The messages' default of 4 significant digits. */
        private static final int DIGITS = 4;
        /** The most significant digits an interval's ends get. */
        private static final int MAX_DIGITS = 10;

        static String num(double v) {
            return num(v, DIGITS);
        }

        static String num(double v, int significantDigits) {
            if (Double.isNaN(v)) {
                return "n/a";
            }
            if (Double.isInfinite(v)) {
                return v > 0 ? "inf" : "-inf";
            }
            return String.format(Locale.ROOT, "%." + significantDigits + "g", v);
        }

        /**
         * Enough significant digits (4 to 10) that the ends of a narrow interval print differently: two more than
         * the decimal orders between the larger end and the width.
         */
        static int digitsToTellApart(double lower, double upper) {
            double orders = Math.log10(Math.max(Math.abs(lower), Math.abs(upper)) / (upper - lower));
            return Double.isFinite(orders) ? Math.max(DIGITS, Math.min(MAX_DIGITS, 2 + (int) Math.ceil(orders)))
                    : DIGITS;
        }
    }
}
