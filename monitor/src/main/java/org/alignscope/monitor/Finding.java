package org.alignscope.monitor;

/**
 * One finding: its code and advice a practitioner can act on, with the numbers behind it.
 *
 * @param code    the code
 * @param message the explanation and advice
 */
public record Finding(FindingCode code, String message) {
    /**
     * The finding of an evaluation that failed because the state is not finite: the reason, and the advice that a
     * non-finite state at step size η usually announces a divergence, so a step below 2/λ<sub>1</sub> of the last
     * evaluated state (or finite inputs and loss) is the first thing to check.
     *
     * @param eta    the step size of the step about to be taken
     * @param reason what failed (e.g. the exception's message)
     */
    public static Finding notEvaluated(double eta, String reason) {
        return new Finding(FindingCode.NOT_EVALUATED, "the monitor could not evaluate this state (" + reason
                + "): no theory value exists where the parameters, loss or gradient are not finite; this usually"
                + " precedes a divergence at eta = " + Estimate.Format.num(eta) + ", so compare eta*lambda_1 of the"
                + " last evaluated row with the stability edge and lower eta below edge/lambda_1, or check the inputs"
                + " and the loss for overflow");
    }

    @Override
    public String toString() {
        return code.code() + ": " + message;
    }
}
