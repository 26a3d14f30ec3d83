package org.alignscope.quadlab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.alignscope.quadratic.Initialisation;
import org.alignscope.quadratic.IsotropicNoise;
import org.alignscope.quadratic.NoiseModel;
import org.alignscope.quadratic.Projection;
import org.alignscope.quadratic.QuadraticRun;
import org.alignscope.quadratic.Spectrum;
import org.alignscope.quadratic.StepSchedule;
import org.alignscope.quadratic.Trajectory;
import org.alignscope.settings.Bound;
import org.alignscope.settings.HeapBudget;
import org.alignscope.settings.Range;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Setting;
import org.alignscope.settings.Types;
import org.alignscope.settings.Values;

/**
 * The settings of the quad commands, declared once: those {@code quad run} and {@code quad sweep} share
 * ({@link #SHARED}), each one's gap ratios, seeds and folder ({@link #RUN}, {@link #SWEEP}), and
 * {@code quad reproduce}'s ({@link #REPRODUCE}). A run is a sweep of one m and one seed. {@link #of} checks the
 * rules between settings and that the sweep fits the heap, before any work starts; {@link #runs} reads the files
 * the settings name. Every error names the setting at fault.
 */
public final class QuadSettings {
    /** The dimension unless a spectrum file gives it. */
    static final int DEFAULT_D = 500;

    public static final Setting<SpectrumForm> SPECTRUM = Setting.of("spectrum", SpectrumForm.TYPE,
            new SpectrumForm.Authors(), "The eigenvalues: the authors' (dominant linspace(100, 80, k), bulk rescaled to"
                    + " lambda_k/(m + 0.1) for the gap ratio m), two levels, or a file's (d is their number).");
    public static final Setting<Integer> D = Setting.derived("d", Types.integerFrom(2),
            DEFAULT_D + ", or the spectrum file's length",
            v -> v.get(SPECTRUM).dimension().orElse(DEFAULT_D), "Dimension d.");
    public static final Setting<Integer> K = Setting.of("k",
            Types.integer(new Range(Bound.including(1), Bound.of("d - 1", v -> v.get(D) - 1))), 50,
            "Dominant dimension k.");
    public static final Setting<Double> ETA = Setting.of("eta", Types.positive(), 0.003, "Step size eta.");
    public static final Setting<ScheduleForm> SCHEDULE = Setting.of("schedule", ScheduleForm.TYPE,
            new ScheduleForm.Constant(), "Step-size schedule: eta, eta FACTOR^floor(t/EVERY), a cosine decay from eta to 0"
                    + " at step T, or eta/(1 + t/TAU).");
    public static final Setting<Double> SIGMA = Setting.of("sigma", Types.nonNegative(), 0.5,
            "Standard deviation sigma of the isotropic noise.");
    public static final Setting<NoiseForm> NOISE = Setting.of("noise", NoiseForm.TYPE, new NoiseForm.Isotropic(),
            "The gradient noise: isotropic with sigma, one variance per eigen-direction from a file, or a d x d"
                    + " covariance in eigen-coordinates from a file.");
    public static final Setting<Double> INIT_SCALE = Setting.of("init_scale", Types.nonNegative(), 1.0,
            "x_0 ~ N(0, scale^2 I) for the gaussian start.");
    public static final Setting<InitForm> INIT = Setting.of("init", InitForm.TYPE, new InitForm.Gaussian(),
            "The start: x_0 ~ N(0, init_scale^2 I), or c_0 in eigen-coordinates from a file (d numbers).");
    public static final Setting<Projection> STEP = Setting.of("step", QuadTypes.projection(), Projection.SGD,
            "The part of the stochastic gradient a step keeps: all of it (SGD), its dominant (DSGD) or"
                    + " bulk (BSGD) projection, or a P^D + b P^B.");
    public static final Setting<Long> STEPS = Setting.of("steps", Types.longInteger(1, Integer.MAX_VALUE - 1),
            30000L, "Number of updates T.").in("steps");
    public static final Setting<Integer> STEADY = Setting.derived("steady",
            Types.integer(new Range(Bound.including(1), Bound.of("steps", v -> v.get(STEPS)))), "T/3",
            v -> steadyFor(v.get(STEPS)), "Alignment statistics over the last N updates.").in("steps");
    public static final Setting<Integer> STRIDE = Setting.of("stride", Types.integerFrom(1), 10,
            "Write trajectory rows every N steps; statistics use every step.").in("steps");
    public static final Setting<Boolean> DENSE = Setting.of("dense", Types.flag(), false,
            "Simulate in a random rotated basis, O(d^2) per step, instead of eigen-coordinates.");
    public static final Setting<Boolean> NO_RUN_PLOTS = Setting.of("no_run_plots", Types.flag(), false,
            "Skip plot.png in each run folder (the overlays are still drawn).");
    public static final Setting<Integer> THREADS = Setting.derived("threads", Types.integerFrom(1),
            "the number of cores", v -> Runtime.getRuntime().availableProcessors(),
            "Worker threads; results do not depend on it.");

    /** The settings {@code quad run} and {@code quad sweep} share. */
    public static final Schema SHARED = Schema.commandLine("quad", "The settings of a simulation of the paper's"
            + " quadratic model.", SPECTRUM, D, K, ETA, SCHEDULE, SIGMA, NOISE, INIT_SCALE, INIT, STEP, STEPS, STEADY,
            STRIDE, DENSE, NO_RUN_PLOTS, THREADS);

    public static final Setting<String> M = Setting.of("m", QuadTypes.gapRatio(), "50",
            "Gap ratio m of the authors' spectrum.");
    public static final Setting<Long> SEED = Setting.of("seed", Types.anyLong(), 42L, "Seed.");
    public static final Setting<Path> RUN_OUT = Setting.of("out", Types.path(), Path.of("runs/quad-run"),
            "Output folder.");
    public static final Schema RUN = SHARED.with("quad run", "One simulation; writes the same files as a sweep.",
            M, SEED, RUN_OUT);

    public static final Setting<List<String>> MS = Setting.of("m", QuadTypes.gapRatios(), PaperReproduction.M_VALUES,
            "Gap ratios m of the authors' spectrum.");
    public static final Setting<List<Long>> SEEDS = Setting.of("seeds", Types.longList(), List.of(42L),
            "Seeds, comma-separated.");
    public static final Setting<Path> SWEEP_OUT = Setting.of("out", Types.path(), Path.of("runs/quad-sweep"),
            "Output folder.");
    public static final Schema SWEEP = SHARED.with("quad sweep", "Every (m, seed) pair; summary.csv has one row per"
            + " pair.", MS, SEEDS, SWEEP_OUT);

    public static final Setting<Path> REPRODUCE_OUT = Setting.of("out", Types.path(),
            Path.of("runs/quad-reproduce"), "Output folder.");
    public static final Schema REPRODUCE = Schema.commandLine("quad reproduce", "Section 7 and Appendix B of the"
            + " paper at its settings: figures, fits, summary.md.", REPRODUCE_OUT, THREADS);

    private final Values values;
    private final List<String> ms;
    private final List<Long> seeds;

    private QuadSettings(Values values, List<String> ms, List<Long> seeds) {
        this.values = values;
        this.ms = ms;
        this.seeds = seeds;
    }

    /** The alignment window by default: the last third of the run, at least one update. */
    static int steadyFor(long steps) {
        return (int) Math.max(1, steps / 3);
    }

    /**
     * Settings resolved by {@link #RUN} or {@link #SWEEP}, checked for the rules between them and against the heap.
     *
     * @throws org.alignscope.settings.SettingError naming the setting at fault
     */
    public static QuadSettings of(Values values) {
        boolean run = values.schema() == RUN;
        if (!run && values.schema() != SWEEP) {
            throw new IllegalArgumentException("not the settings of alignscope quad run or quad sweep");
        }
        QuadSettings s = run ? new QuadSettings(values, List.of(values.get(M)), List.of(values.get(SEED)))
                : new QuadSettings(values, values.get(MS), values.get(SEEDS));
        s.check();
        return s;
    }

    /** The settings of one run given as typed values, the others at their defaults (for callers in code). */
    public static QuadSettings run(Map<Setting<?>, ?> given) {
        return of(RUN.of(given, null));
    }

    /** The settings of a sweep given as typed values, the others at their defaults (for callers in code). */
    public static QuadSettings sweep(Map<Setting<?>, ?> given) {
        return of(SWEEP.of(given, null));
    }

    private void check() {
        int d = get(D);
        OptionalInt fileLength = get(SPECTRUM).dimension();
        if (fileLength.isPresent() && fileLength.getAsInt() != d) {
            throw D.invalid("the spectrum file has " + fileLength.getAsInt() + " eigenvalues, " + D.label() + " says "
                    + d);
        }
        if (get(K) > d - 1) {
            throw K.invalid(get(K) + " is out of range; allowed: [1, " + (d - 1) + "]");
        }
        if (get(INIT_SCALE) == 0 && get(SIGMA) == 0 && get(INIT) instanceof InitForm.Gaussian
                && get(NOISE) instanceof NoiseForm.Isotropic) {
            throw INIT_SCALE.invalid("must be > 0 when " + SIGMA.label() + " is 0 (without noise x_0 = 0 never"
                    + " leaves the minimum: the loss is 0 at every step and the alignment θ = 0/0 is undefined)");
        }
        checkMemory();
    }

    /**
     * Refuses a sweep that cannot fit the Java heap ({@link HeapBudget}). Each run holds at least four arrays of
     * d doubles (its start, its coordinates and eigenvalues in the simulator, the noise variances), per block of
     * coordinates that share a noise stream three per-step sums of T + 1 doubles, and at the end its loss and θ
     * series (2(T + 1)); the dense simulator adds a d × d rotation.
     */
    private void checkMemory() {
        int runs = ms.size() * seeds.size();
        int d = get(D);
        long steps = get(STEPS);
        String what = runs + (runs == 1 ? " run" : " runs") + " of " + steps + " steps at d = " + d;
        HeapBudget.require(D.label(), "d", d, what, dim -> bytes(dim, 1, runs));
        HeapBudget.require(STEPS.label(), "T", steps, what, t -> bytes(d, t, runs));
    }

    private double bytes(long dim, long t, int runs) {
        double blocks = get(NOISE) instanceof NoiseForm.Covariance ? 1
                : Math.ceil(dim / (double) new IsotropicNoise(0).blockSize((int) dim));
        double perRun = 4.0 * dim + (3 * blocks + 2) * (t + 1);
        return Double.BYTES * (runs * perRun + (get(DENSE) ? (double) dim * dim : 0));
    }

    public <T> T get(Setting<T> setting) {
        return values.get(setting);
    }

    /** The gap ratios m as the user wrote them (labels of folders and summary rows). */
    public List<String> ms() {
        return ms;
    }

    public List<Long> seeds() {
        return seeds;
    }

    /** The output folder. */
    public Path out() {
        return get(values.schema() == RUN ? RUN_OUT : SWEEP_OUT);
    }

    /** The runs of the sweep, m-major then seed; building them reads and checks every file first. */
    public List<QuadraticRun> runs() {
        StepSchedule schedule = get(SCHEDULE).at(get(ETA));
        Initialisation start = INIT.reading(() -> get(INIT).start(get(INIT_SCALE)));
        List<QuadraticRun> runs = new ArrayList<>();
        for (String m : ms) {
            Spectrum spec = SPECTRUM.reading(() -> get(SPECTRUM).at(get(D), get(K), Double.parseDouble(m)));
            checkInitialLoss(spec);
            NoiseModel noise = NOISE.reading(() -> get(NOISE).model(get(SIGMA), spec.dimension()));
            INIT.reading(() -> start.coordinates(spec.dimension(), 0));
            for (long seed : seeds) {
                runs.add(new QuadraticRun(spec, noise, start, schedule, get(STEP), get(STEPS), seed, get(STRIDE)));
            }
        }
        return runs;
    }

    /**
     * Refuses a Gaussian start whose expected loss ½·scale²·Σλ_i already exceeds the divergence threshold
     * ({@link Trajectory#DIVERGENCE_LOSS}): such a run would count as diverged at step 0, and beyond it its
     * moments overflow.
     */
    private void checkInitialLoss(Spectrum spec) {
        if (!(get(INIT) instanceof InitForm.Gaussian)) {
            return;
        }
        double scale = get(INIT_SCALE);
        double trace = Arrays.stream(spec.lambda()).sum();
        double largest = Math.sqrt(2 * Trajectory.DIVERGENCE_LOSS / trace);
        if (!(0.5 * scale * scale * trace <= Trajectory.DIVERGENCE_LOSS)) {
            throw INIT_SCALE.invalid(String.format(Locale.ROOT, "must be at most %.3g for this spectrum (got %s: the"
                    + " expected initial loss ½·scale²·Σλ_i would exceed the divergence threshold %.0e)", largest,
                    scale, Trajectory.DIVERGENCE_LOSS));
        }
    }

    /** The settings as a manifest map (every setting, resolved, in the schema's order). */
    public Map<String, Object> describe() {
        return values.describe();
    }
}
