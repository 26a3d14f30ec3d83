package org.alignscope.theory;

/**
 * The alignment of a vector with the dominant subspace, written once for every place that measures it.
 *
 * <p>The paper's alignment is the squared-norm ratio (§1 and eq. 1) θ = ‖P<sup>D</sup>v‖²/‖v‖² = s<sup>D</sup>/s;
 * Song et al. plot the unsquared ratio χ = ‖P<sup>D</sup>v‖/‖v‖ = √θ. Callers pass the two squared norms, however
 * they obtained them (eigen-coordinates, a Ritz basis, Monte Carlo samples).
 */
public final class Alignment {
    private Alignment() {
    }

    /**
     * θ = s<sup>D</sup>/s (eq. 1), with the paper's convention θ(0) = 0 when s = 0.
     *
     * @param dominantSq s<sup>D</sup> = ‖P<sup>D</sup>v‖²
     * @param totalSq    s = ‖v‖²
     */
    public static double theta(double dominantSq, double totalSq) {
        return totalSq == 0 ? 0 : dominantSq / totalSq;
    }

    /** χ = √θ = ‖P<sup>D</sup>v‖/‖v‖, the unsquared alignment of Song et al. */
    public static double chi(double theta) {
        return Math.sqrt(theta);
    }
}
