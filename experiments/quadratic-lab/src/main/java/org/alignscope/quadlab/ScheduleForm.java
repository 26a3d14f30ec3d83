package org.alignscope.quadlab;

import java.util.Locale;
import org.alignscope.quadratic.StepSchedule;
import org.alignscope.settings.SettingType;
import org.alignscope.settings.Types;

/**
 * The shape of the step-size schedule as the user writes it: {@code constant}, {@code step:EVERY:FACTOR}
 * (η·FACTOR^⌊t/EVERY⌋), {@code cosine:T} (η·½(1 + cos(π·min(t, T)/T))) or {@code inverse:TAU} (η/(1 + t/TAU)).
 * The base step η is a setting of its own; {@link #at} joins the two.
 */
public sealed interface ScheduleForm {
    /** How a setting of this kind is written and read. */
    SettingType<ScheduleForm> TYPE = Types.parsed("constant, step:EVERY:FACTOR, cosine:T or inverse:TAU",
            ScheduleForm::parse, ScheduleForm::text);

    /** The schedule with base step {@code eta}. */
    StepSchedule at(double eta);

    /** The form as the user writes it. */
    String text();

    /** η_t = η. */
    record Constant() implements ScheduleForm {
        @Override
        public StepSchedule at(double eta) {
            return StepSchedule.constant(eta);
        }

        @Override
        public String text() {
            return "constant";
        }
    }

    /** η·factor^⌊t/every⌋. */
    record StepDecay(long every, double factor) implements ScheduleForm {
        @Override
        public StepSchedule at(double eta) {
            return StepSchedule.stepDecay(eta, every, factor);
        }

        @Override
        public String text() {
            return "step:" + every + ":" + QuadTypes.number(factor);
        }
    }

    /** η·½(1 + cos(π·min(t, horizon)/horizon)). */
    record Cosine(long horizon) implements ScheduleForm {
        @Override
        public StepSchedule at(double eta) {
            return StepSchedule.cosine(eta, horizon);
        }

        @Override
        public String text() {
            return "cosine:" + horizon;
        }
    }

    /** η/(1 + t/tau). */
    record Inverse(double tau) implements ScheduleForm {
        @Override
        public StepSchedule at(double eta) {
            return StepSchedule.inverse(eta, tau);
        }

        @Override
        public String text() {
            return "inverse:" + QuadTypes.number(tau);
        }
    }

    /** Reads the text form (any case); the numbers must be positive. */
    static ScheduleForm parse(String text) {
        String[] p = text.strip().toLowerCase(Locale.ROOT).split(":");
        try {
            switch (p[0]) {
                case "constant":
                    if (p.length == 1) {
                        return new Constant();
                    }
                    break;
                case "step":
                    if (p.length == 3 && Long.parseLong(p[1]) > 0 && Double.parseDouble(p[2]) > 0) {
                        return new StepDecay(Long.parseLong(p[1]), Double.parseDouble(p[2]));
                    }
                    break;
                case "cosine":
                    if (p.length == 2 && Long.parseLong(p[1]) > 0) {
                        return new Cosine(Long.parseLong(p[1]));
                    }
                    break;
                case "inverse":
                    if (p.length == 2 && Double.parseDouble(p[1]) > 0) {
                        return new Inverse(Double.parseDouble(p[1]));
                    }
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("must be constant, step:EVERY:FACTOR, cosine:T or inverse:TAU with"
                + " positive numbers (got '" + text + "')");
    }
}
