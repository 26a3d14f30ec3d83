package org.alignscope.verify;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Monte Carlo quantity y(d) on a grid of growing d and its extrapolation to d → ∞: a weighted least-squares
 * fit y = a + b/d (weights 1/SE²; finite-d effects of ratio expectations are O(1/d)), giving the limit a with
 * its standard error.
 *
 * @param grid    the dimensions d
 * @param values  the estimates y(d)
 * @param se      their standard errors
 * @param limit   the fitted intercept a (the d → ∞ estimate)
 * @param limitSe its standard error
 */
public record Trend(double[] grid, double[] values, double[] se, double limit, double limitSe) {

    /** Fits y = a + b/d with weights 1/SE². With one point the limit is that point. */
    public static Trend fit(double[] grid, double[] values, double[] se) {
        int n = grid.length;
        if (n == 1) {
            return new Trend(grid, values, se, values[0], se[0]);
        }
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double t0 = 0;
        double t1 = 0;
        for (int i = 0; i < n; i++) {
            double w = 1 / (se[i] * se[i]);
            double x = 1 / grid[i];
            s0 += w;
            s1 += w * x;
            s2 += w * x * x;
            t0 += w * values[i];
            t1 += w * x * values[i];
        }
        double det = s0 * s2 - s1 * s1;
        double a = (s2 * t0 - s1 * t1) / det;
        double varA = s2 / det;
        return new Trend(grid, values, se, a, Math.sqrt(varA));
    }

    /** The estimate at the largest d. */
    public double last() {
        return values[values.length - 1];
    }

    /** Its standard error. */
    public double lastSe() {
        return se[se.length - 1];
    }

    /** The trend as named quantities for the counterexample file. */
    public Map<String, Object> describe(String name) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put(name + "_d", grid);
        q.put(name + "_by_d", values);
        q.put(name + "_se_by_d", se);
        q.put(name + "_limit", limit);
        q.put(name + "_limit_se", limitSe);
        return q;
    }

    /**
     * The verdict on a claimed strict sign of the limit, "lim y &lt; 0" ({@code sign} = −1) or "lim y &gt; 0"
     * ({@code sign} = +1), on a scale {@code scale} (the margin's |right side|). Violated only when both the
     * extrapolated limit and the largest-d estimate lie on the wrong side by more than Z standard errors (a
     * finite-d violation that the trend removes is not one); holds when the limit lies on the claimed side by
     * more than Z standard errors; inconclusive otherwise. The margin is the larger of the two conservative
     * margins, so it is negative exactly when the instance is violated.
     */
    public Evaluation strictSign(int sign, double scale, Map<String, Object> q) {
        double z = MonteCarlo.Z;
        double mLimit = (sign * limit + z * limitSe) / scale;
        double mLast = (sign * last() + z * lastSe()) / scale;
        double margin = Math.max(mLimit, mLast);
        Status status;
        if (margin < 0) {
            status = Status.VIOLATED;
        } else if (sign * limit - z * limitSe > 0) {
            status = Status.HOLDS;
        } else {
            status = Status.INCONCLUSIVE;
        }
        q.putAll(describe("y"));
        return new Evaluation(-sign * limit, 0, margin, status, q);
    }

    /**
     * The verdict on a claimed limit value "lim y = target": violated when both the extrapolated limit and the
     * largest-d estimate differ from it by more than Z standard errors (plus 1e-12 relative), holds otherwise.
     * left = |limit − target|, right = Z·SE (+ the floor); each margin is normalised by its right side, and the
     * reported one is the larger of the two.
     */
    public Evaluation identity(double target, Map<String, Object> q) {
        double z = MonteCarlo.Z;
        double floor = 1e-12 * Math.abs(target);
        double left = Math.abs(limit - target);
        double right = z * limitSe + floor;
        double mLimit = Evaluation.margin(left, right);
        double mLast = Evaluation.margin(Math.abs(last() - target), z * lastSe() + floor);
        double margin = Math.max(mLimit, mLast);
        q.putAll(describe("y"));
        q.put("target", target);
        return new Evaluation(left, right, margin, margin < 0 ? Status.VIOLATED : Status.HOLDS, q);
    }
}
