package org.alignscope.theory;

/**
 * Argument checks shared by this package. Every message names the offending field and the allowed range, so that a
 * caller can tell from the message alone what to fix.
 */
final class Require {
    private Require() {
    }

    /** {@code value} must be finite. */
    static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
        return value;
    }

    /** {@code value} must be finite and ≥ 0. */
    static double nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
        return value;
    }

    /** {@code value} must be finite and &gt; 0. */
    static double positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
        return value;
    }

    /** {@code value} must lie in [0, 1]. */
    static double unitInterval(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must lie in [0, 1], got " + value);
        }
        return value;
    }

    /** The array must be non-null and have the given length. */
    static double[] length(String name, double[] values, int expected) {
        if (values == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (values.length != expected) {
            throw new IllegalArgumentException(
                    name + " must have length " + expected + " (the dimension d), got " + values.length);
        }
        return values;
    }

    /** Every entry must be finite and ≥ 0. */
    static double[] nonNegativeEntries(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite and >= 0, got " + v);
            }
        }
        return values;
    }

    /** Every entry must be finite. */
    static double[] finiteEntries(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite, got " + values[i]);
            }
        }
        return values;
    }

    /** The dominant dimension k must lie in [1, d−1], so that both blocks are non-empty. */
    static int blockSplit(int k, int d) {
        if (k < 1 || k > d - 1) {
            throw new IllegalArgumentException("k must lie in [1, d-1] = [1, " + (d - 1) + "], got " + k);
        }
        return k;
    }
}
