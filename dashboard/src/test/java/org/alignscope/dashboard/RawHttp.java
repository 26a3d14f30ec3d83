package org.alignscope.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Plain HTTP/1.1 on a socket to the loopback address, so that the tests send exactly the bytes they mean (a bare
 * Host, half a request line) and read exactly what comes back.
 */
final class RawHttp {
    /** How long any read waits before the test counts the server as silent. */
    static final int READ_TIMEOUT_MS = 20_000;

    /** A response's status code and Content-Length (-1: none), and the body bytes counted (never kept). */
    record Reply(int status, long contentLength, long bodyBytes) {
    }

    private RawHttp() {
    }

    /** A connected socket with a read timeout. */
    static Socket connect(InetSocketAddress server) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 5_000);
        s.setSoTimeout(READ_TIMEOUT_MS);
        return s;
    }

    /** The request bytes of a plain GET with one Host header. */
    static byte[] get(String target, String host) {
        return ("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Sends {@code request} on a new connection and reads the whole reply. */
    static Reply exchange(InetSocketAddress server, byte[] request) throws IOException {
        try (Socket s = connect(server)) {
            s.getOutputStream().write(request);
            return read(s.getInputStream());
        }
    }

    /** The status of a GET of {@code target} with Host 127.0.0.1. */
    static int status(InetSocketAddress server, String target) throws IOException {
        return exchange(server, get(target, "127.0.0.1")).status();
    }

    /** Reads a reply's head, then counts its body to the end of the connection. */
    static Reply read(InputStream in) throws IOException {
        String head = head(in);
        if (!head.startsWith("HTTP/1.1 ") || head.length() < 12) {
            throw new IOException("no reply, the connection ended after '" + head + "'");
        }
        int status = Integer.parseInt(head.substring(9, 12));
        long length = -1;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).strip());
            }
        }
        byte[] buf = new byte[1 << 16];
        long body = 0;
        for (int k; (k = in.read(buf)) >= 0; ) {
            body += k;
        }
        return new Reply(status, length, body);
    }

    /** The status line, or "closed" when the server closed or reset the connection without one. */
    static String statusLine(Socket s) throws IOException {
        try {
            String head = head(s.getInputStream());
            return head.isEmpty() ? "closed" : head.lines().findFirst().orElse("closed");
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            return "closed";
        }
    }

    /** The response head up to its blank line (empty when the connection ends first). */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            if (b.size() >= 4 && b.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
