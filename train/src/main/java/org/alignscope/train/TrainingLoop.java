package org.alignscope.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.alignscope.nn.Batch;

/**
 * Runs one seed: advances every running trajectory (the base run before the switch, each arm after it) one step at
 * a time and publishes {@link TrainingEvent}s with a {@link StepContext}; everything else (schedules, evaluations,
 * the switch rule, writing, checkpoints) is a {@link TrainingListener}. The commands the listeners of one event
 * return are applied after all of them have run, in their declared order.
 */
final class TrainingLoop {
    private final Trainer trainer;
    private final TrainConfig cfg;
    private final List<TrainingListener> listeners;
    private final Consumer<String> progress;
    private final ActivityClock clock;
    private final List<SeedResult> results;

    TrainingLoop(Trainer trainer, List<TrainingListener> listeners, Consumer<String> progress, ActivityClock clock,
                 List<SeedResult> results) {
        this.trainer = trainer;
        this.cfg = trainer.config();
        this.listeners = listeners;
        this.progress = progress;
        this.clock = clock;
        this.results = results;
    }

    /** Runs seed state {@code s} from its step to the end, then adds its result. */
    void run(Trainer.SeedState s) {
        long start = s.step;
        int steps = cfg.steps();
        BatchOrder order = trainer.order(s.seed);
        try {
            publish(TrainingEvent.RUN_START, new StepContext(s, start, null, null, null));
            for (long t = start; t < steps; t++) {
                s.step = t;
                publish(TrainingEvent.STEP_START, new StepContext(s, t, null, null, null));
                Batch batch = trainer.gather(order.batch(t));
                boolean basePhase = s.basePhase;
                for (Trainer.Arm a : basePhase ? List.of(s.base) : List.copyOf(s.arms)) {
                    if (a.running()) {
                        startTrajectory(s, a, t, batch);
                    }
                }
                if (basePhase ? s.base != null && !s.base.running() : s.arms.stream().noneMatch(Trainer.Arm::running)) {
                    break;
                }
                trainer.interruptHook(s, t);
                publish(TrainingEvent.STEP_END, new StepContext(s, t, null, null, null));
            }
            if (!s.basePhase) {
                for (Trainer.Arm a : s.arms) {
                    if (a.running()) {
                        Trainer.Row row = new Trainer.Row(steps, "arm");
                        row.put("event", "end");
                        StepContext c = new StepContext(s, steps, a, null, row);
                        publish(TrainingEvent.TRAJECTORY_END, c);
                        publish(TrainingEvent.ROW_COMPLETE, c);
                    }
                }
            }
            publish(TrainingEvent.RUN_END, new StepContext(s, steps, null, null, null));
            results.add(s.result(cfg));
        } finally {
            s.closeWriters();
        }
    }

    /** Step t of one trajectory; a base run that branches here hands the rest of the step to its arms. */
    private void startTrajectory(Trainer.SeedState s, Trainer.Arm a, long t, Batch batch) {
        StepContext c = new StepContext(s, t, a, batch, new Trainer.Row(t, s.basePhase ? "base" : "arm"));
        publish(TrainingEvent.TRAJECTORY_START, c);
        if (a == s.base || a.index > 0) {
            advance(c);
        }
    }

    /** Gradient, update and the complete row of a trajectory's step. */
    private void advance(StepContext c) {
        Trainer.Arm a = c.trajectory();
        long t = c.step();
        double lr = cfg.optimizer().learningRate(t);
        long t0 = System.nanoTime();
        TrajectoryStep.Gradient g = TrajectoryStep.gradient(a, c.batch(), lr, c.row());
        c.gradientDone(g.loss(), g.norm());
        clock.add("steps", t0);
        publish(TrainingEvent.GRADIENT_COMPUTED, c);
        if (a.running()) {
            long t1 = System.nanoTime();
            c.updateDone(TrajectoryStep.update(a, t, lr, c.row()));
            clock.add("steps", t1);
            publish(TrainingEvent.STEP_APPLIED, c);
        }
        publish(TrainingEvent.ROW_COMPLETE, c);
    }

    private void publish(TrainingEvent event, StepContext c) {
        List<TrainingCommand> commands = new ArrayList<>();
        for (TrainingListener l : listeners) {
            commands.addAll(l.on(event, c));
        }
        for (TrainingCommand command : commands) {
            apply(command, c);
        }
    }

    private void apply(TrainingCommand command, StepContext c) {
        Trainer.SeedState s = c.seedState();
        if (command instanceof TrainingCommand.Checkpoint) {
            long t0 = System.nanoTime();
            TrainCheckpoint.save(trainer.outFolder().resolve(TrainCheckpoint.FOLDER), s, results, trainer);
            clock.add("checkpoint", t0);
        } else if (command instanceof TrainingCommand.Stop stop) {
            Trainer.Arm a = s.trajectory(stop.arm());
            a.stop(c.step(), stop.reason());
            c.put("event", stop.reason());
            progress.accept(String.format(Locale.ROOT, "arm %s %s at step %d (mini-batch loss %s)", a.name,
                    stop.reason(), c.step(), c.value("batch_loss")));
        } else if (command instanceof TrainingCommand.Branch b) {
            branch(c, b.reason());
        }
    }

    /** Every configured arm takes over the base run's state at step t and does the rest of step t. */
    private void branch(StepContext c, String reason) {
        Trainer.SeedState s = c.seedState();
        Trainer.Arm base = s.base;
        s.basePhase = false;
        s.switchStep = c.step();
        s.switchReason = reason;
        s.switchEma = s.ema;
        s.refLossAtSwitch = base.lastRefLoss;
        for (int i = 0; i < cfg.arms().size(); i++) {
            TrainConfig.Arm ca = cfg.arms().get(i);
            Trainer.Arm a = base.branch(ca, i + 1, trainer.newModel(), s.writers.get(i), s.monitorWriters.get(i),
                    s.cumulativeWriters.get(i), s.probeWriters.get(i));
            trainer.attachMonitor(a, s.seed, base);
            s.arms.add(a);
        }
        s.base = null;
        for (Trainer.Arm a : s.arms) {
            StepContext ac = new StepContext(s, c.step(), a, c.batch(), c.row().copy("arm"));
            publish(TrainingEvent.ARM_BRANCHED, ac);
            advance(ac);
        }
    }
}
