package org.alignscope.train;

import java.util.List;

/**
 * Stops a trajectory whose step t diverged: a mini-batch loss above {@code logging.divergence_loss} (or not finite)
 * or a non-finite gradient stops it before the update, a non-finite update after it.
 */
final class DivergenceDetection implements TrainingListener {
    private static final String DIVERGED = "diverged";
    private final double limit;

    DivergenceDetection(TrainConfig cfg) {
        this.limit = cfg.logging().divergenceLoss();
    }

    /** Whether a mini-batch loss and gradient norm mean divergence for this limit. */
    static boolean diverged(TrajectoryStep.Gradient g, double limit) {
        return !(g.loss() <= limit) || !Double.isFinite(g.norm());
    }

    @Override
    public List<TrainingCommand> on(TrainingEvent event, StepContext c) {
        boolean stop = event == TrainingEvent.GRADIENT_COMPUTED
                && diverged(new TrajectoryStep.Gradient(c.batchLoss(), c.gradientNorm()), limit)
                || event == TrainingEvent.STEP_APPLIED && !Double.isFinite(c.updateNorm());
        return stop ? List.of(TrainingCommand.stop(c.arm(), DIVERGED)) : List.of();
    }
}
