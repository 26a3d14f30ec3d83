package org.alignscope.quadratic;

import org.alignscope.theory.AlignmentState;
import org.alignscope.theory.CriticalAlignment;
import org.alignscope.theory.CriticalStep;
import org.alignscope.theory.Landscape;
import org.alignscope.theory.ProjectedLoss;
import org.alignscope.theory.Regime;

/**
 * The theory evaluated at one logged step of a trajectory (the columns of {@code trajectory.csv}).
 *
 * @param etaStar     η*_t of eq. (2); +∞ when p_t ≤ 0 ("no critical step: alignment falls for every η")
 * @param regime      θ_t against g_gap (Theorem 3) and θ*_t (Theorem 4)
 * @param etaLossDom  η^loss_D of Theorem 10 (+∞ when every step lowers the loss)
 * @param etaLossBulk η^loss_B of Theorem 10
 * @param thetaCrit   θ^crit_t of Theorem 11; NaN (written as an empty field) where it does not exist
 */
public record StepDiagnostics(long step, double loss, double theta, double etaStar, Regime regime,
                              double etaLossDom, double etaLossBulk, double thetaCrit) {

    public static StepDiagnostics of(Landscape landscape, long step, double loss, double theta, AlignmentState state) {
        return new StepDiagnostics(step, loss, theta, CriticalStep.of(state).etaStar(),
                landscape.regime(theta, state.s()), ProjectedLoss.etaLoss(state.dom()),
                ProjectedLoss.etaLoss(state.bulk()), CriticalAlignment.of(state).thetaCrit().orElse(Double.NaN));
    }

    /** The diagnostics of every logged step of a trajectory. */
    public static StepDiagnostics[] of(Trajectory trajectory) {
        Landscape landscape = trajectory.run().landscape();
        long[] steps = trajectory.loggedSteps();
        StepDiagnostics[] out = new StepDiagnostics[steps.length];
        for (int i = 0; i < steps.length; i++) {
            int t = (int) steps[i];
            out[i] = of(landscape, t, trajectory.loss()[t], trajectory.theta()[t], trajectory.loggedStates()[i]);
        }
        return out;
    }
}
