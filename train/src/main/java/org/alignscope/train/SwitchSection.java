package org.alignscope.train;

import org.alignscope.settings.Bound;
import org.alignscope.settings.Range;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Setting;
import org.alignscope.settings.Types;
import org.alignscope.settings.Values;

/** The {@code switch:} section: when the arms branch off the base run. */
final class SwitchSection {
    static final Setting<Double> EMA = Setting.of("ema", Types.realBelow(0, 1), 0.9, "EMA factor β: e ← β e +"
            + " (1 − β) χ, initialised with the first χ.");
    static final Setting<Double> THRESHOLD = Setting.of("threshold", Types.real(0, 1), 0.95, "Switch when e >"
            + " threshold; on χ (unsquared: 0.95 is θ = 0.9025).");
    static final Setting<Integer> CHECK_EVERY = Setting.derived("check_every", Types.integerFrom(1),
            "subspace.refresh_every", v -> v.get(SubspaceSection.REFRESH_EVERY), "Before the switch, the subspace"
                    + " is refreshed and χ evaluated every this many steps.").in("steps");
    static final Setting<Integer> FALLBACK_STEP = Setting.derived("fallback_step", Types.integer(new Range(
            Bound.including(0), Bound.of("training.steps − 1", v -> v.get(TrainingSection.STEPS) - 1))),
            "min(training.steps − 1, 2000)", v -> Math.min(v.get(TrainingSection.STEPS) - 1, 2000), "Switch here if"
                    + " the threshold has not fired (a check is forced at this step).").in("steps");

    static final Schema SCHEMA = Schema.file("switch", "The switch from the base run to the paired arms.", EMA,
            THRESHOLD, CHECK_EVERY, FALLBACK_STEP);

    private SwitchSection() {
    }

    /** The section's record. */
    static TrainConfig.Switch from(Values v) {
        return new TrainConfig.Switch(v.get(EMA), v.get(THRESHOLD), v.get(CHECK_EVERY), v.get(FALLBACK_STEP));
    }
}
