package org.alignscope.train;

import java.util.Locale;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Setting;
import org.alignscope.settings.Types;
import org.alignscope.settings.Values;

/** The {@code optimizer.schedule:} section: the learning-rate multiplier s(t) of {@link LrMultiplier}. */
final class ScheduleSection {
    static final Setting<LrMultiplier.Kind> KIND = Setting.of("kind", Types.choice(
            w -> LrMultiplier.Kind.valueOf(w.toUpperCase(Locale.ROOT)), k -> k.name().toLowerCase(Locale.ROOT),
            "constant", "step", "cosine"), LrMultiplier.Kind.CONSTANT, "The decay: η_t = η·s(t).");
    static final Setting<Integer> EVERY = Setting.of("every", Types.integerFrom(1), 1000, "step: s = factor^⌊t/every⌋.")
            .in("steps");
    static final Setting<Double> FACTOR = Setting.of("factor", Types.positive(1e6), 0.1, "step: the factor per"
            + " `every` steps.");
    static final Setting<Integer> STEPS = Setting.derived("steps", Types.integerFrom(1), "training.steps",
            v -> v.get(TrainingSection.STEPS), "cosine: T of s = m + (1 − m)·½(1 + cos(π·min(t, T)/T)).")
            .in("steps");
    static final Setting<Double> MIN_FACTOR = Setting.of("min_factor", Types.real(0, 1), 0.0, "cosine: the floor m.");
    static final Setting<Integer> WARMUP = Setting.of("warmup", Types.integerFrom(0), 0, "Linear warm-up: s is"
            + " multiplied by (t + 1)/W for t < W (0: none).").in("steps");

    static final Schema SCHEMA = Schema.file("schedule", "The learning-rate schedule (read after training, whose"
            + " steps it defaults to).", KIND, EVERY, FACTOR, STEPS, MIN_FACTOR, WARMUP);

    private ScheduleSection() {
    }

    /** The section's record. */
    static LrMultiplier from(Values v) {
        return new LrMultiplier(v.get(KIND), v.get(EVERY), v.get(FACTOR), v.get(STEPS), v.get(MIN_FACTOR),
                v.get(WARMUP));
    }
}
