package org.alignscope.monitor;

/** When the monitor evaluates: a predicate on the step number. */
@FunctionalInterface
public interface MonitorSchedule {
    /** Whether to evaluate at this step. */
    boolean due(long step);

    /** Every n steps, starting at step 0. */
    static MonitorSchedule every(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("monitor interval must be >= 1, got " + n);
        }
        return step -> step % n == 0;
    }
}
