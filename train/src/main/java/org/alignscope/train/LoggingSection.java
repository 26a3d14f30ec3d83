package org.alignscope.train;

import org.alignscope.settings.Schema;
import org.alignscope.settings.Setting;
import org.alignscope.settings.Types;
import org.alignscope.settings.Values;

/** The {@code logging:} section: evaluations, checkpoints and when an arm counts as diverged. */
final class LoggingSection {
    static final Setting<Integer> EVAL_EVERY = Setting.of("eval_every", Types.integerFrom(1), 100, "Reference-set"
            + " loss, gradient alignment and accuracies every this many steps.").in("steps");
    static final Setting<Integer> CHECKPOINT_EVERY = Setting.of("checkpoint_every", Types.integerFrom(0), 0,
            "Checkpoint every this many steps (0: never).").in("steps");
    static final Setting<Double> DIVERGENCE_LOSS = Setting.of("divergence_loss", Types.positive(), 1e150, "A"
            + " mini-batch loss above it, or a non-finite loss, gradient or update, stops the arm.");

    static final Schema SCHEMA = Schema.file("logging", "What a run records, and when it stops an arm.", EVAL_EVERY,
            CHECKPOINT_EVERY, DIVERGENCE_LOSS);

    private LoggingSection() {
    }

    /** The section's record. */
    static TrainConfig.Logging from(Values v) {
        return new TrainConfig.Logging(v.get(EVAL_EVERY), v.get(CHECKPOINT_EVERY), v.get(DIVERGENCE_LOSS));
    }
}
