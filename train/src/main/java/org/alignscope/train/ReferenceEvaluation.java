package org.alignscope.train;

import java.util.List;
import org.alignscope.linalg.Vectors;
import org.alignscope.nn.ReferenceSet;
import org.alignscope.theory.Alignment;

/**
 * Evaluates a trajectory on the reference set (loss, gradient norm, θ and χ against its basis) and, on full
 * evaluations, on the training subset and the test samples: every {@code logging.eval_every} steps, at the base
 * run's switch checks (reference set only unless also an evaluation step) and on the end row.
 */
final class ReferenceEvaluation implements TrainingListener {
    private final TrainConfig cfg;
    private final ReferenceSet reference;
    private final ReferenceSet trainSet;
    private final ReferenceSet testSet;
    private final ActivityClock clock;

    ReferenceEvaluation(TrainConfig cfg, ReferenceSet reference, ReferenceSet trainSet, ReferenceSet testSet,
                        ActivityClock clock) {
        this.cfg = cfg;
        this.reference = reference;
        this.trainSet = trainSet;
        this.testSet = testSet;
        this.clock = clock;
    }

    @Override
    public List<TrainingCommand> on(TrainingEvent event, StepContext c) {
        long t = c.step();
        boolean eval = t % cfg.logging().evalEvery() == 0;
        if (event == TrainingEvent.TRAJECTORY_END) {
            evaluate(c.trajectory(), c.row(), true);
        } else if (event == TrainingEvent.TRAJECTORY_START) {
            boolean check = c.seedState().basePhase && SwitchRule.checkDue(cfg.switching(), t);
            if (check || eval) {
                evaluate(c.trajectory(), c.row(), eval);
            }
        }
        return List.of();
    }

    private void evaluate(Trainer.Arm a, Trainer.Row row, boolean full) {
        long t0 = System.nanoTime();
        double[] gr = new double[a.model.parameterCount()];
        double loss = reference.gradient(a.model, gr);
        row.put("ref_loss", loss);
        row.put("ref_grad_norm", Vectors.norm(gr));
        Subspace sub = a.subspace();
        double th = sub == null ? Double.NaN : sub.theta(gr);
        row.put("ref_theta", th);
        row.put("ref_chi", Alignment.chi(th));
        a.lastRefLoss = loss;
        a.lastRefChi = Double.isNaN(th) ? null : Alignment.chi(th);
        if (full) {
            double trainLoss = reference == trainSet ? loss : trainSet.loss(a.model);
            row.put("train_loss", trainLoss);
            a.lastTrainAcc = trainSet.accuracy(a.model);
            row.put("train_acc", a.lastTrainAcc);
            if (testSet != null) {
                a.lastTestAcc = testSet.accuracy(a.model);
                row.put("test_acc", a.lastTestAcc);
            }
        }
        clock.add("evaluation", t0);
    }
}
