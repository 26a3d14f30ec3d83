package org.alignscope.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.alignscope.monitor.MonitorResult;
import org.alignscope.nn.Model;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Setting;
import org.alignscope.settings.Types;

/**
 * The monitor's overhead relative to plain training, in the form of Cockpit's table: from one state of a config's
 * base trajectory (its first seed, after {@code warmup} plain steps), a window of W steps of plain training, then
 * W steps with the monitor every n steps for each n, then the plain window again (the spread of the two plain
 * windows shows the machine's drift), each from a copy of the same state, in the same process. A monitored window
 * does what {@code alignscope train} does on a monitor step: the evaluation (the first cold, later ones
 * warm-started from the previous eigenvectors), the step, and the reference loss for the realised change.
 * Wall time is what it measures; no test asserts on it. Its settings ({@link #SCHEMA}) are declared here because
 * its errors name them.
 */
public final class MonitorBenchmark {
    public static final Setting<Path> CONFIG = Setting.required("config", Types.path(),
            "A training config with a monitor: section (its k, samples and tolerance are used).");
    public static final Setting<Integer> WARMUP = Setting.of("warmup", Types.integerFrom(0), 100,
            "Plain steps from the initialisation to the measured state.").in("steps");
    public static final Setting<Integer> WINDOW = Setting.of("window", Types.integerFrom(1), 200,
            "Steps per measured window.").in("steps");
    public static final Setting<List<Integer>> EVERY = Setting.of("every",
            Types.parsed("intervals >= 1, comma-separated", MonitorBenchmark::intervals,
                    l -> l.stream().map(String::valueOf).collect(Collectors.joining(","))),
            List.of(100, 10, 1), "Monitor intervals.").in("steps");

    /** The settings of the benchmark (part of {@code alignscope bench monitor}'s options). */
    public static final Schema SCHEMA = Schema.commandLine("bench monitor", "The monitor's overhead against plain"
            + " training.", CONFIG, WARMUP, WINDOW, EVERY);

    /**
     * One window.
     *
     * @param every        monitor interval (0: plain training)
     * @param seconds      wall time of the window
     * @param evaluations  monitor evaluations in it
     * @param coldSeconds  the first (cold) evaluation's seconds, NaN without one
     * @param coldHvps     its eigen-solve HVPs (0 without one)
     * @param warmSeconds  mean seconds of the warm-started evaluations, NaN without any
     * @param warmHvps     their mean eigen-solve HVPs, NaN without any
     */
    public record Window(int every, double seconds, int evaluations, double coldSeconds, int coldHvps,
                         double warmSeconds, double warmHvps) {
    }

    private MonitorBenchmark() {
    }

    /**
     * @param cfg     a config with a {@code monitor:} section (its k, samples, tolerance are used) and SGD
     * @param warmup  plain steps from the initialisation to the measured state (as {@link #WARMUP} allows)
     * @param window  W (as {@link #WINDOW} allows)
     * @param everies monitor intervals (as {@link #EVERY} allows)
     * @throws org.alignscope.settings.SettingError when the config has no monitor or fewer steps than the windows
     */
    public static List<Window> run(TrainConfig cfg, int warmup, int window, List<Integer> everies,
                                   Consumer<String> progress) {
        if (cfg.monitor() == null) {
            throw CONFIG.invalid("has no monitor: section (it gives k, samples, tolerance)");
        }
        if ((long) warmup + window > cfg.steps()) {
            throw WARMUP.invalid("warmup + window must lie in [1, training.steps = " + cfg.steps() + "], got "
                    + warmup + " + " + window);
        }
        Consumer<String> say = progress == null ? s -> { } : progress;
        Trainer tr = new Trainer(cfg, null, null);
        long seed = cfg.seeds().get(0);
        Trainer.Arm start = new Trainer.Arm("base", 0, ArmProjection.NONE, cfg.model().create(seed),
                Optimizer.create(cfg.optimizer()));
        start.opt.initialise(start.model.parameterCount());
        for (long t = 0; t < warmup; t++) {
            tr.stepOnly(start, t, tr.batchAt(seed, t), new Trainer.Row(t, "base"));
        }
        List<Integer> modes = new ArrayList<>();
        modes.add(0);
        modes.addAll(everies);
        modes.add(0);
        List<Window> out = new ArrayList<>();
        for (int every : modes) {
            Model m = tr.newModel();
            System.arraycopy(start.model.parameters(), 0, m.parameters(), 0, m.parameterCount());
            Trainer.Arm a = new Trainer.Arm("base", 0, ArmProjection.NONE, m, start.opt.copy());
            tr.attachMonitor(a, seed, cfg.monitor() == null ? null : cfg.monitor().schedule(), null);
            Window w = window(tr, a, seed, warmup, window, every);
            say.accept(every == 0 ? String.format(java.util.Locale.ROOT, "plain: %.1f s", w.seconds())
                    : String.format(java.util.Locale.ROOT, "every %d: %.1f s, %d evaluations", every, w.seconds(),
                    w.evaluations()));
            out.add(w);
        }
        return out;
    }

    /** Monitor intervals written comma-separated, each at least 1. */
    private static List<Integer> intervals(String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.split(",")) {
            int n;
            try {
                n = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not an integer; allowed: intervals >= 1,"
                        + " comma-separated");
            }
            if (n < 1) {
                throw new IllegalArgumentException("each interval must be >= 1, got " + n);
            }
            out.add(n);
        }
        return List.copyOf(out);
    }

    private static Window window(Trainer tr, Trainer.Arm a, long seed, long from, int steps, int every) {
        int evaluations = 0;
        double coldSeconds = Double.NaN;
        int coldHvps = 0;
        double warmSeconds = 0;
        double warmHvps = 0;
        long t0 = System.nanoTime();
        for (long t = from; t < from + steps; t++) {
            MonitorResult r = null;
            if (every > 0 && (t - from) % every == 0) {
                long e0 = System.nanoTime();
                r = tr.monitorAt(a, seed, t);
                double s = (System.nanoTime() - e0) / 1e9;
                if (evaluations == 0) {
                    coldSeconds = s;
                    coldHvps = r.eigen().applications();
                } else {
                    warmSeconds += s;
                    warmHvps += r.eigen().applications();
                }
                evaluations++;
            }
            tr.stepOnly(a, t, tr.batchAt(seed, t), new Trainer.Row(t, "base"));
            if (r != null) {
                tr.referenceLoss(a);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int warm = evaluations - 1;
        return new Window(every, seconds, evaluations, coldSeconds, coldHvps, warm > 0 ? warmSeconds / warm
                : Double.NaN, warm > 0 ? warmHvps / warm : Double.NaN);
    }
}
