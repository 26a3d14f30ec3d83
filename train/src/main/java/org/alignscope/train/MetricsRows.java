package org.alignscope.train;

import java.util.List;

/** Writes each complete row of a trajectory to its {@code metrics.csv} and {@code metrics.jsonl} files. */
final class MetricsRows implements TrainingListener {
    @Override
    public List<TrainingCommand> on(TrainingEvent event, StepContext c) {
        if (event == TrainingEvent.ROW_COMPLETE) {
            c.trajectory().write(c.row());
        }
        return List.of();
    }
}
