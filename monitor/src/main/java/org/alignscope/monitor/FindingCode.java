package org.alignscope.monitor;

/**
 * The vocabulary of findings: a short code (written, joined by {@code ;}, into the {@code findings} column) and
 * what it means. Each {@link Finding} carries advice with the number behind it.
 */
public enum FindingCode {
    /**
     * The expected alignment drift is negative at the step taken: η &lt; η* (sign case {@code critical}), or η
     * above −q/p in the approximate-subspace case {@code rises-below}. The gradient's share in the top-k
     * directions shrinks in expectation.
     */
    ALIGNMENT_FALLING("alignment-falling"),
    /**
     * The expected alignment drift is positive at the step taken: η &gt; η* (case {@code critical}), or the
     * approximate-subspace cases {@code rises-for-all} / {@code rises-below} (η below −q/p). The gradient
     * concentrates further in the top-k directions.
     */
    ALIGNMENT_RISING("alignment-rising"),
    /** p ≤ 0 &gt; q (case {@code falls-for-all}): no critical step; the alignment falls for every step size. */
    SELF_CORRECTING("self-correcting"),
    /**
     * θ above the threshold (0.9 by default) while η<sup>loss</sup><sub>D</sub> &lt; η &lt; η<sup>loss</sup><sub>B</sub>
     * (Theorem 10): a dominant-projected step raises the loss in expectation while a bulk-projected step lowers
     * it, although the gradient lies mostly in the dominant directions.
     */
    SUSPICIOUS_ALIGNMENT("suspicious-alignment"),
    /**
     * The sharpness product (η·λ<sub>1</sub>, or η·λ<sub>1</sub>(P⁻¹H) for Adam/RMSprop) is at least the edge margin
     * (0.9 by default) times the optimizer's stability threshold (2 for SGD, 2 + 2β heavy ball, …).
     */
    EDGE_OF_STABILITY("edge-of-stability"),
    /**
     * With a dynamic k ({@link DynamicDimension}), fewer eigenvalues of the reference Hessian lie above c/η than
     * k<sub>min</sub> (none, with the default k<sub>min</sub> = 1): the dominant block uses k<sub>min</sub>
     * directions, which the step-size threshold does not single out.
     */
    DYNAMIC_K_BELOW_MIN("dynamic-k-below-min"),
    /**
     * The optimizer is not plain SGD and no effective step applies: the alignment quantities are reported, the
     * step-size predictions (η*, η<sup>loss</sup>, predicted loss change) are not interpreted.
     */
    THEORY_NA("theory-n/a"),
    /**
     * An estimate the findings rest on is not trustworthy: unconverged eigenpairs, an eigengap too narrow for the
     * residuals (its detail starts {@code eigengap:}: the Davis–Kahan bound on the subspace error stays above its
     * limit even after tightening the eigen-tolerance, {@link EigenGap}), a noise term with a large relative standard
     * error, or a comparison (η vs η*, η vs η<sup>loss</sup>) inside the threshold's 95 % interval.
     */
    UNRELIABLE_ESTIMATE("unreliable-estimate"),
    /**
     * The quantities could not be evaluated at this state: its parameters, loss, gradient or curvature are not
     * finite (typically the step before a run diverges), so no theory value exists. Written alone in the row,
     * with the step and η only (see {@link Finding#notEvaluated}).
     */
    NOT_EVALUATED("not-evaluated");

    private final String code;

    FindingCode(String code) {
        this.code = code;
    }

    /** The short code, e.g. {@code "suspicious-alignment"}. */
    public String code() {
        return code;
    }
}
