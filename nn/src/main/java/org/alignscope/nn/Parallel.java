package org.alignscope.nn;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs the parts of a batch-split evaluation at once: part 0 on the calling thread, parts 1..T−1 on a shared
 * cached pool of daemon threads (idle ones end after a minute). Each part writes only its own buffers, so the
 * results do not depend on the scheduling.
 */
final class Parallel {
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "alignscope-nn-part");
        t.setDaemon(true);
        return t;
    });

    private Parallel() {
    }

    /** Calls {@code body.accept(t)} for t = 0..parts−1, concurrently, and returns when all have finished. */
    static void run(int parts, IntConsumer body) {
        if (parts == 1) {
            body.accept(0);
            return;
        }
        Future<?>[] futures = new Future<?>[parts - 1];
        for (int t = 1; t < parts; t++) {
            int part = t;
            futures[t - 1] = POOL.submit(() -> body.accept(part));
        }
        RuntimeException failure = null;
        try {
            body.accept(0);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (failure == null) {
                    failure = c instanceof RuntimeException r ? r : new IllegalStateException(c);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
