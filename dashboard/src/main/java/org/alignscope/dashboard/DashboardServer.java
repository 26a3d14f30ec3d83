package org.alignscope.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.alignscope.report.html.ReportPage;
import org.alignscope.report.html.RunFolder;

/**
 * The live dashboard: serves one run folder read-only over HTTP with the JDK's {@code com.sun.net.httpserver}.
 * <ul>
 *   <li>{@code GET /}: the report page in live mode ({@link ReportPage#livePage});</li>
 *   <li>{@code GET /api/data}: the folder's data now, as embedded in {@code report.html};</li>
 *   <li>{@code GET /api/events}: server-sent events — a {@code snapshot} (the same data), then {@code rows}
 *       whenever files grow or appear ({@link EventStream});</li>
 *   <li>{@code GET /<path>}: a file inside the folder (figures, CSV, manifest). Paths that leave the folder,
 *       also through a symbolic link, get 404.</li>
 * </ul>
 * Every other method gets 405. It binds to the loopback address unless another is given, and there answers only
 * requests addressed to this machine ({@link #hostAllowed}).
 */
public final class DashboardServer implements AutoCloseable {
    /** The default address: this machine only. */
    public static final String LOOPBACK = "127.0.0.1";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "json", "application/json; charset=utf-8", "png", "image/png", "csv", "text/csv; charset=utf-8",
            "jsonl", "text/plain; charset=utf-8", "txt", "text/plain; charset=utf-8", "md", "text/plain; charset=utf-8",
            "yaml", "text/plain; charset=utf-8");

    private final HttpServer server;
    private final ExecutorService pool;
    private final Path root;
    private final Path realRoot;
    private final String label;
    private volatile boolean running = true;

    private DashboardServer(Path dir, InetSocketAddress bind) throws IOException {
        this.root = dir.toAbsolutePath().normalize();
        this.realRoot = root.toRealPath();
        this.label = root.getFileName() == null ? root.toString() : root.getFileName().toString();
        this.server = HttpServer.create(bind, 0);
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "alignscope-dashboard");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Serves {@code dir} on {@code address} ({@link #LOOPBACK} when null) and {@code port} (0: a free port).
     *
     * @throws IllegalArgumentException for a port outside [0, 65535], an unknown address, or one that cannot be bound
     */
    public static DashboardServer start(Path dir, String address, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port: must be in [0, 65535] (got " + port + ")");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("DIR: " + dir + " is not a directory");
        }
        InetAddress a;
        try {
            a = InetAddress.getByName(address == null ? LOOPBACK : address);
        } catch (IOException e) {
            throw new IllegalArgumentException("--address: unknown host " + address);
        }
        try {
            return new DashboardServer(dir, new InetSocketAddress(a, port));
        } catch (java.net.BindException e) {
            throw new IllegalArgumentException("--port: cannot listen on " + a.getHostAddress() + ":" + port + " ("
                    + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's address, e.g. {@code http://127.0.0.1:41234/}. */
    public URI url() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort() + "/");
    }

    /** The bound address. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        running = false;
        server.stop(0);
        pool.shutdownNow();
    }

    boolean running() {
        return running;
    }

    /** The page data of the folder now; figure links are relative to the server's root, the folder. */
    ObjectNode data(RunFolder folder) {
        ObjectNode snap = folder.snapshot(ReportPage.COLUMNS);
        snap.put("base", "");
        ArrayNode sources = JsonNodeFactory.instance.arrayNode().add(snap);
        return ReportPage.data(label, true, sources);
    }

    RunFolder folder() {
        return new RunFolder(root, label);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                send(ex, 405, "text/plain; charset=utf-8", "read-only: only GET and HEAD\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!hostAllowed(ex.getRequestHeaders().getFirst("Host"))) {
                send(ex, 403, "text/plain; charset=utf-8", "unexpected Host header\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = ex.getRequestURI().getPath();
            if (path == null) {
                path = "/";
            }
            switch (path) {
                case "/", "/index.html" -> send(ex, 200, TYPES.get("html"),
                        ReportPage.livePage(label).getBytes(StandardCharsets.UTF_8));
                case "/api/data" -> send(ex, 200, TYPES.get("json"),
                        data(folder()).toString().getBytes(StandardCharsets.UTF_8));
                case "/api/events" -> new EventStream(this, ex).run();
                default -> file(ex, path);
            }
        } catch (IOException | UncheckedIOException e) {
            // the client went away, or a file vanished mid-read: nothing to tell anyone
        }
    }

    private void file(HttpExchange ex, String path) throws IOException {
        Path f = resolve(path);
        if (f == null) {
            send(ex, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String name = f.getFileName().toString();
        String ext = name.lastIndexOf('.') >= 0 ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        send(ex, 200, TYPES.getOrDefault(ext, "application/octet-stream"), Files.readAllBytes(f));
    }

    /**
     * On the loopback address only requests naming this machine ({@code 127.0.0.1}, {@code localhost},
     * {@code [::1]}) are answered, so that a web page elsewhere cannot read the run through DNS rebinding.
     * Bound to another address (the user's explicit choice) any Host is answered.
     */
    boolean hostAllowed(String host) {
        if (!server.getAddress().getAddress().isLoopbackAddress()) {
            return true;
        }
        if (host == null) {
            return false;
        }
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                : host.lastIndexOf(':') >= 0 ? host.substring(0, host.lastIndexOf(':')) : host;
        return name.equals("127.0.0.1") || name.equalsIgnoreCase("localhost") || name.equals("[::1]");
    }

    /** The regular file {@code path} names inside the folder, or null (outside it, missing, not a file). */
    Path resolve(String path) {
        if (path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
            return null;
        }
        String rel = path.startsWith("/") ? path.substring(1) : path;
        for (String part : rel.split("/")) {
            if (part.equals("..")) {
                return null;
            }
        }
        Path f = root.resolve(rel).normalize();
        if (!f.startsWith(root) || !Files.isRegularFile(f)) {
            return null;
        }
        try {
            Path real = f.toRealPath();
            return real.startsWith(realRoot) ? real : null;
        } catch (IOException e) {
            return null;
        }
    }

    static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : (body.length == 0 ? -1 : body.length));
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
