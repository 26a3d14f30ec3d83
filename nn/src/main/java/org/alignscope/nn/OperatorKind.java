package org.alignscope.nn;

import java.util.Locale;
import org.alignscope.linalg.SymmetricOperator;

/** Which curvature matrix of a model's mean loss an analysis uses. */
public enum OperatorKind {
    /** The Hessian ∇²L (indefinite in general). */
    HESSIAN("hessian"),
    /** The generalised Gauss–Newton matrix Jᵀ(∇²_z ℓ)J (positive semi-definite). */
    GGN("ggn");

    private final String label;

    OperatorKind(String label) {
        this.label = label;
    }

    /** {@code hessian} or {@code ggn}. */
    public String label() {
        return label;
    }

    /** This matrix of {@code model}'s mean loss on {@code b}: {@link Model#hessian} or {@link Model#gaussNewton}. */
    public SymmetricOperator of(Model model, Batch b) {
        return this == HESSIAN ? model.hessian(b) : model.gaussNewton(b);
    }

    /**
     * Writes out = M v for this matrix of {@code model}'s mean loss on {@code b} without keeping an operator:
     * {@link Model#hvp}, or a {@link Model#gaussNewton} operator used once.
     */
    public void apply(Model model, Batch b, double[] v, double[] out) {
        if (this == HESSIAN) {
            model.hvp(b, v, out);
        } else {
            model.gaussNewton(b).apply(v, out);
        }
    }

    /** Parses {@code hessian} or {@code ggn} (also {@code gauss-newton}, {@code gn}). */
    public static OperatorKind parse(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "hessian": case "h": return HESSIAN;
            case "ggn": case "gn": case "gauss-newton": case "gaussnewton": return GGN;
            default: throw new IllegalArgumentException("must be hessian or ggn (got '" + s + "')");
        }
    }
}
