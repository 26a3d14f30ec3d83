package org.alignscope.settings;

import java.util.function.ToDoubleFunction;

/**
 * One end of a numeric range: a number, or a value derived from settings read before (the batch size is at most
 * {@code data.train_samples}). The reference shows its name, an error the number it had.
 *
 * @param name      how the reference writes it ({@code 1}, {@code data.train_samples}, {@code k + 2})
 * @param value     its value given the settings read so far
 * @param inclusive whether the end itself is allowed
 */
public record Bound(String name, ToDoubleFunction<Values> value, boolean inclusive) {

    /** The number {@code x}, itself allowed. */
    public static Bound including(double x) {
        return new Bound(number(x), v -> x, true);
    }

    /** The number {@code x}, itself excluded. */
    public static Bound excluding(double x) {
        return new Bound(number(x), v -> x, false);
    }

    /** A value derived from earlier settings, itself allowed. */
    public static Bound of(String name, ToDoubleFunction<Values> value) {
        return new Bound(name, value, true);
    }

    /** The same end, itself excluded. */
    public Bound exclusive() {
        return new Bound(name, value, false);
    }

    double at(Values earlier) {
        return value.applyAsDouble(earlier);
    }

    /** A number as the messages write it: integers without a decimal point. */
    static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
