package org.alignscope.curvature;

import java.nio.file.Path;
import java.util.Map;
import org.alignscope.nn.Loss;
import org.alignscope.nn.OperatorKind;
import org.alignscope.nn.Precision;
import org.alignscope.settings.Bound;
import org.alignscope.settings.Range;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Setting;
import org.alignscope.settings.Types;
import org.alignscope.settings.Values;
import org.alignscope.spectral.LanczosOptions;

/**
 * Everything that defines an {@code alignscope hessian} run, declared once in {@link #SCHEMA} (the command's
 * options, their checks and the manifest's settings come from it), plus the rules between settings: exactly one of
 * a new model and a checkpoint; the initialisation scale for a new model only; a data folder for Fashion-MNIST
 * only. The reference set's settings are {@link ReferenceData}'s, shared with the monitor.
 */
public final class HessianSettings {
    public static final Setting<String> MODEL = Setting.optional("model",
            Types.text("a model spec"), "none (then --checkpoint)",
            "Model spec, e.g. mlp:784-200-200-10:tanh or cnn:1x28x28:c16k3p1-relu-max2-c32k3p1-relu-max2-d10"
                    + " (see nn/README.md).");
    public static final Setting<Path> CHECKPOINT = Setting.optional("checkpoint", Types.path(), "none (then --model)",
            "Analyse the model saved in this folder (index.json + .npy) instead of a new model.");
    public static final Setting<Long> SEED = Setting.of("seed", Types.anyLong(), 1L,
            "Seed of the initialisation (new model), the Lanczos start and the random probes.");
    public static final Setting<Double> INIT_SCALE = Setting.of("init_scale", Types.positive(), 1.0,
            "Factor on PyTorch's default initialisation, new model only.");
    public static final Setting<Loss> LOSS = Setting.optional("loss",
            Types.oneOf(Loss::label, Loss.CROSS_ENTROPY, Loss.MSE), "the checkpoint's, else mse", "The loss.");
    public static final Setting<Precision> PRECISION = Setting.optional("precision",
            Types.oneOf(Precision::label, Precision.F64, Precision.F32), "the checkpoint's, else f64",
            "Floating-point precision of the network's passes.");
    public static final Setting<Integer> K = Setting.of("k", Types.integerFrom(1), 10, "Top eigenpairs.")
            .in("eigenpairs");
    public static final Setting<Double> TOL = Setting.of("tol",
            Types.real(new Range(Bound.excluding(0), Bound.excluding(1))), 1e-6,
            "Converged when ||Hv - lambda v|| <= tol * |lambda_1|.");
    public static final Setting<Integer> NEGATIVE = Setting.of("negative", Types.integerFrom(0), 0,
            "Also the K most negative eigenpairs -> eigen_negative.csv (0: none).").in("eigenpairs");
    public static final Setting<Integer> MAX_HVPS = Setting.optional("max_hvps",
            Types.integer(new Range(Bound.of("2 max(k, negative)", v -> 2.0 * Math.max(v.get(K), v.get(NEGATIVE))),
                    null)),
            "50 pairs + 500 per solve", "Most HVPs per Lanczos solve, certification included (k to build the"
                    + " Krylov space, k to certify).").in("HVPs");
    public static final Setting<Boolean> TRACE = Setting.of("trace", Types.flag(), false,
            "Estimate the trace (Hutchinson and Hutch++, with standard errors) -> trace.csv.");
    public static final Setting<Integer> TRACE_HVPS = Setting.of("trace_hvps", Types.integerFrom(6), 99,
            "HVPs per trace estimator.").in("HVPs");
    public static final Setting<Boolean> DENSITY = Setting.of("density", Types.flag(), false,
            "Spectral density by stochastic Lanczos quadrature -> density.csv, density_nodes.csv, density.png.");
    public static final Setting<Integer> DENSITY_PROBES = Setting.of("density_probes", Types.integerFrom(1), 1,
            "SLQ probe vectors.");
    public static final Setting<Integer> DENSITY_STEPS = Setting.of("density_steps", Types.integerFrom(2), 90,
            "Lanczos steps per SLQ probe.");
    public static final Setting<OperatorKind> OPERATOR = Setting.of("operator",
            Types.oneOf(OperatorKind::label, OperatorKind.HESSIAN, OperatorKind.GGN), OperatorKind.HESSIAN,
            "The operator: the Hessian or the generalised Gauss-Newton matrix.");
    public static final Setting<String> BLOCK = Setting.optional("block",
            Types.parsed("tensor names or module indices, comma-separated", HessianSettings::blockSelection, s -> s),
            "all parameters", "Analyse only the diagonal block of these parameters, all others held fixed:"
                    + " tensor names (0.weight, 2.bias) or module indices (2 = 2.weight and 2.bias), PyTorch's names"
                    + " as in the checkpoint.");
    public static final Setting<Integer> BATCH = Setting.of("batch", Types.integerFrom(0), 0,
            "Evaluate the operator in chunks of B samples (exact mean-loss average; bounded memory, one forward pass"
                    + " per chunk and HVP); 0: the whole set at once.").in("samples");
    public static final Setting<Integer> THREADS = Setting.of("threads", Types.integer(1, 64), 1,
            "Split each batch (or chunk) into this many parts evaluated concurrently, one engine per thread; with"
                    + " OpenBLAS set OPENBLAS_NUM_THREADS=1 when > 1.");
    public static final Setting<Path> OUT = Setting.of("out", Types.path(), Path.of("runs/hessian"),
            "Output folder.");

    public static final Schema SCHEMA = Schema.commandLine("hessian", "Top-k eigenpairs of a network's loss Hessian"
            + " (or Gauss-Newton matrix) on a class-balanced reference set.", MODEL, CHECKPOINT, SEED, INIT_SCALE,
            LOSS, PRECISION, ReferenceData.DATA, ReferenceData.DATA_PATH, ReferenceData.LABEL_COLUMN,
            ReferenceData.DATA_SEED, ReferenceData.N, K, TOL, NEGATIVE, MAX_HVPS, TRACE,
            TRACE_HVPS, DENSITY, DENSITY_PROBES, DENSITY_STEPS, OPERATOR, BLOCK, BATCH, THREADS, OUT);

    private final Values values;

    private HessianSettings(Values values) {
        this.values = values;
    }

    /**
     * Settings resolved by {@link #SCHEMA}, checked for the rules between them.
     *
     * @throws org.alignscope.settings.SettingError naming the option at fault
     */
    public static HessianSettings of(Values values) {
        if (values.schema() != SCHEMA) {
            throw new IllegalArgumentException("not the settings of alignscope hessian");
        }
        if ((values.get(MODEL) == null) == (values.get(CHECKPOINT) == null)) {
            throw values.get(MODEL) == null
                    ? MODEL.invalid("give a model spec (e.g. mlp:784-200-200-10:tanh) or --checkpoint DIR")
                    : CHECKPOINT.invalid("give either --model or --checkpoint, not both");
        }
        if (values.get(CHECKPOINT) != null && values.given(INIT_SCALE)) {
            throw INIT_SCALE.invalid("applies to a new --model only, not to --checkpoint");
        }
        ReferenceData.Source.of(values);
        return new HessianSettings(values);
    }

    /** Settings given as typed values, the others at their defaults (for callers in code). */
    public static HessianSettings of(Map<Setting<?>, ?> given) {
        return of(SCHEMA.of(given, null));
    }

    public <T> T get(Setting<T> setting) {
        return values.get(setting);
    }

    /** These settings with one changed (its derived defaults following), checked again. */
    public <T> HessianSettings with(Setting<T> setting, T value) {
        return of(values.with(setting, value));
    }

    /** The most products of a solve for {@code pairs} pairs: --max-hvps, or 50 pairs + 500. */
    public int maxHvps(int pairs) {
        Integer given = values.get(MAX_HVPS);
        return given != null ? given : LanczosOptions.applicationsFor(pairs);
    }

    /** The reference set these settings choose. */
    public ReferenceData.Source dataSource() {
        return ReferenceData.Source.of(values);
    }

    /** The settings as a manifest map (every setting, resolved, in the schema's order). */
    public Map<String, Object> describe() {
        return values.describe();
    }

    private static String blockSelection(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("give tensor names or module indices, e.g. 0.weight or 2");
        }
        return text;
    }
}
