package org.alignscope.train;

import java.util.List;

/**
 * Asks for a checkpoint at the start of every {@code logging.checkpoint_every}-th step (0: never), except step 0 and
 * the step a run resumes from (its checkpoint is the one it was read from).
 */
final class Checkpointing implements TrainingListener {
    private final int every;
    private long start;

    Checkpointing(TrainConfig cfg) {
        this.every = cfg.logging().checkpointEvery();
    }

    @Override
    public List<TrainingCommand> on(TrainingEvent event, StepContext c) {
        long t = c.step();
        if (event == TrainingEvent.RUN_START) {
            start = t;
        } else if (event == TrainingEvent.STEP_START && every > 0 && t > 0 && t % every == 0 && t != start) {
            return List.of(TrainingCommand.checkpoint());
        }
        return List.of();
    }
}
