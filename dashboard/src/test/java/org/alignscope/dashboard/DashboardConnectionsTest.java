package org.alignscope.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many, slow and stalled clients on the loopback address, against a server with small limits: its threads stay
 * within the limits, what does not fit is refused or dropped, and a normal request still gets its answer.
 */
@Tag("reliability")
@Timeout(120)
class DashboardConnectionsTest {
    /** 64 pending heads, 4 requests and 1 event stream at once, 1 s for a head, 1 s for a stalled write. */
    private static final Limits LIMITS = new Limits(64, 4, 1, Duration.ofSeconds(1), Duration.ofSeconds(1));

    private static DashboardServer start(Path dir) {
        LiveRun.write(dir, "plain");
        return DashboardServer.start(dir, Binding.of(null, 0, List.of()), LIMITS);
    }

    /** The threads of the server: its listener and its workers. */
    private static long threads(DashboardServer s) {
        String prefix = DashboardServer.threadPrefix(s.address().getPort());
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).count();
    }

    private static List<Socket> connect(DashboardServer s, int n) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sockets.add(RawHttp.connect(s.address()));
        }
        return sockets;
    }

    private static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket sock : sockets) {
            sock.close();
        }
    }

    @Test
    void twoHundredConcurrentConnectionsAreAnsweredOrRefusedWithBoundedThreads(@TempDir Path dir) throws Exception {
        try (DashboardServer s = start(dir)) {
            List<Socket> sockets = new ArrayList<>();
            Map<String, Integer> outcomes = new TreeMap<>();
            try {
                // each request is sent as soon as its connection is open, so that a loaded machine's slow connects
                // do not leave the first connections idle past the head timeout
                for (int i = 0; i < 200; i++) {
                    Socket sock = RawHttp.connect(s.address());
                    sockets.add(sock);
                    sock.getOutputStream().write(RawHttp.get("/manifest.json", "127.0.0.1"));
                }
                assertTrue(threads(s) <= LIMITS.workers() + 1, threads(s) + " threads");
                for (Socket sock : sockets) {
                    String line = RawHttp.statusLine(sock);
                    outcomes.merge(line.startsWith("HTTP/1.1 ") ? line.substring(9, 12) : line, 1, Integer::sum);
                }
            } finally {
                closeAll(sockets);
            }
            assertTrue(threads(s) <= LIMITS.workers() + 1, threads(s) + " threads");
            // 408: accepted while the others were still connecting, and idle past the head timeout meanwhile
            assertTrue(outcomes.keySet().stream().allMatch(o -> o.equals("200") || o.equals("503")
                    || o.equals("408") || o.equals("closed")), "each one answered or refused: " + outcomes);
            assertTrue(outcomes.getOrDefault("200", 0) >= LIMITS.requests(), "some were served: " + outcomes);
            assertEquals(200, RawHttp.status(s.address(), "/manifest.json"), "afterwards: " + outcomes);
        }
    }

    @Test
    void slowClientsAreDroppedWhileOthersAreAnswered(@TempDir Path dir) throws Exception {
        try (DashboardServer s = start(dir)) {
            List<Socket> slow = connect(s, 50);
            try {
                for (int i = 0; i < slow.size(); i++) {
                    // half send part of a request line, half a whole head whose declared body never comes
                    String part = i % 2 == 0 ? "GET /manif"
                            : "POST /manifest.json HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n";
                    slow.get(i).getOutputStream().write(part.getBytes(StandardCharsets.US_ASCII));
                }
                assertEquals(200, RawHttp.status(s.address(), "/manifest.json"), "answered meanwhile");
                assertTrue(threads(s) <= LIMITS.workers() + 1, threads(s) + " threads");
                for (Socket sock : slow) {
                    // a timeout here (the server never gave up on the client) fails the test
                    String line = RawHttp.statusLine(sock);
                    assertTrue(line.startsWith("HTTP/1.1 408") || line.equals("closed"), line);
                }
            } finally {
                closeAll(slow);
            }
            assertEquals(200, RawHttp.status(s.address(), "/manifest.json"), "answered afterwards");
        }
    }

    @Test
    void aClientThatStopsReadingIsDroppedAndItsWorkerFreed(@TempDir Path dir) throws Exception {
        try (DashboardServer s = start(dir)) {
            try (RandomAccessFile f = new RandomAccessFile(dir.resolve("big.bin").toFile(), "rw")) {
                f.setLength(1L << 28);
            }
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < LIMITS.requests(); i++) {
                    Socket sock = RawHttp.connect(s.address());
                    stalled.add(sock);
                    sock.getOutputStream().write(RawHttp.get("/big.bin", "127.0.0.1"));  // and never reads
                }
                int status = 503;
                for (int tries = 0; status == 503 && tries < 100; tries++) {
                    Thread.sleep(200);
                    status = RawHttp.status(s.address(), "/manifest.json");
                }
                assertEquals(200, status, "a worker came free");
                for (Socket sock : stalled) {
                    long got = RawHttp.read(sock.getInputStream()).bodyBytes();
                    assertTrue(got < 1L << 28, "the stalled download was cut short at " + got);
                }
            } catch (IOException e) {
                assertTrue(e.getMessage().contains("reset"), "a reset also ends it: " + e);
            } finally {
                closeAll(stalled);
            }
        }
    }

    @Test
    void eventStreamsHaveTheirOwnLimit(@TempDir Path dir) throws Exception {
        try (DashboardServer s = start(dir); Socket first = RawHttp.connect(s.address())) {
            first.getOutputStream().write(RawHttp.get("/api/events", "127.0.0.1"));
            assertEquals("HTTP/1.1 200 OK", RawHttp.statusLine(first));
            assertEquals(503, RawHttp.status(s.address(), "/api/events"), "one stream at a time");
            assertEquals(200, RawHttp.status(s.address(), "/api/data"), "a stream takes no request slot");
            byte[] event = new byte[16];
            int n = first.getInputStream().readNBytes(event, 0, event.length);
            assertEquals("event: snapshot\n", new String(event, 0, n, StandardCharsets.UTF_8));
        }
    }
}
