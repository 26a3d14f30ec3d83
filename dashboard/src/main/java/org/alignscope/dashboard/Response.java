package org.alignscope.dashboard;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The response to one request, written to a connection that a worker owns. Every response closes its connection
 * afterwards ({@code Connection: close}): one request per connection bounds a worker's time to one answer, and an
 * idle connection never holds a worker.
 */
final class Response {
    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(200, "OK"),
            Map.entry(400, "Bad Request"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
            Map.entry(431, "Request Header Fields Too Large"), Map.entry(503, "Service Unavailable"),
            Map.entry(505, "HTTP Version Not Supported"));

    private final OutputStream out;
    private final boolean headOnly;

    /** A response on {@code out}; {@code headOnly} for a HEAD request, whose response has no body. */
    Response(OutputStream out, boolean headOnly) {
        this.out = out;
        this.headOnly = headOnly;
    }

    /** Whether the body is left out (a HEAD request). */
    boolean headOnly() {
        return headOnly;
    }

    /** Sends a whole response; for a HEAD request only its head, with the length the body would have. */
    void send(int status, String type, byte[] body, String... fields) throws IOException {
        OutputStream o = begin(status, type, body.length, fields);
        if (!headOnly) {
            o.write(body);
        }
        o.flush();
    }

    /** Sends a short plain-text message. */
    void text(int status, String message, String... fields) throws IOException {
        send(status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8), fields);
    }

    /**
     * Writes the status line and the header fields and returns the stream for the body: exactly {@code length}
     * bytes, or with {@code length} -1 bytes until the connection closes (an event stream).
     *
     * @param fields further header fields, each {@code "Name: value"}
     */
    OutputStream begin(int status, String type, long length, String... fields) throws IOException {
        StringBuilder h = new StringBuilder(256).append("HTTP/1.1 ").append(status).append(' ')
                .append(REASONS.getOrDefault(status, "Status")).append("\r\n")
                .append("Content-Type: ").append(type).append("\r\n")
                .append("Cache-Control: no-store\r\n")
                .append("X-Content-Type-Options: nosniff\r\n")
                .append("Connection: close\r\n");
        if (length >= 0) {
            h.append("Content-Length: ").append(length).append("\r\n");
        }
        for (String f : fields) {
            h.append(f).append("\r\n");
        }
        out.write(h.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        return out;
    }

    /**
     * Answers a connection no worker will serve with a short error (503 busy, 408 too slow, ...) and closes it,
     * without ever blocking: a client that does not read loses the message, not the server's time.
     */
    static void refuse(SocketChannel ch, int status) {
        String body = REASONS.getOrDefault(status, "Error") + "\n";
        String msg = "HTTP/1.1 " + status + " " + REASONS.getOrDefault(status, "Error") + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length() + "\r\n"
                + (status == 503 ? "Retry-After: 1\r\n" : "") + "Connection: close\r\n\r\n" + body;
        try {
            ch.configureBlocking(false);
            ch.write(ByteBuffer.wrap(msg.getBytes(StandardCharsets.ISO_8859_1)));
            ch.shutdownOutput();
        } catch (IOException e) {
            // the client is gone already
        }
        closeQuietly(ch);
    }

    /** Closes a connection or a channel whose client may be gone already. */
    static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing left to close
        }
    }
}
