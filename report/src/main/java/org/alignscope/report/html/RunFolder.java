package org.alignscope.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alignscope.report.RunStatus;

/**
 * What a run folder holds for the page, whatever command wrote it: its {@code manifest.json}; its series
 * files — {@code metrics.csv}, {@code monitor.csv}, {@code trajectory.csv} (over {@code step}),
 * {@code eigen.csv}, {@code eigen_negative.csv} (over {@code index}), {@code density.csv} (over
 * {@code eigenvalue}) — wherever they lie (a train run's {@code <arm>/seed_<s>/}, a sweep's
 * {@code m_<m>/seed_<s>/}); its other small CSV files as tables (summary, verify, cross-check); its PNG
 * figures; the claims of a {@code quad verify} folder ({@code claims.json}). The folder under a series file names the run it belongs to ({@code plain/seed_1}).
 *
 * <p>{@link #snapshot} reads everything once; {@link #poll} afterwards returns only what was appended since,
 * including files that appeared (a new arm), so that a live page can follow a run while it writes.
 */
public final class RunFolder {
    /** File name → the column its rows are drawn over. */
    static final Map<String, String> SERIES = Map.of("metrics.csv", "step", "monitor.csv", "step",
            "trajectory.csv", "step", "eigen.csv", "index", "eigen_negative.csv", "index", "density.csv", "eigenvalue");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** How deep series files are searched: {@code <arm>/seed_<s>/metrics.csv} is depth 3. */
    private static final int DEPTH = 4;
    /**
     * The most entries {@link #check} looks at for a series file in a folder without a manifest: far more than a
     * run folder holds above its series files, few enough that a home directory or /tmp is refused at once
     * instead of being walked.
     */
    public static final int CHECK_ENTRIES = 10_000;
    /** Small tables are shown up to this many rows. */
    private static final int TABLE_ROWS = 300;
    /** Larger "small" CSV files are not tables (e.g. density_nodes.csv). */
    private static final long TABLE_BYTES = 256 * 1024;
    /** Folders that hold state, not results. */
    private static final List<String> SKIP = List.of("checkpoint", "model");
    /** The checked claims {@code quad verify} writes beside its {@code report.md}. */
    static final String CLAIMS = "claims.json";

    private final Path root;
    private final String label;
    private final Map<Path, CsvTail> tails = new LinkedHashMap<>();

    /** {@code label} names the folder on the page (and prefixes its runs when folders are compared). */
    public RunFolder(Path root, String label) {
        this.root = root;
        this.label = label;
    }

    public Path root() {
        return root;
    }

    /**
     * Checks that {@code dir} is a run folder: a directory with a {@code manifest.json} at its top or a series file
     * at most four levels down, outside any run folder it holds (a folder of runs is not a run: its page would be
     * all of them). The search goes level by level, stops at the first series file and gives up after ten thousand
     * entries, so a folder that is not a run (a home directory, /tmp) is refused quickly.
     *
     * @throws IllegalArgumentException naming {@code option} and what was expected
     */
    public static void check(String option, Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + ": " + dir + " is not a directory (expected a run folder)");
        }
        if (Files.isRegularFile(dir.resolve("manifest.json"))) {
            return;
        }
        Search search = new Search();
        if (!search.findsSeriesFile(dir)) {
            throw new IllegalArgumentException(option + ": " + dir + " is not a run folder (no manifest.json, and none"
                    + " of " + String.join(", ", SERIES.keySet().stream().sorted().toList()) + " within " + DEPTH
                    + " levels" + (search.nestedRun == null ? "" : " outside the runs it holds, e.g. "
                    + search.nestedRun) + (search.seen > CHECK_ENTRIES ? "; searched " + CHECK_ENTRIES
                    + " entries" : "") + ")");
        }
    }

    /**
     * A breadth-first search for a series file within {@link #DEPTH} levels that looks at {@link #CHECK_ENTRIES}
     * entries at most; it does not enter checkpoint and model folders, nor folders with a {@code manifest.json}
     * (runs of their own). Unreadable folders are passed over.
     */
    private static final class Search {
        private int seen;
        private Path nestedRun;

        boolean findsSeriesFile(Path dir) {
            List<Path> level = List.of(dir);
            for (int depth = 1; depth <= DEPTH && !level.isEmpty(); depth++) {
                List<Path> next = new ArrayList<>();
                for (Path d : level) {
                    try (DirectoryStream<Path> entries = Files.newDirectoryStream(d)) {
                        for (Path e : entries) {
                            if (++seen > CHECK_ENTRIES) {
                                return false;
                            }
                            String name = e.getFileName().toString();
                            if (SERIES.containsKey(name) && Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS)) {
                                return true;
                            }
                            if (SKIP.contains(name) || !Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) {
                                continue;
                            }
                            if (Files.isRegularFile(e.resolve("manifest.json"))) {
                                nestedRun = nestedRun == null ? e : nestedRun;
                            } else {
                                next.add(e);
                            }
                        }
                    } catch (IOException | UncheckedIOException e) {
                        // a folder that cannot be read (or vanished) holds no series file that could be shown
                    }
                }
                level = next;
            }
            return false;
        }
    }

    /**
     * {@code {"label", "manifest", "figures": [path...], "tables": [{"file", "columns", "rows", "total"}],
     * "series": [table...]}} and, where the folder has a {@code claims.json}, {@code "claims"} (its contents),
     * where each series table is {@link SeriesTable#toJson} plus {@code id} (label and path), {@code run} and
     * {@code kind} (file name without {@code .csv}); series are cut to 2·columns points.
     */
    public ObjectNode snapshot(int columns) {
        ObjectNode o = NODES.objectNode();
        o.put("label", label);
        o.put("status", RunStatus.of(root));
        o.set("manifest", manifest());
        if (Files.isRegularFile(root.resolve(CLAIMS))) {
            o.set("claims", claims());
        }
        ArrayNode figures = o.putArray("figures");
        ArrayNode tables = o.putArray("tables");
        for (Path p : files(root, 2)) {
            String name = p.getFileName().toString();
            String rel = relative(p);
            if (name.endsWith(".png")) {
                figures.add(rel);
            } else if (name.endsWith(".csv") && !SERIES.containsKey(name) && size(p) <= TABLE_BYTES) {
                tables.add(table(p, rel));
            }
        }
        tails.clear();
        ArrayNode series = o.putArray("series");
        for (ObjectNode s : read(columns, true)) {
            series.add(s);
        }
        return o;
    }

    /** The rows appended since the last snapshot or poll, one node per file that changed (or appeared). */
    public List<ObjectNode> poll() {
        return read(0, false);
    }

    private List<ObjectNode> read(int columns, boolean all) {
        List<ObjectNode> out = new ArrayList<>();
        for (Path f : seriesFiles(root)) {
            boolean added = !tails.containsKey(f);
            CsvTail tail = tails.computeIfAbsent(f, CsvTail::new);
            CsvTail.Chunk c;
            try {
                c = tail.poll();
            } catch (UncheckedIOException e) {
                tails.remove(f);  // removed while being read; it is picked up again if it comes back
                continue;
            }
            if (tail.header() == null || (!all && !added && !c.reset() && c.rows().isEmpty())) {
                if (tail.header() == null) {
                    tails.remove(f);
                }
                continue;
            }
            String name = f.getFileName().toString();
            SeriesTable t = new SeriesTable(SERIES.get(name), tail.header(), c.rows());
            ObjectNode node = t.toJson(columns);
            node.put("id", label + "/" + relative(f));
            String parent = relative(f.getParent());
            String run = parent.isEmpty() ? label : label + "/" + parent;
            node.put("run", run);
            node.put("kind", name.substring(0, name.length() - 4));
            node.put("reset", c.reset());
            out.add(node);
        }
        return out;
    }

    private JsonNode manifest() {
        Path m = root.resolve("manifest.json");
        if (!Files.isRegularFile(m)) {
            return NODES.nullNode();
        }
        try {
            return JSON.readTree(m.toFile());
        } catch (IOException e) {
            // a manifest being rewritten at this moment: the page shows none rather than failing
            return NODES.textNode("manifest.json unreadable: " + e.getMessage());
        }
    }

    private JsonNode claims() {
        try {
            return JSON.readTree(root.resolve(CLAIMS).toFile());
        } catch (IOException e) {
            // like an unreadable manifest: the page says so instead of failing
            return NODES.textNode(CLAIMS + " unreadable: " + e.getMessage());
        }
    }

    private static ObjectNode table(Path p, String rel) {
        CsvTail t = new CsvTail(p);
        List<String[]> rows = t.poll().rows();
        ObjectNode o = NODES.objectNode();
        o.put("file", rel);
        ArrayNode cols = o.putArray("columns");
        if (t.header() != null) {
            for (String h : t.header()) {
                cols.add(h);
            }
        }
        ArrayNode rs = o.putArray("rows");
        for (String[] r : rows.subList(0, Math.min(rows.size(), TABLE_ROWS))) {
            ArrayNode a = rs.addArray();
            for (String f : r) {
                a.add(f);
            }
        }
        o.put("total", rows.size());
        return o;
    }

    private static List<Path> seriesFiles(Path dir) {
        return files(dir, DEPTH).stream().filter(p -> SERIES.containsKey(p.getFileName().toString())).toList();
    }

    /**
     * Regular files up to {@code depth} levels down, outside checkpoint and model folders, sorted by path. A file
     * or folder that vanishes while it is listed (a checkpoint being replaced) is passed over.
     */
    private static List<Path> files(Path dir, int depth) {
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(dir, EnumSet.noneOf(FileVisitOption.class), depth,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                            return !d.equals(dir) && SKIP.contains(d.getFileName().toString())
                                    ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                            if (a.isRegularFile()) {
                                out.add(f);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path f, IOException e) {
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }

    private String relative(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
