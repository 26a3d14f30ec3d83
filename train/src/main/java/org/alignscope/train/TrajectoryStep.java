package org.alignscope.train;

import org.alignscope.linalg.Vectors;
import org.alignscope.nn.Batch;
import org.alignscope.theory.Alignment;

/**
 * The arithmetic of step t of one trajectory, in two halves so that listeners can look at the gradient before the
 * update: the mini-batch gradient at θ_t, then the (projected) optimizer update θ_t+1 = θ_t − η_t u_t. Both fill
 * the step's metrics row.
 */
final class TrajectoryStep {
    private TrajectoryStep() {
    }

    /** The mini-batch loss and ‖g‖ of a gradient. */
    record Gradient(double loss, double norm) {
    }

    /** Computes step t's mini-batch gradient at θ_t into the trajectory's {@code g}. */
    static Gradient gradient(Trainer.Arm a, Batch batch, double lr, Trainer.Row row) {
        row.put("lr", lr);
        double loss = a.model.gradient(batch, a.g);
        row.put("batch_loss", loss);
        double gn = Vectors.norm(a.g);
        row.put("batch_grad_norm", gn);
        return new Gradient(loss, gn);
    }

    /** Applies the update of step t from the gradient in {@code g}; returns ‖u‖ (non-finite: the step diverged). */
    static double update(Trainer.Arm a, long t, double lr, Trainer.Row row) {
        double[] theta = a.model.parameters();
        Subspace sub = a.subspace();
        if (sub != null) {
            double th = sub.theta(a.g);
            row.put("batch_theta", th);
            row.put("batch_chi", Alignment.chi(th));
            row.put("basis_age", t - a.lastRefresh);
        }
        ArmProjection p = a.projection;
        boolean onGradient = p.active() && p.target() == ArmProjection.Target.GRADIENT;
        a.opt.direction(theta, a.g, a.u, onGradient ? v -> p.apply(sub, v) : null);
        if (p.active() && p.target() == ArmProjection.Target.UPDATE) {
            p.apply(sub, a.u);
        }
        double un = Vectors.norm(a.u);
        row.put("update_norm", lr * un);
        if (sub != null) {
            double th = sub.theta(a.u);
            row.put("update_theta", th);
            row.put("update_chi", Alignment.chi(th));
        }
        Vectors.axpy(-lr, a.u, theta);
        return un;
    }
}
