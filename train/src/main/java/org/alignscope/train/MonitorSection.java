package org.alignscope.train;

import java.util.ArrayList;
import java.util.List;
import org.alignscope.monitor.DominantDimension;
import org.alignscope.monitor.DynamicDimension;
import org.alignscope.monitor.MonitorOptions;
import org.alignscope.nn.ModelSpec;
import org.alignscope.settings.Bound;
import org.alignscope.settings.Range;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Setting;
import org.alignscope.settings.SettingError;
import org.alignscope.settings.Types;
import org.alignscope.settings.Values;

/** The {@code monitor:} section: the alignment monitor evaluated during training (absent: not run). */
final class MonitorSection {
    /** The value of {@code every: adaptive} (no interval: the adaptive schedule picks them). */
    static final int ADAPTIVE = 0;
    static final Setting<Integer> EVERY = Setting.of("every", Types.integerOr(Types.integerFrom(1), "adaptive",
            ADAPTIVE), 100, "Evaluate at every step t with t mod every = 0; adaptive: min_every, max_every and change"
            + " set the intervals.").in("steps");
    static final Setting<Integer> K = Setting.derived("k", Types.integerOr(Types.integer(1, 1000), "auto",
            MonitorOptions.AUTO_K), "subspace.k", v -> v.get(SubspaceSection.K), "The monitor's dominant dimension"
            + " (below the parameter count); auto: at each evaluation the k in [2, 30] with the largest λ_k/λ_k+1"
            + " (32 parameters or more).");
    static final Setting<Integer> SAMPLES = Setting.of("samples", Types.integer(2, 1_000_000), 32, "r: noise samples"
            + " (mini-batch gradients of training.batch_size, one HVP each) per evaluation.");
    static final Setting<List<String>> ARMS = Setting.optional("arms", Types.words("arm names"), "every arm with"
            + " track: true", "The monitored arms; the base phase is monitored when any arm is.");
    static final Setting<Double> THETA_THRESHOLD = Setting.of("theta_threshold", Types.real(0, 1), 0.9, "θ above"
            + " which suspicious-alignment can be reported.");
    static final Setting<Integer> K_SPREAD = Setting.of("k_spread", Types.integer(0, 100), 2, "The sensitivity range"
            + " k − k_spread … k + k_spread.");
    static final Setting<Double> DYNAMIC_K = Setting.optional("dynamic_k", Types.positive(), "off", "c: at each"
            + " evaluation k is the number of reference-Hessian eigenvalues above c/η (η the step the theory uses),"
            + " counted up to 50, and the split uses clamp(that, k_min, 50) (k_dyn column; e.g. 2: the eigenvalues"
            + " above the SGD stability edge 2/η); not with k; sgd, or momentum/nesterov with effective_step.");
    static final Setting<Integer> K_MIN = Setting.of("k_min", Types.integer(1, DynamicDimension.LARGEST), 1,
            "dynamic_k: the smallest k the split uses (where fewer eigenvalues lie above c/η; below the parameter"
            + " count).");
    static final Setting<Double> TOLERANCE = Setting.of("tolerance", Types.real(1e-14, 1), MonitorOptions.DEFAULT_TOLERANCE, "Lanczos relative"
            + " residual target of the monitor's eigenpairs; tightened (by 10, up to 4 times, within max_hvps) where"
            + " the Davis–Kahan bound on the dominant subspace's error (subspace_sin) exceeds 0.05.");
    static final Setting<Integer> MAX_HVPS = Setting.derived("max_hvps", Types.integer(new Range(
            Bound.of("2(k + k_spread + 1)", v -> 2 * pairs(v)), null)), "50(k + k_spread + 1) + 500 (k: auto counts"
            + " as 30, dynamic_k as 50)", v -> 50 * pairs(v) + 500, "Lanczos budget of one evaluation, tightenings"
            + " (and dynamic_k's growth of the solve) included.").in("HVPs");
    static final Setting<Boolean> EFFECTIVE_STEP = Setting.of("effective_step", Types.flag(), false, "Momentum and"
            + " nesterov: apply the SGD theory with η/(1 − μ) instead of reporting theory-n/a.");
    static final Setting<Integer> MIN_EVERY = Setting.of("min_every", Types.integerFrom(1), 10, "every: adaptive:"
            + " the shortest interval (also the first).").in("steps");
    static final Setting<Integer> MAX_EVERY = Setting.of("max_every", Types.integer(new Range(
            Bound.of("min_every", v -> v.get(MIN_EVERY)), null)), 200, "every: adaptive: the longest interval.")
            .in("steps");
    static final Setting<Double> CHANGE = Setting.of("change", Types.positive(1), 0.05, "every: adaptive: the change"
            + " of θ or of η/η* above which the interval halves.");
    static final Setting<Integer> PROBE_STEPS = Setting.of("probe_steps", Types.integer(0, 1_000_000), 0, "R: at"
            + " every evaluation also take R dominant- and R bulk-projected SGD steps and R plain steps at each of"
            + " 0.5 eta*, 2 eta* and eta, and compare the loss and alignment changes with the predictions (probe.csv,"
            + " probe-summary.csv; 0: off; else >= 2, SGD only).").in("steps");

    static final Setting<Integer> CUMULATIVE_POINTS = Setting.of("cumulative_points", Types.integer(0, 1_000_000), 0,
            "p: predict E ΔL at p uniformly drawn steps of each window and compare (W/p)·Σ with the realised change in"
            + " cumulative.csv (0: off, the default: each point costs about r + 2 HVPs; else >= 2, SGD without weight"
            + " decay only).").in("steps");
    static final Setting<Integer> CUMULATIVE_WINDOW = Setting.derived("cumulative_window", Types.integerFrom(1),
            "one epoch: ⌈data.train_samples / training.batch_size⌉", MonitorSection::epochSteps, "W: the steps of"
            + " one window of cumulative_points (windows start at step 0; the last one ends with the run).")
            .in("steps");

    static final Schema SCHEMA = Schema.file("monitor", "The alignment monitor during training; without this section"
            + " it does not run.", EVERY, K, SAMPLES, ARMS, THETA_THRESHOLD, K_SPREAD, DYNAMIC_K, K_MIN, TOLERANCE,
            MAX_HVPS,
            EFFECTIVE_STEP, MIN_EVERY, MAX_EVERY, CHANGE, PROBE_STEPS, CUMULATIVE_POINTS, CUMULATIVE_WINDOW);

    private MonitorSection() {
    }

    /** The steps of one epoch, ⌈N/B⌉. */
    private static int epochSteps(Values v) {
        int n = v.get(DataSection.TRAIN_SAMPLES);
        int b = v.get(TrainingSection.BATCH_SIZE);
        return (n + b - 1) / b;
    }

    /**
     * The most eigenpairs one evaluation solves for: k + k_spread + 1, with k: auto and dynamic_k as their largest k
     * (30, 50).
     */
    private static int pairs(Values v) {
        int k = v.get(DYNAMIC_K) != null ? DynamicDimension.LARGEST : v.get(K);
        return (k == MonitorOptions.AUTO_K ? DominantDimension.LARGEST : k) + v.get(K_SPREAD) + 1;
    }

    /**
     * The section's record, checked against the model's parameter count, the arms, the optimizer and the reference
     * set read before it.
     */
    static TrainConfig.Monitor from(Values v, List<TrainConfig.Arm> arms) {
        TrainConfig.Adaptive adaptive = null;
        int parameters = ModelSpec.parse(v.get(ModelSection.SPEC)).parameterCount();
        int k = v.get(K);
        Double dynamic = v.get(DYNAMIC_K);
        if (dynamic != null) {
            checkDynamic(v, parameters);
        } else if (v.given(K_MIN)) {
            throw v.invalid(K_MIN, "allowed only with " + v.label(DYNAMIC_K));
        } else if (!DominantDimension.fits(k, parameters)) {
            throw v.invalid(K, DominantDimension.outOfRange(String.valueOf(K.type().describe(k)),
                    parameters));
        }
        if (v.get(EVERY) == ADAPTIVE) {
            adaptive = new TrainConfig.Adaptive(v.get(MIN_EVERY), v.get(MAX_EVERY), v.get(CHANGE));
        } else {
            for (Setting<?> s : List.of(MIN_EVERY, MAX_EVERY, CHANGE)) {
                if (v.given(s)) {
                    throw v.invalid(s, "allowed only with " + v.label(EVERY) + ": adaptive");
                }
            }
        }
        List<String> monitored = monitoredArms(v, arms);
        String optimizer = v.get(OptimizerSection.NAME);
        if (v.get(EFFECTIVE_STEP) && !(optimizer.equals("momentum") || optimizer.equals("nesterov"))) {
            throw v.invalid(EFFECTIVE_STEP, "allowed true only with " + OptimizerSection.NAME.label() + " momentum"
                    + " or nesterov (got " + optimizer + ")");
        }
        int batch = v.get(TrainingSection.BATCH_SIZE);
        int reference = v.get(SubspaceSection.REFERENCE_SAMPLES);
        int referenceSamples = reference == 0 ? v.get(DataSection.TRAIN_SAMPLES) : reference;
        if (batch > referenceSamples) {
            throw new SettingError(SCHEMA.path(), TrainingSection.BATCH_SIZE.label() + " " + batch + " exceeds the "
                    + referenceSamples + " reference samples the monitor draws its noise mini-batches from");
        }
        int probe = v.get(PROBE_STEPS);
        if (probe == 1 || (probe > 0 && !optimizer.equals("sgd"))) {
            throw v.invalid(PROBE_STEPS, probe + " is not allowed; allowed: 0 (off) or >= 2, with "
                    + OptimizerSection.NAME.label() + " sgd only");
        }
        int points = v.get(CUMULATIVE_POINTS);
        if (points == 1 || (points > 0 && !(optimizer.equals("sgd") && v.get(OptimizerSection.WEIGHT_DECAY) == 0))) {
            throw v.invalid(CUMULATIVE_POINTS, points + " is not allowed; allowed: 0 (off) or >= 2, with "
                    + OptimizerSection.NAME.label() + " sgd and " + OptimizerSection.WEIGHT_DECAY.label() + " 0 only");
        }
        if (points == 0 && v.given(CUMULATIVE_WINDOW)) {
            throw v.invalid(CUMULATIVE_WINDOW, "allowed only with " + v.label(CUMULATIVE_POINTS) + " >= 2");
        }
        return new TrainConfig.Monitor(v.get(EVERY), adaptive, v.get(K), v.get(SAMPLES), monitored,
                v.get(THETA_THRESHOLD), v.get(K_SPREAD), v.get(TOLERANCE), v.get(MAX_HVPS), v.get(EFFECTIVE_STEP),
                probe, points, v.get(CUMULATIVE_WINDOW), dynamic == null ? 0 : dynamic, v.get(K_MIN));
    }

    /**
     * dynamic_k's rules: it replaces k (k: auto or an integer is refused beside it, so that no row is read with a k
     * it did not use), it needs the step the theory uses (sgd, or momentum/nesterov with effective_step: true), and
     * k_min fits the parameters (k_min + 1 ≤ n).
     */
    private static void checkDynamic(Values v, int parameters) {
        if (v.given(K)) {
            throw v.invalid(K, "not allowed together with " + v.label(DYNAMIC_K) + " (it chooses k at each"
                    + " evaluation; " + v.label(K_MIN) + " sets its smallest value)");
        }
        String optimizer = v.get(OptimizerSection.NAME);
        if (!(optimizer.equals("sgd") || v.get(EFFECTIVE_STEP))) {
            throw v.invalid(DYNAMIC_K, "allowed only with " + OptimizerSection.NAME.label() + " sgd, or momentum or"
                    + " nesterov with " + v.label(EFFECTIVE_STEP) + ": true (got " + optimizer + "): c/eta needs the"
                    + " step the theory uses");
        }
        int kMin = v.get(K_MIN);
        if (kMin > parameters - 1) {
            throw v.invalid(K_MIN, kMin + " does not fit the " + parameters + " parameters; allowed: an integer in"
                    + " [1, " + Math.min(DynamicDimension.LARGEST, parameters - 1) + "]");
        }
    }

    /** The arms named by monitor.arms, each an arm of the config and listed once; by default the tracked ones. */
    private static List<String> monitoredArms(Values v, List<TrainConfig.Arm> arms) {
        List<String> out = new ArrayList<>();
        if (v.get(ARMS) == null) {
            for (TrainConfig.Arm a : arms) {
                if (a.track()) {
                    out.add(a.name());
                }
            }
            return List.copyOf(out);
        }
        List<String> names = arms.stream().map(TrainConfig.Arm::name).toList();
        for (String name : v.get(ARMS)) {
            if (!names.contains(name)) {
                throw v.invalid(ARMS, "'" + name + "' is not an arm; allowed: " + String.join(", ", names));
            }
            if (out.contains(name)) {
                throw v.invalid(ARMS, "'" + name + "' is listed twice");
            }
            out.add(name);
        }
        return List.copyOf(out);
    }
}
