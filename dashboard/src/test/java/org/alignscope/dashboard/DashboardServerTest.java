package org.alignscope.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A hung event stream fails the test instead of the build. */
@Timeout(60)
class DashboardServerTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static int status(URI url, String method) throws Exception {
        HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
        c.setRequestMethod(method);
        if (method.equals("POST") || method.equals("PUT")) {
            c.setDoOutput(true);
            try (OutputStream o = c.getOutputStream()) {
                o.write("x".getBytes(StandardCharsets.UTF_8));
            }
        }
        int code = c.getResponseCode();
        if (code == 405) {
            assertEquals("GET, HEAD", c.getHeaderField("Allow"));
        }
        c.disconnect();
        return code;
    }

    /** Sends a raw request line, so that no client normalises the path first. */
    private static String rawStatus(DashboardServer s, String path) throws Exception {
        return rawStatus(s, path, "127.0.0.1");
    }

    private static String rawStatus(DashboardServer s, String path, String host) throws Exception {
        try (Socket sock = new Socket(s.address().getAddress(), s.address().getPort())) {
            sock.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(sock.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void bindsTheLoopbackOnAFreePortByDefault(@TempDir Path dir) {
        LiveRun.write(dir, "plain");
        try (DashboardServer s = DashboardServer.start(dir, null, 0)) {
            assertTrue(s.address().getAddress().isLoopbackAddress());
            assertTrue(s.address().getPort() > 0);
            assertEquals("http://127.0.0.1:" + s.address().getPort() + "/", s.url().toString());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DashboardServer.start(dir, null, 70000));
        assertEquals("must be in [0, 65535] (got 70000)", e.getMessage());
    }

    @Test
    void isReadOnlyAndServesNothingOutsideTheFolder(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        LiveRun.write(dir, "plain");
        Files.writeString(tmp.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(dir.resolve("link.txt"), tmp.resolve("secret.txt"));
        try (DashboardServer s = DashboardServer.start(dir, null, 0)) {
            URI u = s.url();
            assertEquals(200, status(u, "GET"));
            assertEquals(200, status(u.resolve("manifest.json"), "GET"));
            assertEquals(200, status(u.resolve("plain/seed_1/metrics.csv"), "HEAD"));
            for (String m : new String[] {"POST", "PUT", "DELETE", "OPTIONS"}) {
                assertEquals(405, status(u.resolve("manifest.json"), m), m);
            }
            for (String p : new String[] {"/../secret.txt", "/%2e%2e/secret.txt", "/plain/../../secret.txt",
                    "/link.txt", "/nothing.csv", "/plain"}) {
                assertTrue(rawStatus(s, p).startsWith("HTTP/1.1 404"), p);
            }
            assertTrue(rawStatus(s, "/plain/../manifest.json").startsWith("HTTP/1.1 404"),
                    "any .. segment is refused, even one that stays inside");
            assertTrue(rawStatus(s, "/manifest.json", "localhost:" + u.getPort()).startsWith("HTTP/1.1 200"));
            assertTrue(rawStatus(s, "/manifest.json", "evil.example:" + u.getPort()).startsWith("HTTP/1.1 403"),
                    "a rebound name is refused");
        }
    }

    @Test
    void theEventStreamSendsASnapshotThenTheRowsAsTheyAreWritten(@TempDir Path dir) throws Exception {
        LiveRun.write(dir, "plain");
        try (DashboardServer s = DashboardServer.start(dir, null, 0)) {
            HttpResponse<Stream<String>> r = HTTP.send(HttpRequest.newBuilder(s.url().resolve("api/events")).build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            Iterator<String> lines = r.body().iterator();
            assertEquals("event: snapshot", lines.next());
            String snap = lines.next();
            assertTrue(snap.startsWith("data: {") && snap.contains("\"last\":49"), snap);
            LiveRun.append(dir, "plain", 50);
            LiveRun.append(dir, "bulk", 50);
            String event = "";
            while (!event.equals("event: rows")) {
                event = lines.next();
            }
            String data = lines.next();
            assertTrue(data.contains("\"id\":\"" + dir.getFileName() + "/plain/seed_1/metrics.csv\""), data);
            assertTrue(data.contains("\"last\":50"), data);
            assertTrue(data.contains("/bulk/seed_1\""), "a new arm's file appears: " + data);
            assertTrue(!data.contains("\"last\":49"), "only new rows are sent: " + data);
            r.body().close();
        }
    }
}
