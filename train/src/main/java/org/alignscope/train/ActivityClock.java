package org.alignscope.train;

import java.util.LinkedHashMap;
import java.util.Map;

/** Seconds spent per activity (steps, refreshes, evaluations...), summed over seeds and trajectories. */
final class ActivityClock {
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    /** Adds the time since {@code t0} ({@link System#nanoTime()}) to {@code what}. */
    void add(String what, long t0) {
        seconds.merge(what, (System.nanoTime() - t0) / 1e9, Double::sum);
    }

    Map<String, Double> seconds() {
        return seconds;
    }
}
