package org.alignscope.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as {@link CsvWriter} writes it, read back whole: the header and the rows as text fields (quoted fields
 * unquoted, doubled quotes undoubled), with numbers read the way the writer writes them ({@code inf}, {@code -inf},
 * an empty field as NaN).
 *
 * @param header the column names
 * @param rows   the rows' fields, each as long as the header or shorter
 */
public record CsvTable(List<String> header, List<List<String>> rows) {

    /** Reads {@code file}; a failed read is an {@link IoFailure}. */
    public static CsvTable read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw IoFailure.of("read", file, e);
        }
        if (lines.isEmpty()) {
            return new CsvTable(List.of(), List.of());
        }
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isEmpty()) {
                rows.add(fields(line));
            }
        }
        return new CsvTable(fields(lines.get(0)), rows);
    }

    /** The index of column {@code name}, −1 where the file has none. */
    public int column(String name) {
        return header.indexOf(name);
    }

    /** The text of row {@code row} in column {@code name}; "" where the column or the field is absent. */
    public String text(int row, String name) {
        int c = column(name);
        List<String> r = rows.get(row);
        return c < 0 || c >= r.size() ? "" : r.get(c);
    }

    /** The number of row {@code row} in column {@code name}; NaN where the field is empty or absent. */
    public double number(int row, String name) {
        return number(text(row, name));
    }

    /** The last non-empty value of column {@code name} as a number; NaN where there is none. */
    public double last(String name) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            String v = text(i, name);
            if (!v.isEmpty()) {
                return number(v);
            }
        }
        return Double.NaN;
    }

    /** A field as a number: {@code inf}, {@code -inf}, and "" as NaN, as {@link CsvWriter} writes them. */
    public static double number(String field) {
        return switch (field) {
            case "" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(field);
        };
    }

    /** The fields of one line (quotes doubled inside quotes). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                b.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return out;
    }
}
