package org.alignscope.train;

/**
 * How one prediction of the monitor fared against what the run did: a resolved agreement, a resolved disagreement,
 * a measurement too noisy to tell (the realised quantity within 2 SE of zero), or no measurement at all.
 */
public enum Outcome {
    /** The claim held, resolved. */
    HIT,
    /** The claim failed, resolved. */
    MISS,
    /** Measured, but within 2 SE of zero. */
    UNRESOLVED,
    /** Not measured. */
    UNTESTED;

    /** The sign test of a realised quantity against a predicted sign: unresolved unless |mean| &gt; 2 SE. */
    static Outcome ofSign(double realisedMean, double realisedSe, double predictedSign) {
        if (Double.isNaN(realisedMean)) {
            return UNTESTED;
        }
        if (!(Math.abs(realisedMean) > 2 * realisedSe)) {
            return UNRESOLVED;
        }
        return Math.signum(realisedMean) == Math.signum(predictedSign) ? HIT : MISS;
    }
}
