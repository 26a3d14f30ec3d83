package org.alignscope.train;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The switch rule of the base run: at every check (each {@code switch.check_every} steps and the fallback step) the
 * reference χ of the row feeds an EMA; when it exceeds the threshold, or at the fallback step, every arm branches.
 * The EMA lives in the seed state so that a checkpoint holds it.
 */
final class SwitchRule implements TrainingListener {
    private final TrainConfig.Switch sw;
    private final Consumer<String> progress;

    SwitchRule(TrainConfig cfg, Consumer<String> progress) {
        this.sw = cfg.switching();
        this.progress = progress;
    }

    /** Whether step t of the base run is a check (refresh, evaluation and the rule). */
    static boolean checkDue(TrainConfig.Switch sw, long t) {
        return t % sw.checkEvery() == 0 || t == sw.fallbackStep();
    }

    @Override
    public List<TrainingCommand> on(TrainingEvent event, StepContext c) {
        Trainer.SeedState s = c.seedState();
        long t = c.step();
        if (event != TrainingEvent.TRAJECTORY_START || !s.basePhase || !checkDue(sw, t)) {
            return List.of();
        }
        Double chi = (Double) c.value("ref_chi");
        if (chi != null && !Double.isNaN(chi)) {
            s.ema = Double.isNaN(s.ema) ? chi : sw.ema() * s.ema + (1 - sw.ema()) * chi;
        }
        c.put("chi_ema", s.ema);
        String reason = s.ema > sw.threshold() ? "threshold" : t >= sw.fallbackStep() ? "fallback" : null;
        if (reason == null) {
            return List.of();
        }
        c.put("event", "switch:" + reason);
        progress.accept(String.format(Locale.ROOT, "seed %d: switch at step %d (%s, EMA of chi %.4f,"
                + " reference loss %.6g)", s.seed, t, reason, s.ema, c.trajectory().lastRefLoss));
        return List.of(TrainingCommand.branch(reason));
    }

}
