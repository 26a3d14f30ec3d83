package org.alignscope.linalg.progress;

import java.util.concurrent.atomic.AtomicLong;

/** Counts finished units from any number of threads and forwards the running total to a {@link Progress}. */
public final class Counter {
    private final Progress sink;
    private final long total;
    private final AtomicLong done = new AtomicLong();

    Counter(Progress sink, long total) {
        if (total < 0) {
            throw new IllegalArgumentException("total: must be >= 0 (got " + total + ")");
        }
        this.sink = sink;
        this.total = total;
        sink.report(0, total);
    }

    /** Adds {@code units} finished units (never past the total). */
    public void add(long units) {
        long now = done.accumulateAndGet(units, (a, b) -> Math.min(total, a + b));
        sink.report(now, total);
    }

    public long done() {
        return done.get();
    }
}
