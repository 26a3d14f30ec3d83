package org.alignscope.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alignscope.report.CsvWriter;

/**
 * One arm's {@code metrics.csv} and {@code metrics.jsonl}, written row by row and flushed after every row. A
 * row is a map from column to value; CSV fields use {@link CsvWriter#format} (undefined = empty, ±∞ =
 * {@code inf}); a JSON line holds the row's defined values plus the array fields ({@code eigenvalues},
 * {@code residuals}, {@code principal_angles}), with ±∞ as the strings {@code "inf"}/{@code "-inf"}. The byte
 * lengths of both files are tracked so that a checkpoint can record them and a resume can cut the files back.
 */
public final class MetricsWriter implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> columns;
    private final OutputStream csv;
    private final OutputStream jsonl;
    private long csvBytes;
    private long jsonlBytes;

    /** Creates the two files (replacing old ones) and writes the CSV header. */
    public static MetricsWriter create(Path folder, List<String> columns) {
        return create(folder, "metrics", columns);
    }

    /** As {@link #create(Path, List)} for {@code STEM.csv} and {@code STEM.jsonl} (e.g. {@code monitor}). */
    public static MetricsWriter create(Path folder, String stem, List<String> columns) {
        try {
            Files.createDirectories(folder);
            Files.deleteIfExists(folder.resolve(stem + ".csv"));
            Files.deleteIfExists(folder.resolve(stem + ".jsonl"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write in " + folder + ": " + e.getMessage(), e);
        }
        MetricsWriter w = new MetricsWriter(folder, stem, columns, 0, 0);
        w.write(w.csv, String.join(",", columns) + "\n", true);
        return w;
    }

    /** Opens existing files, cut back to the given lengths (a resume), for appending. */
    public static MetricsWriter resume(Path folder, List<String> columns, long csvBytes, long jsonlBytes) {
        return resume(folder, "metrics", columns, csvBytes, jsonlBytes);
    }

    /** As {@link #resume(Path, List, long, long)} for {@code STEM.csv} and {@code STEM.jsonl}. */
    public static MetricsWriter resume(Path folder, String stem, List<String> columns, long csvBytes,
                                       long jsonlBytes) {
        for (Object[] f : new Object[][] {{stem + ".csv", csvBytes}, {stem + ".jsonl", jsonlBytes}}) {
            Path p = folder.resolve((String) f[0]);
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
                if (ch.size() < (Long) f[1]) {
                    throw new IllegalArgumentException("--resume: " + p + " is shorter (" + ch.size()
                            + " bytes) than the checkpoint recorded (" + f[1] + ")");
                }
                ch.truncate((Long) f[1]);
            } catch (IOException e) {
                throw new IllegalArgumentException("--resume: cannot open " + p + ": " + e.getMessage());
            }
        }
        return new MetricsWriter(folder, stem, columns, csvBytes, jsonlBytes);
    }

    private MetricsWriter(Path folder, String stem, List<String> columns, long csvBytes, long jsonlBytes) {
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
        try {
            this.csv = Files.newOutputStream(folder.resolve(stem + ".csv"), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            this.jsonl = Files.newOutputStream(folder.resolve(stem + ".jsonl"), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write in " + folder + ": " + e.getMessage(), e);
        }
        this.csvBytes = csvBytes;
        this.jsonlBytes = jsonlBytes;
    }

    public long csvBytes() {
        return csvBytes;
    }

    public long jsonlBytes() {
        return jsonlBytes;
    }

    /** Writes one row to both files and flushes them. */
    public void row(Map<String, Object> values, Map<String, double[]> arrays) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(CsvWriter.format(values.get(columns.get(i))));
        }
        sb.append('\n');
        write(csv, sb.toString(), true);
        Map<String, Object> j = new LinkedHashMap<>();
        for (String c : columns) {
            Object v = json(values.get(c));
            if (v != null) {
                j.put(c, v);
            }
        }
        for (Map.Entry<String, double[]> e : arrays.entrySet()) {
            List<Object> list = new ArrayList<>();
            for (double d : e.getValue()) {
                list.add(json(d));
            }
            j.put(e.getKey(), list);
        }
        try {
            write(jsonl, JSON.writeValueAsString(j) + "\n", false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object json(Object v) {
        if (v instanceof Double) {
            double d = (Double) v;
            if (Double.isNaN(d)) {
                return null;
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? "inf" : "-inf";
            }
        }
        return v;
    }

    private void write(OutputStream s, String text, boolean isCsv) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        try {
            s.write(b);
            s.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (isCsv) {
            csvBytes += b.length;
        } else {
            jsonlBytes += b.length;
        }
    }

    @Override
    public void close() {
        try {
            csv.close();
            jsonl.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
