package org.alignscope.train;

import java.util.List;
import org.alignscope.nn.ReferenceSet;
import org.alignscope.spectral.EigenResult;
import org.alignscope.spectral.Lanczos;
import org.alignscope.spectral.LanczosOptions;
import org.alignscope.spectral.PrincipalAngles;
import org.alignscope.spectral.Which;

/**
 * Recomputes a trajectory's top-k basis of the reference-set Hessian (warm-started from its previous one): the base
 * run at every switch check, a tracking arm every {@code subspace.refresh_every} steps after the switch.
 */
final class SubspaceRefresh implements TrainingListener {
    private final TrainConfig cfg;
    private final ReferenceSet reference;
    private final ActivityClock clock;

    SubspaceRefresh(TrainConfig cfg, ReferenceSet reference, ActivityClock clock) {
        this.cfg = cfg;
        this.reference = reference;
        this.clock = clock;
    }

    @Override
    public List<TrainingCommand> on(TrainingEvent event, StepContext c) {
        if (event == TrainingEvent.TRAJECTORY_START && due(c.seedState(), c.trajectory(), c.step())) {
            refresh(c.seedState(), c.trajectory(), c.step(), c.row());
        }
        return List.of();
    }

    private boolean due(Trainer.SeedState s, Trainer.Arm a, long t) {
        if (s.basePhase) {
            return SwitchRule.checkDue(cfg.switching(), t);
        }
        return a.track && t > s.switchStep && (t - s.switchStep) % cfg.subspace().refreshEvery() == 0;
    }

    private void refresh(Trainer.SeedState s, Trainer.Arm a, long t, Trainer.Row row) {
        long t0 = System.nanoTime();
        TrainConfig.SubspaceSettings ss = cfg.subspace();
        LanczosOptions o = new LanczosOptions(ss.k(), ss.tolerance(), ss.maxHvps(), ss.krylov(),
                Trainer.lanczosSeed(s.seed, a.index, a.refreshes));
        EigenResult r = Lanczos.solve(reference.curvature(a.model, ss.operator()), o, Which.LARGEST, a.basis());
        double[] angles = a.basis() == null ? new double[0] : PrincipalAngles.between(a.basis(), r.eigenvectors());
        a.setBasis(r.eigenvectors());
        a.refreshes++;
        a.lastRefresh = t;
        a.hvps += r.operatorApplications();
        row.put("refresh", (long) a.refreshes);
        row.put("hvps", (long) r.operatorApplications());
        row.put("converged", (long) r.convergedCount());
        row.put("angle_max", angles.length == 0 ? Double.NaN : angles[angles.length - 1]);
        for (int i = 0; i < r.count(); i++) {
            row.put("lambda_" + (i + 1), r.eigenvalues()[i]);
            row.put("residual_" + (i + 1), r.residuals()[i]);
        }
        row.arrays.put("eigenvalues", r.eigenvalues().clone());
        row.arrays.put("residuals", r.residuals().clone());
        row.arrays.put("principal_angles", angles);
        clock.add("refresh", t0);
    }
}
