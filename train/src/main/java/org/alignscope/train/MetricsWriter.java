package org.alignscope.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alignscope.io.AppendFile;
import org.alignscope.io.CsvWriter;

/**
 * One arm's {@code metrics.csv} and {@code metrics.jsonl}, written row by row and flushed after every row. A
 * row is a map from column to value; CSV fields use {@link CsvWriter#format} (undefined = empty, ±∞ =
 * {@code inf}); a JSON line holds the row's defined values plus the array fields ({@code eigenvalues},
 * {@code residuals}, {@code principal_angles}), with ±∞ as the strings {@code "inf"}/{@code "-inf"}. Each row
 * reaches a file whole or not at all ({@link AppendFile}); the byte lengths of both files are tracked so that a
 * checkpoint can record them and a resume can cut the files back.
 */
public final class MetricsWriter implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> columns;
    private final AppendFile csv;
    private final AppendFile jsonl;

    /** Creates the two files (replacing old ones) and writes the CSV header. */
    public static MetricsWriter create(Path folder, List<String> columns) {
        return create(folder, "metrics", columns);
    }

    /** As {@link #create(Path, List)} for {@code STEM.csv} and {@code STEM.jsonl} (e.g. {@code monitor}). */
    public static MetricsWriter create(Path folder, String stem, List<String> columns) {
        MetricsWriter w = new MetricsWriter(columns, AppendFile.create(folder.resolve(stem + ".csv")),
                AppendFile.create(folder.resolve(stem + ".jsonl")));
        w.csv.append(String.join(",", columns) + "\n");
        return w;
    }

    /** Opens existing files, cut back to the given lengths (a resume), for appending. */
    public static MetricsWriter resume(Path folder, List<String> columns, long csvBytes, long jsonlBytes) {
        return resume(folder, "metrics", columns, csvBytes, jsonlBytes);
    }

    /** As {@link #resume(Path, List, long, long)} for {@code STEM.csv} and {@code STEM.jsonl}. */
    public static MetricsWriter resume(Path folder, String stem, List<String> columns, long csvBytes,
                                       long jsonlBytes) {
        AppendFile csv = AppendFile.resume(folder.resolve(stem + ".csv"), csvBytes);
        try {
            return new MetricsWriter(columns, csv, AppendFile.resume(folder.resolve(stem + ".jsonl"), jsonlBytes));
        } catch (RuntimeException e) {
            csv.close();
            throw e;
        }
    }

    private MetricsWriter(List<String> columns, AppendFile csv, AppendFile jsonl) {
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
        this.csv = csv;
        this.jsonl = jsonl;
    }

    public long csvBytes() {
        return csv.length();
    }

    public long jsonlBytes() {
        return jsonl.length();
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
        csv.append(sb.toString());
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
            jsonl.append(JSON.writeValueAsString(j) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a metrics row is not JSON: " + e.getMessage(), e);
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

    @Override
    public void close() {
        try (AppendFile c = csv; AppendFile j = jsonl) {
            // both closed, the second even when the first fails
        }
    }
}
