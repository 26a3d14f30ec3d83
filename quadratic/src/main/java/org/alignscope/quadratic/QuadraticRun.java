package org.alignscope.quadratic;

import org.alignscope.theory.Landscape;

/**
 * One simulation of the paper's model: L(x) = ½ xᵀAx with A's spectrum, noise, start, step-size schedule and
 * projection, for {@code steps} updates from {@code seed}. Alignment statistics use every step; the full
 * per-step diagnostics are logged every {@code stride} steps (and at the last step).
 */
public record QuadraticRun(Spectrum spectrum, NoiseModel noise, Initialisation init, StepSchedule schedule,
                           Projection projection, long steps, long seed, int stride) {

    public QuadraticRun {
        if (steps <= 0 || steps > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("steps: must be in [1, " + (Integer.MAX_VALUE - 1) + "] (got " + steps + ")");
        }
        if (stride < 1) {
            throw new IllegalArgumentException("stride: must be >= 1 (got " + stride + ")");
        }
        noise.checkDimension(spectrum.dimension());
    }

    /** The same run with another number of steps. */
    public QuadraticRun withSteps(long newSteps) {
        return new QuadraticRun(spectrum, noise, init, schedule, projection, newSteps, seed, stride);
    }

    /** The quadratic with its known noise, as the theory module sees it. */
    public Landscape landscape() {
        int d = spectrum.dimension();
        return new Landscape(spectrum.lambda(), spectrum.k(), noise.kappaSq(d), noise.sMin(d), noise.sMax(d));
    }

    /** True when step t's diagnostics are logged. */
    public boolean logs(long t) {
        return t % stride == 0 || t == steps;
    }

    /** The logged steps 0, stride, 2·stride, …, and the last step. */
    int loggedCount() {
        return (int) (steps / stride) + 1 + (steps % stride == 0 ? 0 : 1);
    }
}
