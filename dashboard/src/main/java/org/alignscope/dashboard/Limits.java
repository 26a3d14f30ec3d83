package org.alignscope.dashboard;

import java.time.Duration;

/**
 * How much the dashboard serves at once and how long it waits for a client, so that no client, however slow or
 * numerous, can take all of its memory or threads.
 *
 * @param pending     connections whose request head is still arriving; they cost a buffer on the one listener
 *                    thread, no worker. A connection beyond them gets 503 at once
 * @param requests    requests answered at once, a worker thread each; a request beyond them gets 503
 * @param streams     event streams open at once, a worker thread each, counted apart from {@code requests} because
 *                    they are long-lived by design; a stream beyond them gets 503
 * @param headTimeout the time a new connection has to send its whole request head (and a short body, if any)
 * @param writeStall  the time one write to a client may block (it stopped reading) before its connection is closed
 */
record Limits(int pending, int requests, int streams, Duration headTimeout, Duration writeStall) {
    /** The dashboard's limits: a few browsers' worth of requests and streams. */
    static final Limits DEFAULT = new Limits(512, 32, 16, Duration.ofSeconds(10), Duration.ofSeconds(30));

    Limits {
        if (pending < 1 || requests < 1 || streams < 1 || headTimeout.isNegative() || headTimeout.isZero()
                || writeStall.isNegative() || writeStall.isZero()) {
            throw new IllegalArgumentException("limits must be positive: " + pending + ", " + requests + ", "
                    + streams + ", " + headTimeout + ", " + writeStall);
        }
    }

    /** The worker threads: one per request or stream served at once. */
    int workers() {
        return requests + streams;
    }
}
