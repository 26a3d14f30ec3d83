package org.alignscope.settings;

import java.util.Locale;
import java.util.function.LongToDoubleFunction;

/**
 * Refuses, before any work, settings whose smallest possible memory need already exceeds the Java heap
 * ({@code -Xmx}): such a run would otherwise fail with an out-of-memory error after minutes, or after its output
 * folder was written. Callers pass a lower bound of what the run must hold, so that a refused run could never
 * have fitted; the message names the option, the largest value that fits and how to raise the heap.
 */
public final class HeapBudget {
    private HeapBudget() {
    }

    /** The most bytes this JVM may allocate on its heap. */
    public static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }

    /**
     * Throws when {@code bytes.applyAsDouble(value)} (a lower bound of the heap needed, non-decreasing in the
     * value) exceeds the heap, e.g. "--d: 1 run of 30000 steps needs at least 9.0 GiB, more than the Java heap's
     * 8.0 GiB; d = 300000000 must be at most 268000000 here (or raise the heap, e.g.
     * ALIGNSCOPE_JAVA_OPTS=-Xmx10g)".
     *
     * @param label    the setting at fault as the user wrote it, e.g. "--d"
     * @param quantity the name of the value, e.g. "d" or "the parameter count"
     * @param value    the value
     * @param what     what needs the memory, e.g. "1 run of 30000 steps"
     * @throws IllegalArgumentException naming the setting, the largest value that fits and the heap
     */
    public static void require(String label, String quantity, long value, String what, LongToDoubleFunction bytes) {
        double need = bytes.applyAsDouble(value);
        long heap = maxHeap();
        if (need <= heap) {
            return;
        }
        long lo = 0;
        long hi = value;
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (bytes.applyAsDouble(mid) <= heap) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        String limit = lo >= 1 ? "must be at most " + lo + " here" : "cannot fit at all here";
        throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: %s needs at least %s, more than the Java"
                + " heap's %s; %s = %d %s (or raise the heap, e.g. ALIGNSCOPE_JAVA_OPTS=-Xmx%dg)", label, what,
                gib(need), gib(heap), quantity, value, limit, (long) Math.ceil(need / (1L << 30)) + 1));
    }

    static String gib(double bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1L << 30));
    }
}
