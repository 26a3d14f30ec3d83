package org.alignscope.theory;

/**
 * The four sign patterns of the expected alignment drift E[f<sub>t</sub>(η) | x<sub>t</sub>] = pη² + qη
 * (Lemma 22), which fix how the alignment's expected direction depends on the step η &gt; 0.
 *
 * <p>With exact eigenvectors q &lt; 0 always (eq. 20), so only {@link #CRITICAL} and {@link #FALLS_FOR_ALL}
 * occur; the other two arise when the dominant subspace is only approximate (e.g. estimated on a network).
 */
public enum SignCase {
    /** q &lt; 0 &lt; p: the alignment falls for η &lt; η* = −q/p and rises for η &gt; η* (Lemma 22, Fig. 4a). */
    CRITICAL("critical", "alignment falls for eta < eta* = -q/p and rises above it"),
    /** q &lt; 0, p ≤ 0: the alignment falls for every η &gt; 0 (Lemma 22, Fig. 4b; "self-correcting"). */
    FALLS_FOR_ALL("falls-for-all", "alignment falls for every step size (no critical step)"),
    /** q ≥ 0, p ≥ 0: the alignment does not fall for any η &gt; 0 (approximate subspace only). */
    RISES_FOR_ALL("rises-for-all", "alignment rises for every step size (approximate subspace only)"),
    /** q ≥ 0, p &lt; 0: the alignment rises for η &lt; −q/p and falls above it (approximate subspace only). */
    RISES_BELOW("rises-below", "alignment rises for eta < -q/p and falls above it (approximate subspace only)");

    private final String code;
    private final String description;

    SignCase(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** A short lowercase code for tables and logs, e.g. {@code "critical"}. */
    public String code() {
        return code;
    }

    /** A one-line description of what the case predicts. */
    public String description() {
        return description;
    }

    /**
     * Whether the expected drift pη² + qη changes sign at the step η = −q/p ≥ 0 (eq. 2): in {@link #CRITICAL},
     * where −q/p is the paper's critical step η*, and in {@link #RISES_BELOW}, where it is the step above which the
     * alignment falls. In the other two cases the drift keeps one sign for every η &gt; 0.
     */
    public boolean changesSign() {
        return this == CRITICAL || this == RISES_BELOW;
    }

    /** The case of the parabola pη² + qη, by the signs of p and q (a total partition of the finite plane). */
    public static SignCase of(double p, double q) {
        Require.finite("p", p);
        Require.finite("q", q);
        if (q < 0) {
            return p > 0 ? CRITICAL : FALLS_FOR_ALL;
        }
        return p >= 0 ? RISES_FOR_ALL : RISES_BELOW;
    }
}
