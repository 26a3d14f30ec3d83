package org.alignscope.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.alignscope.report.html.ReportPage;
import org.alignscope.report.html.RunFolder;

/**
 * The live dashboard: serves one run folder read-only over HTTP/1.1.
 * <ul>
 *   <li>{@code GET /}: the report page in live mode ({@link ReportPage#livePage});</li>
 *   <li>{@code GET /api/data}: the folder's data now, as embedded in {@code report.html};</li>
 *   <li>{@code GET /api/events}: server-sent events — a {@code snapshot} (the same data), then {@code rows}
 *       whenever files grow or appear ({@link EventStream});</li>
 *   <li>{@code GET /<path>}: a file inside the folder (figures, CSV, manifest), streamed in
 *       {@link #CHUNK}-byte pieces whatever its size. Paths that leave the folder, also through a symbolic link,
 *       get 404.</li>
 * </ul>
 * Every other method gets 405, and a request whose Host is not on the {@link HostAllowList} gets 403.
 * <p>
 * Its resources are bounded whatever the clients do ({@link Limits}): one {@link Listener} thread accepts
 * connections and gathers request heads without blocking, with a deadline; a fixed pool of workers answers
 * complete requests, each holding an {@link Admission} slot, with event streams counted apart; a {@link WriteWatch}
 * drops clients that stop reading; every connection carries one request. What does not fit gets a quick 503.
 */
public final class DashboardServer implements AutoCloseable {
    /** The default address: this machine only. */
    public static final String LOOPBACK = "127.0.0.1";
    /** The piece a file is streamed in: memory per download stays this, not the file's size. */
    static final int CHUNK = 64 * 1024;
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "json", "application/json; charset=utf-8", "png", "image/png", "csv", "text/csv; charset=utf-8",
            "jsonl", "text/plain; charset=utf-8", "txt", "text/plain; charset=utf-8", "md", "text/plain; charset=utf-8",
            "yaml", "text/plain; charset=utf-8");

    private final Path root;
    private final Path realRoot;
    private final String label;
    private final Limits limits;
    private final HostAllowList hosts;
    private final Admission admission;
    private final WriteWatch writes;
    private final ThreadPoolExecutor workers;
    private final Listener listener;
    private final InetSocketAddress address;
    private final Thread listenerThread;
    private volatile boolean running = true;

    private DashboardServer(Path dir, Binding binding, Limits limits) throws IOException {
        this.root = dir.toAbsolutePath().normalize();
        this.realRoot = root.toRealPath();
        this.label = root.getFileName() == null ? root.toString() : root.getFileName().toString();
        this.limits = limits;
        this.admission = new Admission(limits);
        this.writes = new WriteWatch(limits.writeStall());
        this.listener = new Listener(binding.socket(), limits, this::admit, writes::sweep);
        // the address asked for: a wildcard 0.0.0.0 may report itself as :: once bound
        this.address = new InetSocketAddress(binding.socket().getAddress(), listener.port());
        this.hosts = HostAllowList.of(address.getAddress(), binding.extraHosts());
        String threads = threadPrefix(address.getPort());
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(limits.workers(), limits.workers(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> daemon(r, threads + n.incrementAndGet()));
        workers.allowCoreThreadTimeOut(true);
        this.listenerThread = daemon(listener, threads + "listener");
        listenerThread.start();
    }

    /** The start of the names of a server's threads: its listener and its workers. */
    static String threadPrefix(int port) {
        return "alignscope-dashboard-" + port + "-";
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Serves {@code dir} on {@code address} ({@link #LOOPBACK} when null) and {@code port} (0: a free port).
     *
     * @throws IllegalArgumentException for a port outside [0, 65535], an unknown address, or one that cannot be bound
     */
    public static DashboardServer start(Path dir, String address, int port) {
        return start(dir, Binding.of(address, port, List.of()));
    }

    /**
     * Serves {@code dir} as {@code binding} says.
     *
     * @throws IllegalArgumentException when {@code dir} is not a directory, or the port cannot be bound (the message
     *     starts {@code cannot listen on}; the caller names the setting that gave the port)
     */
    public static DashboardServer start(Path dir, Binding binding) {
        return start(dir, binding, Limits.DEFAULT);
    }

    static DashboardServer start(Path dir, Binding binding, Limits limits) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("DIR: " + dir + " is not a directory");
        }
        try {
            return new DashboardServer(dir, binding, limits);
        } catch (BindException e) {
            InetSocketAddress a = binding.socket();
            throw new IllegalArgumentException("cannot listen on "
                    + a.getAddress().getHostAddress() + ":" + a.getPort() + " (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's address, e.g. {@code http://127.0.0.1:41234/}. */
    public URI url() {
        InetSocketAddress a = address();
        String host = a.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort() + "/");
    }

    /** The bound address. */
    public InetSocketAddress address() {
        return address;
    }

    /**
     * For a server that other machines can reach (not bound to a loopback address), one line saying so: the run
     * folder is readable by anyone on the network who names an allowed host.
     */
    public Optional<String> networkWarning() {
        if (address().getAddress().isLoopbackAddress()) {
            return Optional.empty();
        }
        return Optional.of("the dashboard at " + url() + " lets anyone on the network read " + root
                + " (it answers the Host names " + String.join(", ", hosts.names()) + ")");
    }

    @Override
    public void close() {
        running = false;
        listener.close();
        workers.shutdownNow();
        writes.closeAll();
        try {
            listenerThread.join(TimeUnit.SECONDS.toMillis(2));
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    /** Takes a complete request from the listener: to a worker when a slot is free, else a quick 503. */
    private void admit(SocketChannel channel, RequestHead request) {
        Admission.Slot slot = admission.enter();
        if (slot == null) {
            Response.refuse(channel, 503);
            return;
        }
        try {
            workers.execute(() -> serve(channel, request, slot));
        } catch (RejectedExecutionException e) {
            slot.close();
            Response.refuse(channel, 503);  // the server is stopping
        }
    }

    /** A worker's whole part in one connection: answer, close. */
    private void serve(SocketChannel channel, RequestHead request, Admission.Slot slot) {
        try (slot; OutputStream out = writes.watch(channel)) {
            channel.configureBlocking(true);
            answer(request, new Response(out, request.isHead()), slot);
        } catch (IOException | UncheckedIOException e) {
            // the client went away, stopped reading, or a file vanished mid-read: nothing to tell anyone
        }
    }

    private void answer(RequestHead request, Response res, Admission.Slot slot) throws IOException {
        String method = request.method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            res.text(405, "read-only: only GET and HEAD", "Allow: GET, HEAD");
            return;
        }
        List<String> host = request.values("Host");
        if (host.size() != 1 || !hosts.allows(host.get(0))) {
            res.text(403, "unexpected Host header");
            return;
        }
        URI target;
        try {
            target = new URI(request.target());
        } catch (URISyntaxException e) {
            res.text(400, "bad request target");
            return;
        }
        if (target.getRawAuthority() != null && !hosts.allows(target.getRawAuthority())) {
            res.text(403, "unexpected host in the request target");
            return;
        }
        String path = target.getPath();
        if (path == null || !path.startsWith("/")) {
            res.text(400, "bad request target");
            return;
        }
        switch (path) {
            case "/", "/index.html" -> res.send(200, TYPES.get("html"),
                    ReportPage.livePage(label).getBytes(StandardCharsets.UTF_8));
            case "/api/data" -> res.send(200, TYPES.get("json"),
                    data(folder()).toString().getBytes(StandardCharsets.UTF_8));
            case "/api/events" -> events(res, slot);
            default -> file(res, path);
        }
    }

    /** An event stream, on a stream slot of its own so that open streams never crowd out ordinary requests. */
    private void events(Response res, Admission.Slot slot) throws IOException {
        if (res.headOnly()) {
            res.begin(200, EventStream.TYPE, -1).flush();
        } else if (slot.becomeStream()) {
            new EventStream(this, res).run();
        } else {
            res.text(503, "too many live streams open; try again shortly", "Retry-After: 5");
        }
    }

    /** Streams a file in {@link #CHUNK}-byte pieces: exactly its length when opened, even if it grows meanwhile. */
    private void file(Response res, String path) throws IOException {
        Path f = resolve(path);
        if (f == null) {
            res.text(404, "not found");
            return;
        }
        String name = f.getFileName().toString();
        String ext = name.lastIndexOf('.') >= 0 ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        try (FileChannel ch = FileChannel.open(f)) {
            long length = ch.size();
            OutputStream out = res.begin(200, TYPES.getOrDefault(ext, "application/octet-stream"), length);
            if (!res.headOnly()) {
                copy(Channels.newInputStream(ch), out, length);
            }
            out.flush();
        }
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buf = new byte[(int) Math.min(CHUNK, Math.max(1, length))];
        for (long left = length; left > 0; ) {
            int k = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (k < 0) {
                throw new IOException("the file shrank while it was sent");  // the connection closes short
            }
            out.write(buf, 0, k);
            left -= k;
        }
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
}
