package org.alignscope.nn;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Runs the parts of a batch-split evaluation at once: part 0 on the calling thread, parts 1..T−1 on worker threads
 * of a shared pool (daemon threads, created when no idle one is left). Each part writes only its own buffers, so
 * the results do not depend on the scheduling.
 *
 * <p>A worker that has finished a part spins for {@link #SPIN_NANOS} before it parks, and so does a caller whose
 * own part finished first: waking a parked thread costs tens of microseconds on a virtual machine whose idle
 * CPU has been halted, while back-to-back products — a benchmark, the steps of Lanczos — find the worker still
 * spinning (docs/results/hvp-performance.md, "Kernel choices").
 */
final class Parallel {
    /** How long an idle worker, or a caller waiting for the other parts, spins before it parks. */
    static final long SPIN_NANOS = 500_000;
    /** Idle workers, the most recently used (most likely still spinning) first. */
    private static final ConcurrentLinkedDeque<Worker> IDLE = new ConcurrentLinkedDeque<>();

    private Parallel() {
    }

    /** Calls {@code body.accept(t)} for t = 0..parts−1, concurrently, and returns when all have finished. */
    static void run(int parts, IntConsumer body) {
        if (parts == 1) {
            body.accept(0);
            return;
        }
        Worker[] workers = new Worker[parts - 1];
        for (int t = 1; t < parts; t++) {
            Worker w = IDLE.pollFirst();
            workers[t - 1] = w != null ? w : new Worker();
            workers[t - 1].start(body, t, Thread.currentThread());
        }
        Throwable failure = null;
        try {
            body.accept(0);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (Worker w : workers) {
            Throwable f = w.await();
            failure = failure != null ? failure : f;
            IDLE.addFirst(w);
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        } else if (failure instanceof Error e) {
            throw e;
        }
    }

    /** Spins until {@code done} says yes, for at most {@link #SPIN_NANOS}, then parks until it does. */
    private static void waitFor(BooleanSupplier done) {
        long deadline = System.nanoTime() + SPIN_NANOS;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline < 0) {
                Thread.onSpinWait();
            } else {
                LockSupport.park();
            }
        }
    }

    /** One pool thread: runs the parts handed to it by {@link #start}, one at a time. */
    private static final class Worker implements Runnable {
        private final Thread thread;
        private volatile IntConsumer task;
        private volatile boolean finished;
        private volatile Thread caller;
        private int part;
        private Throwable failure;

        Worker() {
            thread = new Thread(this, "alignscope-nn-part");
            thread.setDaemon(true);
            thread.start();
        }

        /** Hands part {@code t} of {@code body} to this (idle) worker; {@code caller} is woken when it ends. */
        void start(IntConsumer body, int t, Thread waiting) {
            part = t;
            failure = null;
            caller = waiting;
            finished = false;
            task = body;
            LockSupport.unpark(thread);
        }

        /** Waits for the part handed over by {@link #start}; returns what it threw, or null. */
        Throwable await() {
            waitFor(() -> finished);
            return failure;
        }

        @Override
        public void run() {
            while (true) {
                waitFor(() -> task != null);
                IntConsumer body = task;
                task = null;
                try {
                    body.accept(part);
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
                finished = true;
                LockSupport.unpark(caller);
            }
        }
    }
}
