package org.alignscope.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** A CSV file written by {@code io.CsvWriter} without quoted fields, read back as columns by name. */
record Table(List<String> header, List<String[]> rows) {

    static Table read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException(file + " is empty");
        }
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        return new Table(header, lines.subList(1, lines.size()).stream().filter(l -> !l.isEmpty())
                .map(l -> l.split(",", -1)).toList());
    }

    int column(String name) {
        int c = header.indexOf(name);
        if (c < 0) {
            throw new IllegalStateException("no column " + name + " in " + header);
        }
        return c;
    }

    /** The field of a row, "" where the row is shorter. */
    String get(String[] row, int column) {
        return column < row.length ? row[column] : "";
    }

    /** The last non-empty value of a column as a number ({@code inf} read as infinity); NaN if there is none. */
    double last(String name) {
        int c = column(name);
        for (int i = rows.size() - 1; i >= 0; i--) {
            String v = get(rows.get(i), c);
            if (!v.isEmpty()) {
                return number(v);
            }
        }
        return Double.NaN;
    }

    static double number(String v) {
        return switch (v) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "" -> Double.NaN;
            default -> Double.parseDouble(v);
        };
    }
}
