package org.alignscope.theory;

/**
 * The three alignment regimes of §4 (Theorems 3, 4 and 6), for an iterate with alignment θ and s = ‖Ax‖².
 */
public enum Regime {
    /**
     * θ ≤ g<sub>gap</sub> (Theorem 3): p &gt; 0, so the alignment rises in expectation iff η &gt; η*.
     */
    LOW("low", "theta <= g_gap: alignment rises iff eta > eta*"),
    /** g<sub>gap</sub> &lt; θ &lt; θ*: the "stable regime" between the two guarantees, where θ tends to oscillate. */
    STABLE("stable", "g_gap < theta < theta*: neither guarantee applies"),
    /** θ ≥ θ* (Theorem 4): p ≤ 0, so the alignment falls in expectation for every η &gt; 0 (self-correcting). */
    HIGH("high", "theta >= theta*: alignment falls for every step size");

    private final String code;
    private final String description;

    Regime(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** "low", "stable" or "high". */
    public String code() {
        return code;
    }

    /** A one-line description of what the regime guarantees. */
    public String description() {
        return description;
    }
}
