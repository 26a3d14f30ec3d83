package org.alignscope.monitor;

import static org.alignscope.monitor.Estimate.Format.num;

/**
 * The rule that gives one evaluation its {@link Verdict}, in terms of the row's columns and their 95 % intervals
 * (the first that holds):
 * <ol>
 *   <li>{@code edge-of-stability}: batch_sharpness ≥ 0.9·two_over_eta (not for Adam/RMSprop, whose edge is for
 *       the preconditioned sharpness), or sharpness_product ≥ 0.9·stability_edge (η·λ<sub>1</sub> ≥ 1.8 for SGD);</li>
 *   <li>{@code suspicious-alignment}: θ ≥ 0.5 and η above the upper end of η<sup>loss</sup><sub>D</sub>'s interval
 *       and below the lower end of η<sup>loss</sup><sub>B</sub>'s (η the step the theory uses);</li>
 *   <li>{@code stalled}: the reference loss fell by less than 0.1 % of its value since the previous evaluation
 *       (a rise included);</li>
 *   <li>{@code healthy}: the upper end of dloss_pred's interval is below 0;</li>
 *   <li>else {@code undetermined}.</li>
 * </ol>
 * Each assessment carries one sentence with the number behind it (commas avoided: it is a CSV field).
 */
public final class VerdictRule {
    /** The share of the stability edge from which the verdict is {@code edge-of-stability}. */
    public static final double EDGE_MARGIN = 0.9;
    /** The alignment from which a resolved (η<sup>loss</sup><sub>D</sub>, η<sup>loss</sup><sub>B</sub>) window is suspicious. */
    public static final double THETA_MIN = 0.5;
    /** The relative fall of the reference loss below which training is {@code stalled}. */
    public static final double STALL_FALL = 1e-3;

    private VerdictRule() {
    }

    /**
     * A verdict with its sentence.
     *
     * @param verdict the verdict
     * @param reason  one sentence with the number behind it
     */
    public record Assessment(Verdict verdict, String reason) {
    }

    /**
     * The verdict of evaluation {@code r}, with {@code previousLoss} the reference loss at the previous evaluation of
     * the same trajectory (NaN at the first: {@code stalled} cannot hold).
     */
    public static Assessment assess(MonitorResult r, double previousLoss) {
        Assessment edge = edge(r);
        if (edge != null) {
            return edge;
        }
        BlockEstimate b = r.main();
        double eta = r.etaEffective();
        boolean theory = r.optimizer().theoryApplies();
        if (theory && b.theta() >= THETA_MIN && b.etaLossDom().interval().upper() < eta
                && eta < lower(b.etaLossBulk())) {
            return new Assessment(Verdict.SUSPICIOUS_ALIGNMENT, "theta = " + num(b.theta()) + " >= " + THETA_MIN
                    + " and eta = " + num(eta) + " lies above eta^loss_D = " + text(b.etaLossDom())
                    + " and below eta^loss_B = " + text(b.etaLossBulk()) + " (95% intervals): dominant steps raise"
                    + " the loss while bulk steps lower it");
        }
        double fall = (previousLoss - r.loss()) / Math.abs(previousLoss);
        Estimate pred = b.dlossPred();
        if (fall < STALL_FALL) {
            return new Assessment(Verdict.STALLED, "the reference loss fell by " + num(100 * fall) + "% (from "
                    + num(previousLoss) + " to " + num(r.loss()) + ") since the previous evaluation: less than "
                    + num(100 * STALL_FALL) + "%; dloss_pred of the next step = " + text(pred));
        }
        if (!theory) {
            return new Assessment(Verdict.UNDETERMINED, "the step-size theory does not apply to "
                    + r.optimizer().name() + " so dloss_pred is not evaluated");
        }
        if (pred.interval().upper() < 0) {
            return new Assessment(Verdict.HEALTHY, "dloss_pred = " + text(pred) + " (95% interval) is below 0: the"
                    + " step lowers the loss in expectation");
        }
        if (pred.interval().lower() > 0) {
            return new Assessment(Verdict.UNDETERMINED, "dloss_pred = " + text(pred) + " (95% interval) is above 0:"
                    + " the step raises the loss in expectation and no other verdict's rule holds");
        }
        return new Assessment(Verdict.UNDETERMINED, "dloss_pred = " + text(pred) + " (95% interval) does not"
                + " resolve the sign of the step's loss change" + (pred.hasInterval() ? "; more noise samples than r = "
                + pred.samples() + " would narrow it" : ""));
    }

    /** {@code edge-of-stability} by the mini-batch or the full-batch sharpness, or null. */
    private static Assessment edge(MonitorResult r) {
        double edgeSharpness = r.edgeSharpness();
        Estimate bs = r.gauges().batchSharpness();
        if (!r.optimizer().preconditioned() && bs.value() >= EDGE_MARGIN * edgeSharpness) {
            return new Assessment(Verdict.EDGE_OF_STABILITY, "batch_sharpness = " + text(bs) + " is "
                    + num(100 * bs.value() / edgeSharpness) + "% of the edge " + num(r.stabilityThreshold())
                    + "/eta = " + num(edgeSharpness) + " (at least " + num(100 * EDGE_MARGIN) + "%)");
        }
        if (r.sharpnessProduct() >= EDGE_MARGIN * r.stabilityThreshold()) {
            return new Assessment(Verdict.EDGE_OF_STABILITY, "sharpness_product = " + num(r.sharpnessProduct())
                    + " is at least " + num(EDGE_MARGIN) + " times the " + r.optimizer().name() + " stability edge "
                    + num(r.stabilityThreshold()));
        }
        return null;
    }

    /** The lower end of the estimate's 95 % interval; +∞ for an unbounded value (no interval, but above any η). */
    private static double lower(Estimate e) {
        return e.value() == Double.POSITIVE_INFINITY ? e.value() : e.interval().lower();
    }

    /** An estimate with its 95 % interval, without the comma of {@link Estimate#toString()}. */
    private static String text(Estimate e) {
        return e.toString().replace(", ", " to ");
    }
}
