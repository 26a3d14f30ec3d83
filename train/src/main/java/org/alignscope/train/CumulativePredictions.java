package org.alignscope.train;

import java.util.List;
import java.util.Map;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.monitor.CumulativeColumn;
import org.alignscope.monitor.CumulativeWindow;

/**
 * The cumulative loss predictions ({@code monitor.cumulative_points} > 0) of every trajectory with cumulative files:
 * the steps are cut into windows [wW, (w + 1)W) from step 0 (the last one ends with the run); when a window starts,
 * its p steps are drawn by {@code RandomStream.of(seed, CUMULATIVE_STREAM, trajectory, w)} and the reference loss is
 * read; at each drawn step t the step's E ΔL is predicted at θ_t, before the update ({@link Trainer#predictLoss});
 * after the window's last update its row goes to {@code cumulative.csv}. A window open at the switch continues in
 * every arm (each arm takes over the base run's state and its history). A trajectory that stops inside a window
 * writes no row for it. The open window is part of the checkpoint, so a resumed run writes the same rows.
 */
final class CumulativePredictions implements TrainingListener {
    private final TrainConfig cfg;
    private final Trainer trainer;

    CumulativePredictions(TrainConfig cfg, Trainer trainer) {
        this.cfg = cfg;
        this.trainer = trainer;
    }

    @Override
    public List<TrainingCommand> on(TrainingEvent event, StepContext c) {
        Trainer.Arm a = c.trajectory();
        if (a == null || a.cumulativeWriters.isEmpty()) {
            return List.of();
        }
        long t = c.step();
        if (event == TrainingEvent.GRADIENT_COMPUTED) {
            int w = cfg.monitor().cumulativeWindow();
            if (a.window == null && t % w == 0) {
                long index = t / w;
                a.window = CumulativeWindow.open(t, Math.min(t + w, cfg.steps()), cfg.monitor().cumulativePoints(),
                        RandomStream.of(c.seed(), Trainer.CUMULATIVE_STREAM, a.index, index), trainer.referenceLoss(a));
            }
            if (a.window != null && a.window.due(t)) {
                a.window.add(trainer.predictLoss(a, c.seed(), t));
            }
        } else if (event == TrainingEvent.ROW_COMPLETE && a.window != null && t == a.window.end() - 1) {
            if (a.running()) {
                double endLoss = trainer.referenceLoss(a);
                for (MetricsWriter writer : a.cumulativeWriters) {
                    writer.row(CumulativeColumn.values(a.window.close(endLoss)), Map.of());
                }
            }
            a.window = null;
        }
        return List.of();
    }
}
