package org.alignscope.monitor;

/**
 * When the monitor evaluates: a predicate on the step number, told of every evaluation's result (a fixed
 * schedule ignores it; {@link AdaptiveSchedule} sets its next step from it).
 */
@FunctionalInterface
public interface MonitorSchedule {
    /** Whether to evaluate at this step. */
    boolean due(long step);

    /**
     * The evaluation at {@code step} is done; {@code result} is null when the state could not be evaluated
     * ({@link FindingCode#NOT_EVALUATED}).
     */
    default void evaluated(long step, MonitorResult result) {
    }

    /** Every n steps, starting at step 0. */
    static MonitorSchedule every(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("monitor interval must be >= 1, got " + n);
        }
        return step -> step % n == 0;
    }
}
