package org.alignscope.train;

import org.alignscope.nn.OperatorKind;
import org.alignscope.settings.Bound;
import org.alignscope.settings.Range;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Setting;
import org.alignscope.settings.Types;
import org.alignscope.settings.Values;
import org.alignscope.spectral.LanczosOptions;

/** The {@code subspace:} section: the dominant subspace, the Lanczos runs that find it and how often they run. */
final class SubspaceSection {
    static final Setting<Integer> K = Setting.of("k", Types.integer(1, 1000), 10, "Dominant dimension: the top-k"
            + " eigenvectors span the dominant subspace.");
    static final Setting<Integer> REFERENCE_SAMPLES = Setting.of("reference_samples", Types.integer(new Range(
            Bound.including(0), Bound.of("data.train_samples", v -> v.get(DataSection.TRAIN_SAMPLES)))), 0, "The first"
            + " this many training samples form the reference set (0: all).").in("samples");
    static final Setting<Integer> CHUNK = Setting.of("chunk", Types.integer(1, 1_000_000), 1000, "Samples per chunk"
            + " of reference-set evaluations (bounds the memory).").in("samples");
    static final Setting<Integer> REFRESH_EVERY = Setting.of("refresh_every", Types.integerFrom(1), 100, "After the"
            + " switch, each tracked arm recomputes its subspace every this many steps (1: every step, Song et al.'s"
            + " protocol).").in("steps");
    static final Setting<Double> TOLERANCE = Setting.of("tolerance", Types.real(1e-14, 1), 1e-4, "Lanczos relative"
            + " residual target: ‖Hv − λv‖ ≤ tol·λ₁.");
    static final Setting<Integer> MAX_HVPS = Setting.derived("max_hvps", Types.integer(new Range(
            Bound.of("2k", v -> 2 * v.get(K)), null)), "50k + 200", v -> 50 * v.get(K) + 200, "Lanczos budget per"
            + " refresh, certification included.").in("HVPs");
    static final Setting<Integer> KRYLOV = Setting.derived("krylov", Types.integer(new Range(
            Bound.of("k + 2", v -> v.get(K) + 2), Bound.including(100_000))), "max(2k + 10, 30)",
            v -> LanczosOptions.krylovFor(v.get(K)), "Lanczos basis size before a thick restart.").in("vectors");
    static final Setting<OperatorKind> OPERATOR = Setting.of("operator", Types.choice(OperatorKind::parse,
            OperatorKind::label, "hessian", "ggn"), OperatorKind.HESSIAN, "Whose top-k eigenvectors span the"
            + " dominant subspace: the reference-set Hessian (Song et al.) or the positive semi-definite generalised"
            + " Gauss–Newton matrix.");

    static final Schema SCHEMA = Schema.file("subspace", "The dominant subspace of the reference set's curvature.",
            K, REFERENCE_SAMPLES, CHUNK, REFRESH_EVERY, TOLERANCE, MAX_HVPS, KRYLOV, OPERATOR);

    private SubspaceSection() {
    }

    /** The section's record. */
    static TrainConfig.SubspaceSettings from(Values v) {
        return new TrainConfig.SubspaceSettings(v.get(K), v.get(REFERENCE_SAMPLES), v.get(CHUNK),
                v.get(REFRESH_EVERY), v.get(TOLERANCE), v.get(MAX_HVPS), v.get(KRYLOV), v.get(OPERATOR));
    }
}
