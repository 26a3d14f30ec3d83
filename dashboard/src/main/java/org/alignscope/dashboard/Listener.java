package org.alignscope.dashboard;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The one thread that accepts connections and reads their requests without blocking, so that a client that
 * connects and then sends slowly, or nothing, costs a small buffer rather than a worker thread. A request that has
 * not arrived within {@link Limits#headTimeout}, whose head outgrows {@link RequestHead#MAX_BYTES} or does not
 * parse, ends its connection with an error; a connection beyond {@link Limits#pending} gets 503 at once. A short
 * body the client declared is awaited too (it fits the same buffer), so that no worker ever waits on a client and
 * none closes a connection with unread input (which would reset it under the answer). A complete request goes to
 * the {@link RequestHandler}, its channel taken off the selector so that a worker may use it in blocking mode. Every
 * {@link #TICK_MS} ms the loop also runs a periodic task (the server's watch on stalled writes).
 */
final class Listener implements Runnable {
    /** How often the loop wakes to drop overdue heads and run the periodic task. */
    static final long TICK_MS = 250;

    /** Receives a complete request; runs on the listener thread, so it must not block. */
    interface RequestHandler {
        void accept(SocketChannel channel, RequestHead request);
    }

    /** A connection whose request is still arriving. */
    private static final class Pending {
        final SocketChannel channel;
        final ByteBuffer buf = ByteBuffer.allocate(RequestHead.MAX_BYTES);
        final long deadline;
        /** The parsed head, once it is complete. */
        RequestHead head;

        Pending(SocketChannel channel, long deadline) {
            this.channel = channel;
            this.deadline = deadline;
        }
    }

    private final ServerSocketChannel server;
    private final Selector selector;
    private final Limits limits;
    private final RequestHandler onRequest;
    private final Runnable tick;
    private volatile boolean open = true;

    /** Binds {@code address}; {@link #run} then serves it. */
    Listener(InetSocketAddress address, Limits limits, RequestHandler onRequest, Runnable tick) throws IOException {
        this.limits = limits;
        this.onRequest = onRequest;
        this.tick = tick;
        this.server = ServerSocketChannel.open();
        try {
            server.bind(address, limits.pending());
            server.configureBlocking(false);
            this.selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            server.close();
            throw e;
        }
    }

    /** The bound port. */
    int port() {
        return server.socket().getLocalPort();
    }

    @Override
    public void run() {
        List<SelectionKey> complete = new ArrayList<>();
        long nextTick = System.nanoTime();
        try {
            while (open) {
                if (selector.selectedKeys().isEmpty()) {
                    selector.select(TICK_MS);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        acceptAll();
                    } else if (key.isReadable() && read(key)) {
                        complete.add(key);
                    }
                }
                selector.selectedKeys().clear();
                if (!complete.isEmpty()) {
                    handOff(complete);
                }
                long now = System.nanoTime();
                if (now - nextTick >= 0) {
                    dropOverdue(now);
                    tick.run();
                    nextTick = now + TICK_MS * 1_000_000;
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            // the selector failed or was closed: the server stops listening
        } finally {
            closeAll();
        }
    }

    /** Stops accepting and ends every connection whose head is still arriving. */
    void close() {
        open = false;
        selector.wakeup();
    }

    private void acceptAll() {
        while (true) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (IOException e) {
                return;  // e.g. no file descriptor left: the connection waits in the backlog for the next round
            }
            if (ch == null) {
                return;
            }
            if (selector.keys().size() - 1 >= limits.pending()) {
                Response.refuse(ch, 503);
                continue;
            }
            try {
                ch.configureBlocking(false);
                ch.register(selector, SelectionKey.OP_READ,
                        new Pending(ch, System.nanoTime() + limits.headTimeout().toNanos()));
            } catch (IOException e) {
                Response.closeQuietly(ch);
            }
        }
    }

    /** Reads what the client sent; true once its request is complete. */
    private boolean read(SelectionKey key) {
        Pending p = (Pending) key.attachment();
        int before = p.buf.position();
        try {
            if (p.channel.read(p.buf) < 0) {
                drop(key, 0);
                return false;
            }
        } catch (IOException e) {
            drop(key, 0);
            return false;
        }
        if (p.head == null) {
            int end = RequestHead.end(p.buf.array(), before - 2, p.buf.position());
            if (end < 0) {
                if (!p.buf.hasRemaining()) {
                    drop(key, 431);
                }
                return false;
            }
            try {
                p.head = RequestHead.parse(p.buf.array(), end);
            } catch (RequestHead.Malformed e) {
                drop(key, e.status());
                return false;
            }
        }
        long whole = p.head.length() + p.head.declaredBody();
        if (p.buf.position() < whole && whole <= p.buf.capacity()) {
            return false;  // a short body is still arriving
        }
        key.cancel();
        return true;
    }

    /** Passes complete requests on, after a selectNow has released their cancelled keys from the selector. */
    private void handOff(List<SelectionKey> complete) throws IOException {
        selector.selectNow();
        for (SelectionKey key : complete) {
            Pending p = (Pending) key.attachment();
            onRequest.accept(p.channel, p.head);
        }
        complete.clear();
    }

    private void dropOverdue(long now) {
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Pending p && now - p.deadline >= 0) {
                drop(key, 408);
            }
        }
    }

    /** Ends a pending connection, telling the client why when {@code status} is not 0. */
    private static void drop(SelectionKey key, int status) {
        key.cancel();
        SocketChannel ch = ((Pending) key.attachment()).channel;
        if (status == 0) {
            Response.closeQuietly(ch);
        } else {
            Response.refuse(ch, status);
        }
    }

    private void closeAll() {
        try {
            for (SelectionKey key : selector.keys()) {
                Response.closeQuietly(key.channel());
            }
            selector.close();
        } catch (IOException | ClosedSelectorException e) {
            // closing anyway
        }
        Response.closeQuietly(server);
    }
}
