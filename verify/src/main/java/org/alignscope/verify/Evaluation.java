package org.alignscope.verify;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One instance's check: the claim written as left ≤ right (an identity as |estimate − formula| ≤ allowance, a
 * sign as value ≤ 0, a limit as its estimate against the claimed side), the margin (right − left)/|right|
 * (right − left when right = 0), oriented so that it is negative exactly when the instance violates the claim,
 * the instance's verdict, and the quantities computed on the way (written into the counterexample file).
 *
 * @param left       the left side
 * @param right      the right side
 * @param margin     the oriented, normalised margin; negative iff {@code status} is VIOLATED or a tie within
 *                   the rounding allowance (then INCONCLUSIVE)
 * @param status     the verdict on this instance
 * @param quantities named intermediate values (numbers, strings or arrays), in insertion order
 */
public record Evaluation(double left, double right, double margin, Status status, Map<String, Object> quantities) {

    public Evaluation {
        quantities = quantities == null ? new LinkedHashMap<>() : new LinkedHashMap<>(quantities);
    }

    /** (right − left)/|right|, or right − left when right = 0. */
    public static double margin(double left, double right) {
        if (right == 0) {
            return right - left;
        }
        return (right - left) / Math.abs(right);
    }

    /**
     * The verdict of an exactly (or accurately) computed inequality left ≤ right: VIOLATED when the margin is
     * below −tol, INCONCLUSIVE when it lies in [−tol, 0) (a tie within the rounding allowance), HOLDS otherwise.
     * A non-finite margin (an undefined side) is INCONCLUSIVE.
     */
    public static Evaluation inequality(double left, double right, double tol, Map<String, Object> q) {
        double m = margin(left, right);
        return new Evaluation(left, right, m, verdict(m, tol), q);
    }

    /** The verdict of a margin against a tolerance, as described at {@link #inequality}. */
    public static Status verdict(double margin, double tol) {
        if (Double.isNaN(margin)) {
            return Status.INCONCLUSIVE;
        }
        if (margin < -tol) {
            return Status.VIOLATED;
        }
        return margin < 0 ? Status.INCONCLUSIVE : Status.HOLDS;
    }

    /** An instance outside the claim's hypothesis or where a side is undefined: it counts as inconclusive. */
    public static Evaluation notApplicable(String why, Map<String, Object> q) {
        Map<String, Object> m = q == null ? new LinkedHashMap<>() : new LinkedHashMap<>(q);
        m.put("not_applicable", why);
        return new Evaluation(Double.NaN, Double.NaN, Double.NaN, Status.INCONCLUSIVE, m);
    }

    /** True when the margin is a number. */
    public boolean hasMargin() {
        return !Double.isNaN(margin);
    }
}
