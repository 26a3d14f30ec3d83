package org.alignscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The spinning worker pool: every part exactly once, from concurrent callers too, failures passed on. */
class ParallelTest {
    @Test
    void everyPartRunsExactlyOnceAndTheRunWaitsForAll() {
        for (int parts = 1; parts <= 5; parts++) {
            for (int run = 0; run < 200; run++) {
                AtomicIntegerArray count = new AtomicIntegerArray(parts);
                long[] sums = new long[parts];
                Parallel.run(parts, t -> {
                    long s = 0;
                    for (int i = 0; i < 1000 * (t + 1); i++) {
                        s += i;
                    }
                    sums[t] = s;
                    count.incrementAndGet(t);
                });
                for (int t = 0; t < parts; t++) {
                    assertEquals(1, count.get(t), "part " + t + " of " + parts);
                    long n = 1000L * (t + 1);
                    assertEquals(n * (n - 1) / 2, sums[t], "part " + t + " finished before the run returned");
                }
            }
        }
    }

    @Test
    void concurrentCallersGetTheirOwnParts() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<int[]>> results = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int caller = c;
                results.add(callers.submit(() -> {
                    int[] seen = new int[3];
                    for (int run = 0; run < 500; run++) {
                        int[] part = new int[3];
                        Parallel.run(3, t -> part[t] = 100 * caller + t + 1);
                        for (int t = 0; t < 3; t++) {
                            seen[t] += part[t] == 100 * caller + t + 1 ? 1 : 0;
                        }
                    }
                    return seen;
                }));
            }
            for (Future<int[]> f : results) {
                assertArrayEquals(new int[] {500, 500, 500}, f.get());
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aFailingPartFailsTheRunAfterTheOthersFinished() {
        for (int failing = 0; failing < 3; failing++) {
            int bad = failing;
            IllegalStateException boom = new IllegalStateException("part " + bad);
            AtomicIntegerArray finished = new AtomicIntegerArray(3);
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Parallel.run(3, t -> {
                if (t == bad) {
                    throw boom;
                }
                finished.incrementAndGet(t);
            }));
            assertSame(boom, thrown);
            for (int t = 0; t < 3; t++) {
                assertEquals(t == bad ? 0 : 1, finished.get(t), "part " + t);
            }
        }
        AssertionError error = new AssertionError("an Error in a worker");
        assertSame(error, assertThrows(AssertionError.class, () -> Parallel.run(2, t -> {
            if (t == 1) {
                throw error;
            }
        })));
        int[] after = new int[2];
        Parallel.run(2, t -> after[t] = t + 1);
        assertArrayEquals(new int[] {1, 2}, after, "the pool still works after failures");
    }
}
