package org.alignscope.theory;

/**
 * The dominant-block and bulk-block moments of one iterate x<sub>t</sub>, and its alignment.
 *
 * <p>The alignment is the paper's squared-norm ratio (§1 and eq. 1)
 * θ(x) = ‖P<sup>D</sup>Ax‖² / ‖Ax‖² = s<sup>D</sup>/s, with θ(0) = 0. It is computed on the noise-free gradient
 * Ax, never on a stochastic gradient. {@link #chi()} is the unsquared ratio ‖P<sup>D</sup>Ax‖/‖Ax‖ = √θ used by
 * Song et al.; label which of the two a plot shows.
 *
 * @param dom  the moments of the dominant block D = indices [0, k)
 * @param bulk the moments of the bulk block B = indices [k, d)
 */
public record AlignmentState(BlockMoments dom, BlockMoments bulk) {

    /** Both blocks must be present. */
    public AlignmentState {
        if (dom == null || bulk == null) {
            throw new IllegalArgumentException("dom and bulk must not be null");
        }
    }

    /**
     * The state of x = Σ c<sub>i</sub>u<sub>i</sub>, with D = [0, k) and B = [k, d).
     *
     * @param lambda  eigenvalues, sorted descending (the block split assumes it; it is not re-checked here)
     * @param c       eigen-coordinates of x
     * @param kappaSq noise variance per eigen-direction
     * @param k       the dominant dimension, in [1, d−1]
     */
    public static AlignmentState of(double[] lambda, double[] c, double[] kappaSq, int k) {
        if (lambda == null) {
            throw new IllegalArgumentException("lambda must not be null");
        }
        int d = lambda.length;
        Require.blockSplit(k, d);
        return new AlignmentState(BlockMoments.of(lambda, c, kappaSq, 0, k), BlockMoments.of(lambda, c, kappaSq, k, d));
    }

    /** s = s<sup>D</sup> + s<sup>B</sup> = ‖Ax‖² (eq. 1). */
    public double s() {
        return dom.s() + bulk.s();
    }

    /** θ = s<sup>D</sup>/s (eq. 1), and 0 when s = 0 (the paper's convention θ(0) = 0). */
    public double theta() {
        return Alignment.theta(dom.s(), s());
    }

    /** χ = √θ = ‖P<sup>D</sup>Ax‖/‖Ax‖, the unsquared alignment; 0 when s = 0. */
    public double chi() {
        return Alignment.chi(theta());
    }
}
