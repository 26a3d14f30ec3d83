package org.alignscope.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file many times the heap is served to many clients at once: the dashboard runs in a child JVM with a 256 MiB
 * heap that exits on its first OutOfMemoryError, and ten clients download a 1 GiB sparse file (no disk used).
 */
@Tag("reliability")
@Timeout(240)
class DashboardMemoryTest {
    private static final long SIZE = 1L << 30;
    private static final int DOWNLOADS = 10;

    @Test
    void tenParallelDownloadsOfAGibibyteFileFitA256MiBHeap(@TempDir Path dir) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("big.bin").toFile(), "rw")) {
            f.setLength(SIZE);
        }
        Files.writeString(dir.resolve("note.txt"), "small\n");
        Path err = dir.resolve("child.err");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                ServeFolder.class.getName(), dir.toString())
                .redirectError(err.toFile()).start();
        ExecutorService clients = Executors.newFixedThreadPool(DOWNLOADS);
        try {
            String url = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertTrue(url != null && url.startsWith("http://127.0.0.1:"), "the child printed its URL: " + url);
            InetSocketAddress server = new InetSocketAddress("127.0.0.1", URI.create(url).getPort());
            List<Future<RawHttp.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < DOWNLOADS; i++) {
                replies.add(clients.submit(() -> RawHttp.exchange(server, RawHttp.get("/big.bin", "127.0.0.1"))));
            }
            for (Future<RawHttp.Reply> r : replies) {
                assertEquals(new RawHttp.Reply(200, SIZE, SIZE), r.get(200, TimeUnit.SECONDS));
            }
            assertTrue(child.isAlive(), "the dashboard is still running");
            assertEquals(200, RawHttp.status(server, "/note.txt"), "and still answers");
        } finally {
            clients.shutdownNow();
            child.getOutputStream().close();  // ServeFolder exits at the end of its input
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        String stderr = Files.readString(err);
        assertFalse(stderr.contains("OutOfMemoryError"), stderr);
        assertEquals(0, child.exitValue(), stderr);
    }
}
