package org.alignscope.linalg.progress;

/**
 * Where a long computation reports how far it has got: {@code done} of {@code total} units (steps, runs, cells).
 * Computations below the command line only feed this interface; rendering it (a bar on a terminal, plain lines
 * otherwise) is the command line's job. Implementations must accept calls from several threads at once.
 */
@FunctionalInterface
public interface Progress {
    /** Ignores every report. */
    Progress NONE = (done, total) -> { };

    /** {@code done} units of {@code total} are finished (0 ≤ done ≤ total; calls may repeat a value). */
    void report(long done, long total);

    /** A thread-safe counter of {@code total} units that reports to this sink as units are added. */
    default Counter counter(long total) {
        return new Counter(this, total);
    }
}
