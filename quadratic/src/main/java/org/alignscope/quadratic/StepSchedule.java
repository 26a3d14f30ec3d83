package org.alignscope.quadratic;

import java.util.Locale;

/**
 * The step size η_t used for the update from x_t to x_{t+1}, t = 0, 1, ….
 *
 * <p>Text form (the {@code --schedule} option): {@code constant}, {@code step:EVERY:FACTOR}
 * (η·FACTOR^⌊t/EVERY⌋), {@code cosine:T} (η·½(1 + cos(π·min(t, T)/T))), {@code inverse:TAU} (η/(1 + t/TAU)),
 * each scaling the base step η.
 */
public interface StepSchedule {

    double eta(long t);

    /** The base step η (η_0). */
    double base();

    /** True when η_t = η for every t; Theorems 15 and 16 need a constant step. */
    boolean isConstant();

    /** The text form, as accepted by {@link #parse}. */
    String describe();

    static StepSchedule constant(double eta) {
        checkEta(eta);
        return new Simple(eta, "constant", t -> 1, true);
    }

    static StepSchedule parse(String text, double eta) {
        checkEta(eta);
        String[] p = text.strip().toLowerCase(Locale.ROOT).split(":");
        try {
            switch (p[0]) {
                case "constant":
                    if (p.length == 1) {
                        return constant(eta);
                    }
                    break;
                case "step":
                    if (p.length == 3) {
                        long every = Long.parseLong(p[1]);
                        double factor = Double.parseDouble(p[2]);
                        if (every > 0 && factor > 0) {
                            return new Simple(eta, text, t -> Math.pow(factor, t / every), false);
                        }
                    }
                    break;
                case "cosine":
                    if (p.length == 2) {
                        long horizon = Long.parseLong(p[1]);
                        if (horizon > 0) {
                            return new Simple(eta, text,
                                    t -> 0.5 * (1 + Math.cos(Math.PI * Math.min(t, horizon) / horizon)), false);
                        }
                    }
                    break;
                case "inverse":
                    if (p.length == 2) {
                        double tau = Double.parseDouble(p[1]);
                        if (tau > 0) {
                            return new Simple(eta, text, t -> 1 / (1 + t / tau), false);
                        }
                    }
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--schedule: must be constant, step:EVERY:FACTOR, cosine:T or inverse:TAU"
                + " with positive numbers (got '" + text + "')");
    }

    private static void checkEta(double eta) {
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("--eta: must be finite and > 0 (got " + eta + ")");
        }
    }

    /** η_t = η · factor(t). */
    record Simple(double base, String describe, java.util.function.LongToDoubleFunction factor, boolean isConstant)
            implements StepSchedule {
        @Override
        public double eta(long t) {
            return base * factor.applyAsDouble(t);
        }
    }
}
