package org.alignscope.theory;

/**
 * The terms one block S picks up when the next batch gradient is biased: E ĝ = g + m instead of g
 * ({@link SamplerMoments}). With g<sub>S</sub> = P<sub>S</sub>g and m<sub>S</sub> = P<sub>S</sub>m:
 * <ul>
 *   <li>{@code gm} = g<sub>S</sub>ᵀm<sub>S</sub>, the bias of the first-order loss term;</li>
 *   <li>{@code gHm} = g<sub>S</sub>ᵀHm<sub>S</sub>, the bias of the step's pull along g;</li>
 *   <li>{@code hgHm} = (Hg<sub>S</sub>)ᵀHm<sub>S</sub>, the bias of the step's curvature term.</li>
 * </ul>
 * The purely quadratic terms of m (m<sub>S</sub>ᵀHm<sub>S</sub>, ‖P<sub>S</sub>Hm‖²) belong to the non-centred noise
 * moments e and n<sup>loss</sup> of {@link BlockMoments}. All three are zero for an unbiased batch (the i.i.d. noise
 * model of the paper, {@link #ZERO}).
 *
 * @param gm   g<sub>S</sub>ᵀm<sub>S</sub>
 * @param gHm  g<sub>S</sub>ᵀHm<sub>S</sub>
 * @param hgHm (Hg<sub>S</sub>)ᵀHm<sub>S</sub>
 */
public record MeanOffset(double gm, double gHm, double hgHm) {
    /** An unbiased batch gradient (m = 0). */
    public static final MeanOffset ZERO = new MeanOffset(0, 0, 0);

    /** Checks that all three terms are finite. */
    public MeanOffset {
        Require.finite("gm", gm);
        Require.finite("gHm", gHm);
        Require.finite("hgHm", hgHm);
    }

    /** The componentwise sum: the terms of the union of two disjoint blocks. */
    public MeanOffset plus(MeanOffset other) {
        return new MeanOffset(gm + other.gm, gHm + other.gHm, hgHm + other.hgHm);
    }
}
