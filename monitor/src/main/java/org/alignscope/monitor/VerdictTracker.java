package org.alignscope.monitor;

import java.util.Objects;

/**
 * The verdict of one trajectory with hysteresis: the shown verdict changes only when the new one held at two
 * consecutive evaluations; it starts {@code undetermined}. It also keeps the previous evaluation's reference loss
 * for {@code stalled}. Deterministic; {@link #state()} and {@link #restore} carry it across a checkpoint, so that a
 * resumed run writes the same verdicts as an uninterrupted one.
 */
public final class VerdictTracker {
    /**
     * What the tracker remembers.
     *
     * @param shown        the verdict shown
     * @param last         the verdict the last evaluation's rule gave (null before the first)
     * @param previousLoss the reference loss at the last evaluation (NaN before the first)
     */
    public record State(Verdict shown, Verdict last, double previousLoss) {
        public State {
            Objects.requireNonNull(shown);
        }
    }

    /**
     * One evaluation's verdicts.
     *
     * @param shown   the verdict after the hysteresis (the {@code verdict} column)
     * @param rule    this evaluation's own verdict and its sentence
     */
    public record Call(Verdict shown, VerdictRule.Assessment rule) {
        /** The verdict of a single evaluation (no previous one, no hysteresis): the rule's. */
        public static Call single(MonitorResult r) {
            VerdictRule.Assessment a = VerdictRule.assess(r, Double.NaN);
            return new Call(a.verdict(), a);
        }

        /** The sentence of the row: the shown verdict's, or why it is kept while the rule says otherwise. */
        public String reason() {
            if (shown == rule.verdict()) {
                return rule.reason();
            }
            return rule.verdict().code() + ONLY_HERE + rule.reason() + "); " + shown.code()
                    + " is kept until the new verdict holds at two consecutive evaluations";
        }

        /**
         * This evaluation's own verdict read back from a row: the {@code verdict} column {@code shown} and the
         * {@code verdict_reason} written by {@link #reason()}.
         */
        public static Verdict ruleOf(Verdict shown, String reason) {
            for (Verdict v : Verdict.values()) {
                if (reason.startsWith(v.code() + ONLY_HERE)) {
                    return v;
                }
            }
            return shown;
        }
    }

    /** What follows the rule's verdict in a row's sentence where the shown verdict is kept. */
    private static final String ONLY_HERE = " at this evaluation only (";

    private State s = new State(Verdict.UNDETERMINED, null, Double.NaN);

    /** The verdicts of evaluation {@code r}, updating the state. */
    public Call update(MonitorResult r) {
        VerdictRule.Assessment a = VerdictRule.assess(r, s.previousLoss());
        Verdict shown = a.verdict() == s.last() ? a.verdict() : s.shown();
        s = new State(shown, a.verdict(), r.loss());
        return new Call(shown, a);
    }

    /** The state to save (a record: immutable). */
    public State state() {
        return s;
    }

    /** Continues from a saved state. */
    public void restore(State state) {
        s = Objects.requireNonNull(state);
    }
}
