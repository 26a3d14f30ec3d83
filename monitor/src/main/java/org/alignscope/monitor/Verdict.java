package org.alignscope.monitor;

/**
 * The one-word state of training at an evaluation, the {@code verdict} column: exactly one of these per row, by the
 * rules of {@link VerdictRule} (first that holds, in this order), shown only once it held at two consecutive
 * evaluations ({@link VerdictTracker}).
 */
public enum Verdict {
    /** The sharpness has reached the optimizer's edge (full-batch or mini-batch): steps overshoot along the top directions. */
    EDGE_OF_STABILITY("edge-of-stability"),
    /** The gradient is aligned (θ ≥ 0.5) while dominant steps raise the loss and bulk steps lower it, both resolved. */
    SUSPICIOUS_ALIGNMENT("suspicious-alignment"),
    /** The reference loss fell by less than 0.1 % since the previous evaluation. */
    STALLED("stalled"),
    /** The predicted loss change of the step is negative, resolved, and none of the above holds. */
    HEALTHY("healthy"),
    /** None of the above is resolved. */
    UNDETERMINED("undetermined");

    private final String code;

    Verdict(String code) {
        this.code = code;
    }

    /** The word written into the {@code verdict} column, e.g. {@code "edge-of-stability"}. */
    public String code() {
        return code;
    }

    /** The verdict of this code. */
    public static Verdict of(String code) {
        for (Verdict v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("verdict must be one of healthy, suspicious-alignment, edge-of-stability,"
                + " stalled, undetermined, got " + code);
    }
}
