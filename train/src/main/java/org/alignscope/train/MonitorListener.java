package org.alignscope.train;

import java.util.List;
import org.alignscope.monitor.MonitorResult;

/**
 * The alignment monitor (and its projected-step and θ-probes) on the monitored trajectories, through each trajectory's
 * {@link org.alignscope.monitor.TrainingMonitor} — the listener a user's own loop uses: on a step its schedule makes
 * due (with η_t > 0) it is evaluated at θ_t, before the update; its row, with the realised change of the reference
 * loss over the step, is written once the step's row is complete.
 */
final class MonitorListener implements TrainingListener {
    private final TrainConfig cfg;
    private final Trainer trainer;
    private final ActivityClock clock;

    MonitorListener(TrainConfig cfg, Trainer trainer, ActivityClock clock) {
        this.cfg = cfg;
        this.trainer = trainer;
        this.clock = clock;
    }

    @Override
    public List<TrainingCommand> on(TrainingEvent event, StepContext c) {
        Trainer.Arm a = c.trajectory();
        if (a == null || a.monitor == null || a.monitorWriters.isEmpty()) {
            return List.of();
        }
        long t = c.step();
        if (event == TrainingEvent.GRADIENT_COMPUTED) {
            long t0 = System.nanoTime();
            a.monitor.beforeStep(t, cfg.optimizer().learningRate(t));
            clock.add("monitor", t0);
            MonitorResult mr = a.monitor.pending();
            int draws = cfg.monitor().probeSteps();
            boolean probed = mr != null && draws > 0;
            a.pendingProbe = probed ? trainer.probe(a, c.seed(), t, mr, draws) : null;
            a.pendingThetaProbe = probed ? trainer.thetaProbe(a, c.seed(), t, mr, draws) : List.of();
        } else if (event == TrainingEvent.ROW_COMPLETE) {
            long t0 = System.nanoTime();
            // a step that diverged (stopped before or after the update) has no meaningful realised change
            a.monitor.afterStep(t, a.running());
            clock.add("monitor", t0);
        }
        return List.of();
    }
}
