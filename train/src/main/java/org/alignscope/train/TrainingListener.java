package org.alignscope.train;

import java.util.List;

/**
 * One concern of a training run (a schedule of refreshes, evaluations, the switch rule, writing rows...) that reacts
 * to the {@link TrainingLoop}'s events. A listener decides from the context whether it is due, may fill the
 * context's metrics row, and returns the commands it wants applied; it holds no reference to the loop.
 *
 * <p>To add one to a run, pass it in the list of extra listeners of
 * {@link TrainExperiment#run(java.nio.file.Path, java.nio.file.Path, String, java.util.function.Consumer,
 * org.alignscope.linalg.progress.Progress, List)}; extra listeners run after the built-in ones that fill the row
 * and before the row is written, and the columns they name are appended to {@code metrics.csv}.
 */
public interface TrainingListener {
    /** Reacts to {@code event}; returns the commands to apply (empty: none). */
    List<TrainingCommand> on(TrainingEvent event, StepContext context);

    /** The metrics columns this listener fills, appended after the standard ones (none by default). */
    default List<String> columns() {
        return List.of();
    }
}
