package org.alignscope.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a CSV file row by row. Numbers: doubles in Java's shortest round-trip form, ±∞ as {@code inf} /
 * {@code -inf}, NaN (undefined) as an empty field; text fields are quoted when they hold a comma, quote or
 * line break.
 *
 * <p>A <em>live</em> file ({@code flushEachRow}) is appended to row by row, each row whole or not at all
 * ({@link AppendFile}), so a reader follows it while it grows and a killed run keeps every row up to its last one.
 * Otherwise the file is written beside its place and renamed there by {@link #close} ({@link AtomicFile}): a reader
 * sees the previous file or the complete new one, and a write that failed publishes nothing.
 */
public final class CsvWriter implements AutoCloseable {
    private final AppendFile live;
    private final AtomicFile whole;
    private final Writer buffered;
    private final Path file;
    private final int columns;
    private boolean failed;

    public CsvWriter(Path file, boolean flushEachRow, String... header) {
        this.file = file;
        this.columns = header.length;
        if (flushEachRow) {
            this.live = AppendFile.create(file);
            this.whole = null;
            this.buffered = null;
        } else {
            this.live = null;
            this.whole = AtomicFile.open(file);
            this.buffered = new BufferedWriter(new OutputStreamWriter(whole.stream(), StandardCharsets.UTF_8), 1 << 16);
        }
        row((Object[]) header);
    }

    /** Writes one row; its length must match the header's. */
    public void row(Object... fields) {
        if (fields.length != columns) {
            throw new IllegalArgumentException("CSV row has " + fields.length + " fields, header has " + columns);
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(format(fields[i]));
        }
        line.append('\n');
        if (live != null) {
            live.append(line.toString());
            return;
        }
        try {
            buffered.write(line.toString());
        } catch (IOException e) {
            failed = true;
            throw IoFailure.of("write", file, e);
        }
    }

    /** The text of one field. */
    public static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d)) {
                return "";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? "inf" : "-inf";
            }
            return Double.toString(d);
        }
        String s = v.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** Ends a live file; publishes a whole file unless one of its writes failed. */
    @Override
    public void close() {
        if (live != null) {
            live.close();
            return;
        }
        try (AtomicFile f = whole) {
            if (!failed) {
                buffered.flush();
                f.commit();
            }
        } catch (IOException e) {
            throw IoFailure.of("write", file, e);
        }
    }
}
