package org.alignscope.dashboard;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times every write to the clients. A blocking write has no timeout of its own, so a client that stops reading
 * (its socket buffer full) would hold its worker forever; {@link #sweep} closes the connection of any write blocked
 * longer than the limit, which ends that write with an exception and frees the worker. {@link #closeAll} ends every
 * connection still open, for a server that stops.
 */
final class WriteWatch {
    private static final long IDLE = Long.MIN_VALUE;

    private final long limitNanos;
    private final Set<Watched> open = ConcurrentHashMap.newKeySet();

    WriteWatch(Duration limit) {
        this.limitNanos = limit.toNanos();
    }

    /** The output of a connection in blocking mode; closing it closes the connection. */
    OutputStream watch(SocketChannel channel) {
        Watched w = new Watched(channel);
        open.add(w);
        return w;
    }

    /** Closes the connections whose current write has been blocked longer than the limit. */
    void sweep() {
        long now = System.nanoTime();
        for (Watched w : open) {
            long since = w.writingSince;
            if (since != IDLE && now - since > limitNanos) {
                Response.closeQuietly(w.channel);
            }
        }
    }

    /** Closes every connection still open. */
    void closeAll() {
        for (Watched w : open) {
            Response.closeQuietly(w.channel);
        }
    }

    private final class Watched extends FilterOutputStream {
        final SocketChannel channel;
        volatile long writingSince = IDLE;

        Watched(SocketChannel channel) {
            super(Channels.newOutputStream(channel));
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            writingSince = System.nanoTime();
            try {
                out.write(b, off, len);
            } finally {
                writingSince = IDLE;
            }
        }

        @Override
        public void close() throws IOException {
            open.remove(this);
            channel.close();
        }
    }
}
