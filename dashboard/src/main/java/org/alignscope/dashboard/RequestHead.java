package org.alignscope.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The head of one HTTP/1.x request: the request line and the header fields, parsed from the bytes the
 * {@link Listener} gathered. The head ends with an empty line; it holds at most {@link #MAX_BYTES} bytes.
 *
 * @param method the method, e.g. {@code GET}
 * @param target the request target as sent, e.g. {@code /plain/metrics.csv}
 * @param fields the header fields by lower-case name, each with its values in order
 * @param length the head's length in bytes, blank line included (the body, if any, follows)
 */
record RequestHead(String method, String target, Map<String, List<String>> fields, int length) {
    /** The largest head read: enough for any browser's request, small enough to hold for every pending client. */
    static final int MAX_BYTES = 16 * 1024;
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern VERSION = Pattern.compile("HTTP/1\\.[01]");

    /** A head that cannot be answered; {@link #status} is the response to send (400 or 505). */
    static final class Malformed extends Exception {
        private final int status;

        Malformed(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /**
     * The length of the head at the start of {@code buf[0, n)}, blank line included, or -1 while it is incomplete;
     * the search starts at {@code from}, so that a head arriving byte by byte is scanned once, not once per byte.
     */
    static int end(byte[] buf, int from, int n) {
        for (int i = Math.max(0, from); i < n; i++) {
            if (buf[i] != '\n') {
                continue;
            }
            if (i + 1 < n && buf[i + 1] == '\n') {
                return i + 2;
            }
            if (i + 2 < n && buf[i + 1] == '\r' && buf[i + 2] == '\n') {
                return i + 3;
            }
        }
        return -1;
    }

    /** Parses the complete head at the start of {@code buf} ({@link #end} bytes). */
    static RequestHead parse(byte[] buf, int length) throws Malformed {
        String[] lines = new String(buf, 0, length, StandardCharsets.ISO_8859_1).split("\r?\n");
        int first = 0;
        while (first < lines.length && lines[first].isEmpty()) {
            first++;  // a client may send empty lines before the request line
        }
        if (first == lines.length) {
            throw new Malformed(400, "no request line");
        }
        String[] parts = lines[first].split(" ", -1);
        if (parts.length != 3 || !TOKEN.matcher(parts[0]).matches() || parts[1].isEmpty()) {
            throw new Malformed(400, "bad request line");
        }
        if (!VERSION.matcher(parts[2]).matches()) {
            throw new Malformed(parts[2].startsWith("HTTP/") ? 505 : 400, "HTTP/1.0 and HTTP/1.1 only");
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (int i = first + 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon <= 0 || !TOKEN.matcher(line.substring(0, colon)).matches()) {
                throw new Malformed(400, "bad header field");  // also an obsolete folded line, which starts with a space
            }
            fields.computeIfAbsent(line.substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        return new RequestHead(parts[0], parts[1], fields, length);
    }

    /** The values of a header field, in order; empty when absent. */
    List<String> values(String name) {
        return fields.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The number of body bytes the client declared ({@code Content-Length}); 0 when none or unreadable. */
    long declaredBody() {
        List<String> v = values("Content-Length");
        try {
            return v.size() == 1 ? Math.max(0, Long.parseLong(v.get(0))) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    boolean isHead() {
        return method.equals("HEAD");
    }
}
