package org.alignscope.train;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.alignscope.linalg.progress.Progress;

/**
 * Says when a seed starts or resumes, and reports finished steps (seeds × steps units; a seed that stops early
 * counts as finished).
 */
final class ProgressReporting implements TrainingListener {
    private final TrainConfig cfg;
    private final Consumer<String> messages;
    private final Progress steps;

    ProgressReporting(TrainConfig cfg, Consumer<String> messages, Progress steps) {
        this.cfg = cfg;
        this.messages = messages;
        this.steps = steps;
    }

    @Override
    public List<TrainingCommand> on(TrainingEvent event, StepContext c) {
        long perSeed = cfg.steps();
        long total = cfg.seeds().size() * perSeed;
        int seedIndex = c.seedState().seedIndex;
        switch (event) {
            case RUN_START -> messages.accept(String.format(Locale.ROOT, "seed %d: %s from step %d of %d", c.seed(),
                    c.step() == 0 ? "starting" : "resuming", c.step(), perSeed));
            case STEP_END -> steps.report(seedIndex * perSeed + c.step() + 1, total);
            case RUN_END -> steps.report((seedIndex + 1L) * perSeed, total);
            default -> { }
        }
        return List.of();
    }
}
