package org.alignscope.quadratic;

import java.util.OptionalInt;
import org.alignscope.theory.AlignmentState;

/**
 * What one run produced: the loss L(x_t) = ½ Σ λ_i c_{i,t}² and the alignment θ_t = s^D_t/s_t (squared, on the
 * noise-free gradient Ax_t, as in the paper) for every t = 0..{@link #lastStep()}, and the block moments at the
 * logged steps. A diverged run ends at the step where divergence was detected.
 */
public record Trajectory(QuadraticRun run, double[] loss, double[] theta, long[] loggedSteps,
                         AlignmentState[] loggedStates, OptionalInt divergedStep) {

    /** Divergence: the loss is not finite or exceeds this (documented in the README). */
    public static final double DIVERGENCE_LOSS = 1e150;

    /** True when a loss value means the run has diverged: not finite, or above {@link #DIVERGENCE_LOSS}. */
    static boolean diverges(double loss) {
        return !(loss <= DIVERGENCE_LOSS);
    }

    /**
     * A trajectory from per-step series filled up to step {@code last}; the run diverged at {@code last} when
     * its loss there {@link #diverges}. The series are cut after {@code last}.
     */
    static Trajectory of(QuadraticRun run, double[] loss, double[] theta, int last, java.util.List<Long> loggedSteps,
                         java.util.List<AlignmentState> loggedStates) {
        boolean diverged = diverges(loss[last]);
        return new Trajectory(run, java.util.Arrays.copyOf(loss, last + 1), java.util.Arrays.copyOf(theta, last + 1),
                loggedSteps.stream().mapToLong(Long::longValue).toArray(),
                loggedStates.toArray(AlignmentState[]::new), diverged ? OptionalInt.of(last) : OptionalInt.empty());
    }

    public int lastStep() {
        return theta.length - 1;
    }

    public boolean diverged() {
        return divergedStep.isPresent();
    }

    /**
     * Mean and population standard deviation (ddof 0) of θ after each of the last {@code window} updates,
     * i.e. over t = T − window + 1 … T; empty for a diverged run or a window outside [1, T].
     */
    public java.util.Optional<double[]> steadyAlignment(int window) {
        int last = lastStep();
        if (diverged() || window < 1 || window > last) {
            return java.util.Optional.empty();
        }
        double mean = 0;
        for (int t = last - window + 1; t <= last; t++) {
            mean += theta[t];
        }
        mean /= window;
        double var = 0;
        for (int t = last - window + 1; t <= last; t++) {
            double dv = theta[t] - mean;
            var += dv * dv;
        }
        return java.util.Optional.of(new double[] {mean, Math.sqrt(var / window)});
    }
}
