package org.alignscope.quadratic;

/**
 * The step size η_t used for the update from x_t to x_{t+1}, t = 0, 1, …: a base step η scaled by one of the
 * factors below. (A training run only scales its optimizer's learning rate, by
 * {@code org.alignscope.train.LrMultiplier}.)
 */
public interface StepSchedule {

    double eta(long t);

    /** The base step η (η_0). */
    double base();

    /** True when η_t = η for every t; Theorems 15 and 16 need a constant step. */
    boolean isConstant();

    /** η_t = η. */
    static StepSchedule constant(double eta) {
        return new Simple(checkEta(eta), t -> 1, true);
    }

    /** η_t = η·factor^⌊t/every⌋ (every &gt; 0, factor &gt; 0). */
    static StepSchedule stepDecay(double eta, long every, double factor) {
        if (every <= 0 || !(factor > 0)) {
            throw new IllegalArgumentException("step decay: needs every > 0 and factor > 0 (got " + every + ", "
                    + factor + ")");
        }
        return new Simple(checkEta(eta), t -> Math.pow(factor, t / every), false);
    }

    /** η_t = η·½(1 + cos(π·min(t, horizon)/horizon)) (horizon &gt; 0). */
    static StepSchedule cosine(double eta, long horizon) {
        if (horizon <= 0) {
            throw new IllegalArgumentException("cosine schedule: needs a horizon > 0 (got " + horizon + ")");
        }
        return new Simple(checkEta(eta), t -> 0.5 * (1 + Math.cos(Math.PI * Math.min(t, horizon) / horizon)), false);
    }

    /** η_t = η/(1 + t/tau) (tau &gt; 0). */
    static StepSchedule inverse(double eta, double tau) {
        if (!(tau > 0)) {
            throw new IllegalArgumentException("inverse schedule: needs tau > 0 (got " + tau + ")");
        }
        return new Simple(checkEta(eta), t -> 1 / (1 + t / tau), false);
    }

    private static double checkEta(double eta) {
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("step size: must be finite and > 0 (got " + eta + ")");
        }
        return eta;
    }

    /** η_t = η · factor(t). */
    record Simple(double base, java.util.function.LongToDoubleFunction factor, boolean isConstant)
            implements StepSchedule {
        @Override
        public double eta(long t) {
            return base * factor.applyAsDouble(t);
        }
    }
}
