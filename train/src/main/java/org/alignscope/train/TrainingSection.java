package org.alignscope.train;

import org.alignscope.settings.Bound;
import org.alignscope.settings.Range;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Setting;
import org.alignscope.settings.Types;

/** The {@code training:} section: how long each arm trains and on how large mini-batches. */
final class TrainingSection {
    static final Setting<Integer> STEPS = Setting.of("steps", Types.integer(1, 100_000_000), 1000, "T: updates per"
            + " arm, steps 0 … T − 1 counted from step 0 (the switch step included).").in("steps");
    static final Setting<Integer> BATCH_SIZE = Setting.of("batch_size", Types.integer(new Range(Bound.including(1),
            Bound.of("data.train_samples", v -> v.get(DataSection.TRAIN_SAMPLES)))), 50, "B: mini-batch size;"
            + " ⌊n/B⌋ batches per epoch.").in("samples");
    static final Setting<Sampler> SAMPLER = Setting.of("sampler", Types.oneOf(Sampler::label, Sampler.values()),
            Sampler.EPOCH, "How mini-batches are drawn: epoch (a fresh permutation per epoch, consecutive batches of B,"
            + " the last n mod B samples dropped) or replacement (each batch B indices drawn independently and"
            + " uniformly with replacement).");

    static final Schema SCHEMA = Schema.file("training", "The length of the run and its mini-batches.", STEPS,
            BATCH_SIZE, SAMPLER);

    private TrainingSection() {
    }
}
