package org.alignscope.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a CSV file row by row. Numbers: doubles in Java's shortest round-trip form, ±∞ as {@code inf} /
 * {@code -inf}, NaN (undefined) as an empty field; text fields are quoted when they hold a comma, quote or
 * line break. With {@code flushEachRow} every row reaches the file as it is written, so a killed run keeps
 * everything up to its last row.
 */
public final class CsvWriter implements AutoCloseable {
    private final Writer out;
    private final boolean flushEachRow;
    private final int columns;

    public CsvWriter(Path file, boolean flushEachRow, String... header) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        this.flushEachRow = flushEachRow;
        this.columns = header.length;
        row((Object[]) header);
    }

    /** Writes one row; its length must match the header's. */
    public void row(Object... fields) {
        if (fields.length != columns) {
            throw new IllegalArgumentException("CSV row has " + fields.length + " fields, header has " + columns);
        }
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(format(fields[i]));
            }
            out.write('\n');
            if (flushEachRow) {
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
