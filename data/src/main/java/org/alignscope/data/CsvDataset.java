package org.alignscope.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reader for users' own data as CSV: a header line naming the columns, comma-separated, one sample per line;
 * the label column is named by the user and every other column must be numeric. Blank lines are skipped; quoting is
 * not supported. Labels that are all non-negative integers are used as class indices (classCount = max + 1);
 * otherwise the distinct label strings, sorted, become classes 0, 1, … (see {@link Result#classNames()}).
 * Features are used as given (no scaling). Errors name the file and line number.
 */
public final class CsvDataset {
    private CsvDataset() {
    }

    /** The dataset and the class names (label strings in class-index order). */
    public record Result(Dataset dataset, List<String> classNames, List<String> featureNames) {
    }

    public static Result read(Path file, String labelColumn) {
        List<String> header;
        List<double[]> rows = new ArrayList<>();
        List<String> rawLabels = new ArrayList<>();
        int labelIndex;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            int lineNo = 1;
            while (line != null && line.isBlank()) {
                line = r.readLine();
                lineNo++;
            }
            if (line == null) {
                throw new DataException(file + ": empty CSV file (a header line is required)");
            }
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            header = split(line);
            labelIndex = header.indexOf(labelColumn);
            if (labelIndex < 0) {
                throw new DataException(file + ":" + lineNo + ": no column named '" + labelColumn + "' in the header "
                        + header);
            }
            if (header.size() < 2) {
                throw new DataException(file + ":" + lineNo + ": the header has no feature column besides the label");
            }
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = split(line);
                if (fields.size() != header.size()) {
                    throw new DataException(file + ":" + lineNo + ": " + fields.size() + " fields, but the header has "
                            + header.size());
                }
                double[] x = new double[header.size() - 1];
                int c = 0;
                for (int j = 0; j < fields.size(); j++) {
                    if (j == labelIndex) {
                        continue;
                    }
                    String v = fields.get(j);
                    try {
                        x[c] = Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        throw new DataException(file + ":" + lineNo + ": column '" + header.get(j) + "' holds '" + v
                                + "', not a number");
                    }
                    if (!Double.isFinite(x[c])) {
                        throw new DataException(file + ":" + lineNo + ": column '" + header.get(j) + "' holds '" + v
                                + "', not a finite number");
                    }
                    c++;
                }
                String label = fields.get(labelIndex);
                if (label.isEmpty()) {
                    throw new DataException(file + ":" + lineNo + ": empty label in column '" + labelColumn + "'");
                }
                rows.add(x);
                rawLabels.add(label);
            }
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file", e);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read (" + e + ")", e);
        }
        if (rows.isEmpty()) {
            throw new DataException(file + ": no data lines after the header");
        }
        int n = rows.size();
        int p = header.size() - 1;
        int[] labels = new int[n];
        List<String> classNames = new ArrayList<>();
        boolean allIntegers = rawLabels.stream().allMatch(s -> s.matches("\\d{1,9}"));
        int classCount;
        if (allIntegers) {
            int max = 0;
            for (int i = 0; i < n; i++) {
                labels[i] = Integer.parseInt(rawLabels.get(i));
                max = Math.max(max, labels[i]);
            }
            classCount = max + 1;
            for (int c = 0; c < classCount; c++) {
                classNames.add(Integer.toString(c));
            }
        } else {
            Map<String, Integer> index = new HashMap<>();
            for (String s : new TreeSet<>(rawLabels)) {
                index.put(s, classNames.size());
                classNames.add(s);
            }
            for (int i = 0; i < n; i++) {
                labels[i] = index.get(rawLabels.get(i));
            }
            classCount = classNames.size();
        }
        double[] f = new double[n * p];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows.get(i), 0, f, i * p, p);
        }
        List<String> featureNames = new ArrayList<>(header);
        featureNames.remove(labelIndex);
        Dataset d = new Dataset(file.getFileName().toString(), f, labels, new int[] {p}, classCount);
        return new Result(d, List.copyOf(classNames), List.copyOf(featureNames));
    }

    private static List<String> split(String line) {
        String[] parts = line.split(",", -1);
        List<String> out = new ArrayList<>(parts.length);
        for (String s : parts) {
            out.add(s.trim());
        }
        return out;
    }
}
