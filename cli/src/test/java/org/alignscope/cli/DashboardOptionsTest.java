package org.alignscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The dashboard options of {@code serve} and {@code train}: a bad value is one line naming the option the user
 * typed, exit code 2, before any work; a non-loopback address warns that the network can read the folder.
 */
@Tag("reliability")
@Timeout(60)
class DashboardOptionsTest {
    private static Path config(Path tmp) throws Exception {
        return Files.writeString(tmp.resolve("c.yaml"), String.join("\n",
                "seeds: [1]",
                "data: {source: gaussian-mixture, train_samples: 30, dimension: 4, classes: 3}",
                "model: {spec: 'mlp:4-4-3:tanh'}",
                "training: {steps: 8, batch_size: 5}", ""));
    }

    @Test
    void trainNamesItsOwnDashboardOptionsBeforeAnyWork(@TempDir Path tmp) throws Exception {
        Path cfg = config(tmp);
        Path out = tmp.resolve("o");
        String[][] cases = {
                {"--dashboard-port", "70000", "--dashboard-port: must be in [0, 65535] (got 70000)"},
                {"--dashboard-port", "-1", "--dashboard-port: must be in [0, 65535] (got -1)"},
                {"--dashboard-address", "192.0.2.1", "--dashboard-address: 192.0.2.1 is not an address of this machine"},
                {"--dashboard-allow-host", "host:80", "--dashboard-allow-host: must be a host name or IP address"}};
        for (String[] c : cases) {
            String[] r = TrainCommandTest.run("train", "--config", cfg.toString(), "--out", out.toString(),
                    "--dashboard", c[0], c[1]);
            assertEquals("2", r[0], r[1]);
            assertEquals(1, r[1].strip().lines().count(), r[1]);
            assertTrue(r[1].startsWith("alignscope: error: " + c[2]), r[1]);
            assertFalse(Files.exists(out), "no work before the options are checked");
        }
    }

    @Test
    void serveNamesItsOptions(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("manifest.json"), "{}\n");
        String[][] cases = {
                {"--port", "-5", "--port: must be in [0, 65535] (got -5)"},
                {"--address", "192.0.2.1", "--address: 192.0.2.1 is not an address of this machine"},
                {"--allow-host", "a b", "--allow-host: must be a host name or IP address"}};
        for (String[] c : cases) {
            AlignScopeTest.Outcome o = AlignScopeTest.execute("serve", tmp.toString(), c[0], c[1]);
            assertEquals(2, o.code(), o.err());
            assertTrue(o.err().startsWith("alignscope: error: " + c[2]), o.err());
        }
    }

    @Test
    void serveOnEveryInterfaceWarnsAndAnswersAnAllowedHost(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("manifest.json"), "{}\n");
        CommandLine cl = AlignScope.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        AtomicInteger code = new AtomicInteger(-1);
        Thread serve = new Thread(() -> code.set(cl.execute("serve", tmp.toString(), "--address", "0.0.0.0",
                "--allow-host", "dash.example")));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            serve.start();
            for (int i = 0; i < 200 && out.size() == 0; i++) {
                Thread.sleep(50);
            }
        } finally {
            System.setOut(saved);
        }
        try {
            String url = out.toString(StandardCharsets.UTF_8).strip();
            assertTrue(url.matches("http://0\\.0\\.0\\.0:[0-9]+/"), url);
            assertTrue(err.toString().startsWith("alignscope: warning: the dashboard at " + url
                    + " lets anyone on the network read " + tmp.toAbsolutePath()), err.toString());
            assertEquals(1, err.toString().strip().lines().count(), err.toString());
            int port = URI.create(url).getPort();
            assertEquals("HTTP/1.1 200 OK", statusLine(port, "dash.example"));
            assertEquals("HTTP/1.1 403 Forbidden", statusLine(port, "evil.example"));
        } finally {
            serve.interrupt();  // serve stops the dashboard and returns
            serve.join(10_000);
        }
        assertEquals(0, code.get());
    }

    /** A GET of the manifest on the loopback address with the given Host. */
    private static String statusLine(int port, String host) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET /manifest.json HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1).lines().findFirst()
                    .orElse("");
        }
    }
}
