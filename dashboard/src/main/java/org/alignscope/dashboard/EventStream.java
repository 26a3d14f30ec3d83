package org.alignscope.dashboard;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.alignscope.report.html.RunFolder;

/**
 * One client's server-sent event stream ({@code text/event-stream}): first {@code event: snapshot} with the
 * folder's data, then, every {@link #POLL_MS} ms, {@code event: rows} with the rows appended to any series file
 * since (and files that appeared, such as a new arm), as a JSON array of tables in the snapshot's shape. A
 * comment line every {@link #KEEP_ALIVE_MS} ms finds clients that went away. A reconnecting browser gets a
 * fresh snapshot, so nothing is lost or doubled. The stream runs until the client goes away or the server stops;
 * it holds a worker all along, so the server counts streams apart ({@link Limits#streams}), and a client that stops
 * reading is dropped by the server's {@link WriteWatch} once its socket buffer is full.
 */
final class EventStream {
    static final long POLL_MS = 250;
    static final long KEEP_ALIVE_MS = 10_000;
    static final String TYPE = "text/event-stream; charset=utf-8";

    private final DashboardServer server;
    private final Response response;

    EventStream(DashboardServer server, Response response) {
        this.server = server;
        this.response = response;
    }

    /** Streams until the client goes away (an IOException) or the server stops. */
    void run() throws IOException {
        RunFolder folder = server.folder();
        OutputStream out = response.begin(200, TYPE, -1);
        event(out, "snapshot", server.data(folder).toString());
        long quiet = System.currentTimeMillis();
        while (server.running()) {
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            List<ObjectNode> rows = folder.poll();
            if (!rows.isEmpty()) {
                event(out, "rows", JsonNodeFactory.instance.arrayNode().addAll(rows).toString());
                quiet = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - quiet > KEEP_ALIVE_MS) {
                out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                quiet = System.currentTimeMillis();
            }
        }
    }

    private static void event(OutputStream out, String name, String json) throws IOException {
        // JSON from Jackson holds no raw line breaks, so the payload is one data: line
        out.write(("event: " + name + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
