package org.alignscope.train;

/**
 * A learning-rate multiplier s(t) of the global step t (0-based; step t moves θ_t to θ_{t+1} with
 * η_t = η · s(t)). The decay part is one of
 * <ul>
 *   <li>{@code constant}: 1;</li>
 *   <li>{@code step}: factor<sup>⌊t / every⌋</sup>;</li>
 *   <li>{@code cosine}: m + (1 − m) · ½ (1 + cos(π · min(t, T) / T)) with T = {@code cosineSteps} and
 *       m = {@code minFactor};</li>
 * </ul>
 * multiplied by a linear warm-up (t + 1) / W for t &lt; W = {@code warmupSteps} (1 afterwards; W = 0: none).
 * The decay is a function of t itself, not of t − W, so warm-up does not shift it.
 *
 * <p>It is not the quadratic lab's {@code org.alignscope.quadratic.StepSchedule}: that one is the step η<sub>t</sub>
 * itself (base step included, and whether it is constant, which Theorems 15–16 need), with an inverse-time decay
 * and no warm-up; this one only scales the optimizer's learning rate, as the {@code optimizer.schedule:} section
 * of a training config describes it.
 */
public record LrMultiplier(Kind kind, int every, double factor, int cosineSteps, double minFactor, int warmupSteps) {

    /** The decay shapes. */
    public enum Kind { CONSTANT, STEP, COSINE }

    public LrMultiplier {
        if (kind == Kind.STEP && (every < 1 || !(factor > 0))) {
            throw new IllegalArgumentException("step schedule needs every >= 1 and factor > 0");
        }
        if (kind == Kind.COSINE && (cosineSteps < 1 || !(minFactor >= 0 && minFactor <= 1))) {
            throw new IllegalArgumentException("cosine schedule needs steps >= 1 and min_factor in [0, 1]");
        }
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warmup must be >= 0");
        }
    }

    /** η_t / η = 1 for every t. */
    public static LrMultiplier constant() {
        return new LrMultiplier(Kind.CONSTANT, 1, 1, 1, 0, 0);
    }

    /** The multiplier s(t). */
    public double factor(long t) {
        double s;
        switch (kind) {
            case STEP:
                s = Math.pow(factor, (double) (t / every));
                break;
            case COSINE:
                double x = Math.min(t, cosineSteps) / (double) cosineSteps;
                s = minFactor + (1 - minFactor) * 0.5 * (1 + Math.cos(Math.PI * x));
                break;
            default:
                s = 1;
        }
        if (t < warmupSteps) {
            s *= (t + 1) / (double) warmupSteps;
        }
        return s;
    }
}
