package org.alignscope.dashboard;

import java.util.concurrent.Semaphore;

/**
 * How many requests and event streams are served at once ({@link Limits#requests}, {@link Limits#streams}): a
 * request holds a slot while a worker answers it, and trades it for a stream slot when it turns into an event
 * stream, so that long-lived streams never crowd out ordinary requests.
 */
final class Admission {
    private final Semaphore requests;
    private final Semaphore streams;

    Admission(Limits limits) {
        this.requests = new Semaphore(limits.requests());
        this.streams = new Semaphore(limits.streams());
    }

    /** A request slot, or null when all are taken. */
    Slot enter() {
        return requests.tryAcquire() ? new Slot() : null;
    }

    /** The slot one connection holds; closing it frees it. */
    final class Slot implements AutoCloseable {
        private Semaphore held = requests;

        /** Trades the request slot for a stream slot; false (keeping the request slot) when all are taken. */
        boolean becomeStream() {
            if (!streams.tryAcquire()) {
                return false;
            }
            requests.release();
            held = streams;
            return true;
        }

        @Override
        public void close() {
            held.release();
        }
    }
}
