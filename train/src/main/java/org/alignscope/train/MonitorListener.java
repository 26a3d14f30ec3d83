package org.alignscope.train;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.alignscope.monitor.Finding;
import org.alignscope.monitor.MonitorResult;

/**
 * The alignment monitor (and its projected-step probe) on the monitored trajectories: on a step its schedule makes
 * due (with η_t > 0) it is evaluated at θ_t, before the update; its row, with the realised change of the reference
 * loss over the step, is written once the step's row is complete. A state the theory cannot evaluate (e.g. just
 * before a divergence) gets a row saying so instead of stopping the run.
 */
final class MonitorListener implements TrainingListener {
    /** An evaluation made at θ_t whose row waits for θ_t+1. */
    private record Pending(MonitorResult result, ProjectedProbe.Result probe) {
    }

    private final TrainConfig cfg;
    private final Trainer trainer;
    private final Consumer<String> progress;
    private final ActivityClock clock;
    private final Map<Trainer.Arm, Pending> pending = new IdentityHashMap<>();

    MonitorListener(TrainConfig cfg, Trainer trainer, Consumer<String> progress, ActivityClock clock) {
        this.cfg = cfg;
        this.trainer = trainer;
        this.progress = progress;
        this.clock = clock;
    }

    @Override
    public List<TrainingCommand> on(TrainingEvent event, StepContext c) {
        Trainer.Arm a = c.trajectory();
        if (event == TrainingEvent.GRADIENT_COMPUTED) {
            evaluate(a, c.seed(), c.step());
        } else if (event == TrainingEvent.ROW_COMPLETE && pending.containsKey(a)) {
            Pending p = pending.remove(a);
            long t0 = System.nanoTime();
            // a step that diverged (stopped before or after the update) has no meaningful realised change
            double real = a.running() ? trainer.referenceLoss(a) - p.result().loss() : Double.NaN;
            for (MetricsWriter w : a.monitorWriters) {
                w.row(MonitorBridge.values(p.result(), real, p.probe()), MonitorBridge.arrays(p.result()));
            }
            clock.add("monitor", t0);
        }
        return List.of();
    }

    private void evaluate(Trainer.Arm a, long seed, long t) {
        double lr = cfg.optimizer().learningRate(t);
        if (cfg.monitor() == null || a.monitorWriters.isEmpty() || !a.monitorSchedule.due(t) || !(lr > 0)) {
            return;
        }
        MonitorResult mr;
        try {
            mr = trainer.monitorAt(a, seed, t);
            a.monitorSchedule.evaluated(t, mr);
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            a.monitorSchedule.evaluated(t, null);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("step", t);
            v.put("eta", lr);
            Finding f = Finding.notEvaluated(lr, e.getMessage());
            v.put("findings", f.code().code());
            for (MetricsWriter w : a.monitorWriters) {
                w.row(v, Map.of());
            }
            progress.accept(String.format(Locale.ROOT, "monitor: %s at step %d: %s", a.name, t, f));
            return;
        }
        int draws = cfg.monitor().probeSteps();
        pending.put(a, new Pending(mr, draws > 0 ? trainer.probe(a, seed, t, mr, draws) : null));
    }
}
