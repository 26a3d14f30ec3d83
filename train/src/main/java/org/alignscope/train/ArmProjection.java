package org.alignscope.train;

import java.util.List;
import java.util.Locale;

/**
 * How an arm restricts its steps: v ↦ a·P_D v + b·P_B v, with (a, b) = (1, 1) for {@code none} (plain),
 * (1, 0) for {@code dom}, (0, 1) for {@code bulk} and free for {@code interp}.
 *
 * <p>{@link Target#UPDATE} (the default) projects the final update u_t (after momentum, Adam's preconditioning
 * and weight decay), so the parameter displacement itself lies in the chosen subspace. {@link Target#GRADIENT}
 * projects the effective gradient before the optimizer state sees it; with momentum or Adam the displacement
 * then leaves the subspace (old momentum, the diagonal preconditioner rotates it). For plain SGD without
 * decoupled decay the two coincide.
 *
 * <p>It is not the quadratic lab's {@code org.alignscope.quadratic.Projection}, which holds only the weights of the
 * paper's SGD, DSGD and BSGD (eqs. 3–4) on an exact eigenbasis: an arm also names its kind in the config's words
 * ({@code none}, {@code dom}, {@code bulk}, {@code interp}) and the {@link Target} it projects, and applies itself
 * through an estimated {@link Subspace}.
 */
public record ArmProjection(Kind kind, double a, double b, Target target) {

    public enum Kind { NONE, DOM, BULK, INTERP }

    public enum Target { UPDATE, GRADIENT }

    public static final List<String> KINDS = List.of("none", "dom", "bulk", "interp");
    public static final List<String> TARGETS = List.of("update", "gradient");

    public static final ArmProjection NONE = new ArmProjection(Kind.NONE, 1, 1, Target.UPDATE);

    /** A non-interpolated projection of the given kind; (a, b) follow from it. */
    public static ArmProjection of(Kind kind, Target target) {
        switch (kind) {
            case DOM: return new ArmProjection(kind, 1, 0, target);
            case BULK: return new ArmProjection(kind, 0, 1, target);
            case NONE: return new ArmProjection(kind, 1, 1, target);
            default: throw new IllegalArgumentException("interp needs a and b");
        }
    }

    /** Whether the arm projects at all. */
    public boolean active() {
        return kind != Kind.NONE;
    }

    /** In place: v ← a·P_D v + b·P_B v. */
    public void apply(Subspace s, double[] v) {
        if (active()) {
            s.mix(v, a, b);
        }
    }

    public String label() {
        String k = kind.name().toLowerCase(Locale.ROOT);
        return kind == Kind.INTERP ? k + "(" + a + "," + b + ")" : k;
    }
}
