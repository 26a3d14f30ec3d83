package org.alignscope.monitor;

/**
 * One completed window of {@link CumulativeWindow}: the estimated expected change of the loss over steps
 * [start, end) against the realised change, with the standard error of their difference and its three parts.
 *
 * @param start     the window's first step
 * @param end       the first step after it
 * @param points    p, the steps predicted
 * @param predicted Ŝ = (W/p)·Σ ê<sub>t</sub>
 * @param stdError  the standard error of realised − Ŝ
 * @param seChoice  its part from drawing p of the W steps
 * @param seDraws   its part from the predictions' Monte Carlo error
 * @param seSpread  its part from the spread of the realised changes
 * @param realised  L(x<sub>end</sub>) − L(x<sub>start</sub>)
 * @param startLoss L(x<sub>start</sub>)
 * @param endLoss   L(x<sub>end</sub>)
 */
public record CumulativeRow(long start, long end, int points, double predicted, double stdError, double realised,
                            double seChoice, double seDraws, double seSpread, double startLoss, double endLoss) {
    /** W = end − start. */
    public long steps() {
        return end - start;
    }

    /** z = (realised − predicted)/se; NaN when se = 0 (a window whose every batch was determined). */
    public double z() {
        return stdError > 0 ? (realised - predicted) / stdError : Double.NaN;
    }
}
