package org.alignscope.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dashboard the network can reach warns so and answers only the Host names it knows. The server may bind every
 * interface here, but requests go to 127.0.0.1 only, each naming its Host.
 */
@Tag("reliability")
@Timeout(60)
class DashboardNetworkTest {
    private static int status(DashboardServer s, String request) throws Exception {
        return RawHttp.exchange(s.address(), request.getBytes(StandardCharsets.ISO_8859_1)).status();
    }

    private static int statusWithHost(DashboardServer s, String host) throws Exception {
        return RawHttp.exchange(s.address(), RawHttp.get("/manifest.json", host)).status();
    }

    @Test
    void theLoopbackNeedsNoWarning(@TempDir Path dir) {
        LiveRun.write(dir, "plain");
        try (DashboardServer s = DashboardServer.start(dir, null, 0)) {
            assertTrue(s.networkWarning().isEmpty());
        }
    }

    @Test
    void everyInterfaceIsAnnouncedAndOnlyKnownHostsAreAnswered(@TempDir Path dir) throws Exception {
        LiveRun.write(dir, "plain");
        Binding b = Binding.of("0.0.0.0", 0, List.of("Dash.Example", "::1"));
        try (DashboardServer s = DashboardServer.start(dir, b)) {
            String warning = s.networkWarning().orElseThrow();
            assertFalse(warning.contains("\n"), "one line");
            assertTrue(warning.contains(dir.toAbsolutePath().toString()) && warning.contains("network")
                    && warning.contains("dash.example"), warning);
            int port = s.address().getPort();
            for (String host : new String[] {"dash.example", "DASH.EXAMPLE:" + port, "127.0.0.1:" + port, "localhost",
                    "[::1]:" + port, "0.0.0.0:" + port}) {
                assertEquals(200, statusWithHost(s, host), host);
            }
            for (String host : new String[] {"evil.example", "dash.example.evil.example", "evil-dash.example",
                    "dash.example:80x", "dash.example@evil.example", "localhost.", "127.0.0.1.evil.example", "[::2]",
                    "[::ffff:127.0.0.1]", "127.1", ""}) {
                assertEquals(403, statusWithHost(s, host), host);
            }
            assertEquals(403, status(s, "GET /manifest.json HTTP/1.1\r\nConnection: close\r\n\r\n"), "no Host");
            assertEquals(403, status(s, "GET /manifest.json HTTP/1.1\r\nHost: dash.example\r\nHost: evil.example\r\n"
                    + "Connection: close\r\n\r\n"), "two Hosts");
            assertEquals(403, status(s, "GET http://evil.example/manifest.json HTTP/1.1\r\nHost: dash.example\r\n"
                    + "Connection: close\r\n\r\n"), "another host in the target");
        }
    }

    @Test
    void anotherAddressAnswersItsOwnNameButNotLocalhost() throws Exception {
        HostAllowList hosts = HostAllowList.of(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 7}), List.of());
        assertTrue(hosts.allows("192.0.2.7:8080"));
        assertFalse(hosts.allows("localhost"), "the loopback does not reach a server bound to 192.0.2.7");
        assertFalse(hosts.allows("127.0.0.1"));
    }

    @Test
    void badValuesSayWhatIsWrongWithThem() {
        assertEquals("must be in [0, 65535] (got 70000)", assertThrows(IllegalArgumentException.class,
                () -> Binding.of(null, 70000, List.of())).getMessage());
        assertEquals("must be in [0, 65535] (got -1)", assertThrows(IllegalArgumentException.class,
                () -> Binding.port(-1)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Binding.of("192.0.2.1", 0, List.of()))
                .getMessage().startsWith("192.0.2.1 is not an address of this machine"));
        for (String bad : new String[] {"host:80", "a b", "", "http://x", "x/y", "[::1"}) {
            String message = assertThrows(IllegalArgumentException.class,
                    () -> Binding.of(null, 0, List.of(bad)), bad).getMessage();
            assertTrue(message.startsWith("must be a host name or IP address"), message);
        }
    }
}
