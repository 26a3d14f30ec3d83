package org.alignscope.lab.curvature;

import java.util.Locale;

/** Which curvature matrix of the mean loss a run analyses. */
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

    /** Parses {@code hessian} or {@code ggn} (also {@code gauss-newton}, {@code gn}). */
    public static OperatorKind parse(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "hessian": case "h": return HESSIAN;
            case "ggn": case "gn": case "gauss-newton": case "gaussnewton": return GGN;
            default: throw new IllegalArgumentException("--operator: must be hessian or ggn (got '" + s + "')");
        }
    }
}
