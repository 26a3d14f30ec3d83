package org.alignscope.quadlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** A file of numbers separated by white space, commas or semicolons, one row per line that is not a comment. */
final class NumberRows {
    private NumberRows() {
    }

    /**
     * The rows of {@code file}; lines that are empty or start with '#' are skipped.
     *
     * @throws IllegalArgumentException {@code cannot read FILE (REASON)} when the file cannot be read or holds
     *                                  something other than numbers
     */
    static double[][] read(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> Arrays.stream(l.split("[\\s,;]+")).mapToDouble(Double::parseDouble).toArray())
                    .toArray(double[][]::new);
        } catch (IOException | NumberFormatException e) {
            throw new IllegalArgumentException("cannot read " + file + " (" + e.getMessage() + ")");
        }
    }

    /** All the numbers of {@code file}, row after row. */
    static double[] numbers(Path file) {
        return Arrays.stream(read(file)).flatMapToDouble(Arrays::stream).toArray();
    }
}
