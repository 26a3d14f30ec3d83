package org.alignscope.verify;

/**
 * The outcome of checking one claim.
 *
 * @param id           the claim id
 * @param status       holds, violated or inconclusive (from the instances' verdicts, never set by hand)
 * @param instances    instances checked (for Monte Carlo claims instances, not draws)
 * @param violated     instances whose verdict is violated
 * @param inconclusive instances whose verdict is inconclusive (ties, straddling intervals, hypotheses not met)
 * @param worst        the instance with the smallest margin (null when no instance has a margin)
 * @param worstEval    its evaluation
 * @param smallest     the violated instance of smallest dimension d (ties: the smaller margin), or null
 * @param smallestEval its evaluation
 * @param seconds      wall time of the check
 */
public record ClaimResult(String id, Status status, int instances, int violated, int inconclusive, Instance worst,
                          Evaluation worstEval, Instance smallest, Evaluation smallestEval, double seconds) {

    /** The smallest margin over the instances; NaN when none had one. */
    public double worstMargin() {
        return worstEval == null ? Double.NaN : worstEval.margin();
    }
}
