package org.alignscope.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alignscope.io.AtomicFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.alignscope.report.Version;

/**
 * {@code report.html}: one self-contained page that opens from disk with no network. uPlot's JavaScript and
 * CSS (the pinned WebJar {@code org.webjars.npm:uplot}) and our renderers ({@code report.js}, and
 * {@code claims.js} for the claims of a verify folder) are inlined;
 * the run's data is embedded as JSON in a {@code <script type="application/json" id="alignscope-data">} block.
 * The live dashboard serves the same page with {@code "live": true} and no embedded series: the page then
 * takes its data from the server's event stream.
 */
public final class ReportPage {
    /** The page's file name in a run folder. */
    public static final String FILE = "report.html";
    /**
     * Series are cut to two points per column of this many (about a chart's width in pixels); their first steps
     * stay whole ({@link SeriesTable}).
     */
    public static final int COLUMNS = 600;
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReportPage() {
    }

    /** Writes {@code dir/report.html} from the folder's files; returns its path. */
    public static Path write(Path dir) {
        RunFolder.check("DIR", dir);
        String label = dir.toAbsolutePath().normalize().getFileName().toString();
        return save(dir.resolve(FILE), label, List.of(dir), List.of(label));
    }

    /**
     * Writes {@code out/report.html} overlaying the runs of several folders; each run's label starts with its
     * folder's name (the whole path where names repeat).
     */
    public static Path compare(List<Path> dirs, Path out) {
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("DIR: at least one run folder is needed");
        }
        List<String> labels = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean repeated = false;
        for (Path d : dirs) {
            RunFolder.check("DIR", d);
            repeated |= !names.add(d.toAbsolutePath().normalize().getFileName().toString());
        }
        for (Path d : dirs) {
            labels.add(repeated ? d.normalize().toString().replace('\\', '/')
                    : d.toAbsolutePath().normalize().getFileName().toString());
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return save(out.resolve(FILE), "compare: " + String.join(", ", labels), dirs, labels);
    }

    private static Path save(Path file, String title, List<Path> dirs, List<String> labels) {
        ArrayNode sources = NODES.arrayNode();
        Path here = file.toAbsolutePath().getParent();
        for (int i = 0; i < dirs.size(); i++) {
            ObjectNode s = new RunFolder(dirs.get(i), labels.get(i)).snapshot(COLUMNS);
            String base = here.relativize(dirs.get(i).toAbsolutePath().normalize()).toString().replace('\\', '/');
            s.put("base", base.isEmpty() ? "" : base + "/");
            sources.add(s);
        }
        AtomicFile.writeString(file, html(title, data(title, false, sources)));
        return file;
    }

    /** The page data: {@code {"title", "version", "generated", "live", "sources": [RunFolder#snapshot...]}}. */
    public static ObjectNode data(String title, boolean live, ArrayNode sources) {
        ObjectNode d = NODES.objectNode();
        d.put("title", title);
        d.put("version", Version.get());
        d.put("generated", Instant.now().toString());
        d.put("live", live);
        d.set("sources", sources);
        return d;
    }

    /** The live page of the dashboard: no series embedded; the page subscribes to {@code api/events}. */
    public static String livePage(String title) {
        return html(title, data(title, true, NODES.arrayNode()));
    }

    /** The page with {@code data} embedded. */
    public static String html(String title, ObjectNode data) {
        String json;
        try {
            json = JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // "<" never appears raw inside the script block, so no data can close it
        json = json.replace("<", "\\u003c");
        String template = resource("page.html");
        StringBuilder out = new StringBuilder(template.length() + json.length() + 60_000);
        int at = 0;
        while (true) {
            int open = template.indexOf("{{", at);
            if (open < 0) {
                break;
            }
            int close = template.indexOf("}}", open);
            out.append(template, at, open);
            String key = template.substring(open + 2, close);
            switch (key) {
                case "TITLE" -> out.append(escape(title));
                case "UPLOT_CSS" -> out.append(webjar("uPlot.min.css"));
                case "CSS" -> out.append(resource("report.css"));
                case "DATA" -> out.append(json);
                case "UPLOT_JS" -> out.append(webjar("uPlot.iife.min.js"));
                case "CLAIMS_JS" -> out.append(resource("claims.js"));
                case "JS" -> out.append(resource("report.js"));
                default -> throw new IllegalStateException("unknown template key " + key);
            }
            at = close + 2;
        }
        out.append(template, at, template.length());
        return out.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String name) {
        return read(ReportPage.class.getResourceAsStream(name), name);
    }

    private static String webjar(String name) {
        return read(ReportPage.class.getResourceAsStream(UPLOT + name), "uPlot " + name);
    }

    private static String read(InputStream in, String name) {
        if (in == null) {
            throw new IllegalStateException(name + " missing from the build");
        }
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
