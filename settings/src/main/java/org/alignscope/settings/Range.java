package org.alignscope.settings;

/**
 * The numbers a setting allows: a lower end and an optional upper end, each included or not. Written as
 * {@code [1, 64]}, {@code (0, 1)}, {@code [0, 1)}, {@code >= 1} or {@code > 0}; the reference names derived ends,
 * an error gives their values.
 */
public record Range(Bound lower, Bound upper) {

    /** Whether {@code x} lies in the range, given the settings read so far. */
    boolean contains(double x, Values earlier) {
        double lo = lower.at(earlier);
        if (lower.inclusive() ? !(x >= lo) : !(x > lo)) {
            return false;
        }
        if (upper == null) {
            return true;
        }
        double hi = upper.at(earlier);
        return upper.inclusive() ? x <= hi : x < hi;
    }

    /** The range with derived ends evaluated (for an error). */
    String render(Values earlier) {
        return write(Bound.number(lower.at(earlier)), upper == null ? null : Bound.number(upper.at(earlier)));
    }

    /** The range with derived ends named (for the reference). */
    String describe() {
        return write(lower.name(), upper == null ? null : upper.name());
    }

    private String write(String lo, String hi) {
        if (hi == null) {
            return (lower.inclusive() ? ">= " : "> ") + lo;
        }
        return (lower.inclusive() ? "[" : "(") + lo + ", " + hi + (upper.inclusive() ? "]" : ")");
    }
}
