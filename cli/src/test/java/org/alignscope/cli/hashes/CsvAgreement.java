package org.alignscope.cli.hashes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Whether two run folders hold the same CSV files with the same numbers up to rounding: every numeric field
 * agrees to {@link #RELATIVE} relative, or to {@link #ABSOLUTE_FLOOR} absolute where both values are that close
 * to 0; every other field (phase, event, an empty cell) is equal as text.
 *
 * <p>Why a floor: a value near 0 in these files (an eigenpair's residual |Hv - λv| of 1e-13, an update's angle
 * update_theta of 1e-29) is the difference of terms of order 0.1 to 10 (losses, norms, Hessian eigenvalues), so
 * its rounding error is that of its terms, about 1e-16 × their size times the number of operations behind them
 * (about 1e-14), not 1e-16 × itself, and no relative bound holds for it. The floor, 1e-13, sits ten times above
 * that noise and applies only below 0.1 (where 1e-12 relative is smaller); larger values keep the full 1e-12
 * relative bound. Measured on the reduced quick preset (OpenBLAS with Haswell kernels against F2jBLAS): every value
 * whose relative difference exceeds 1e-12 (up to 0.38 for update_theta ≈ 2e-29, 0.07 for residual_1 ≈ 1e-13,
 * 1.1e-12 for residual_5 ≈ 1.3e-3) differs by at most 9.1e-15 absolute; every other value by at most 9e-13
 * relative.
 */
final class CsvAgreement {
    static final double RELATIVE = 1e-12;
    static final double ABSOLUTE_FLOOR = 1e-13;

    private CsvAgreement() {
    }

    /**
     * The first disagreement between the CSV files of {@code expected} and {@code actual}, named by file, line,
     * column and both values; empty when every file agrees.
     */
    static Optional<String> firstDifference(Path expected, Path actual) throws IOException {
        SortedSet<String> files = csvFiles(expected);
        SortedSet<String> others = csvFiles(actual);
        if (!files.equals(others)) {
            return Optional.of("the CSV files differ: " + files + " vs " + others);
        }
        for (String file : files) {
            Optional<String> d = firstDifference(file, Files.readAllLines(expected.resolve(file)),
                    Files.readAllLines(actual.resolve(file)));
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    static Optional<String> firstDifference(String file, List<String> expected, List<String> actual) {
        if (expected.isEmpty() || actual.isEmpty() || !expected.get(0).equals(actual.get(0))) {
            return Optional.of(file + ": the headers differ");
        }
        String[] header = expected.get(0).split(",", -1);
        for (int line = 1; line < Math.min(expected.size(), actual.size()); line++) {
            String[] want = expected.get(line).split(",", -1);
            String[] got = actual.get(line).split(",", -1);
            if (want.length != got.length) {
                return Optional.of(file + " line " + (line + 1) + ": " + want.length + " vs " + got.length + " fields");
            }
            for (int col = 0; col < want.length; col++) {
                if (!agree(want[col], got[col])) {
                    return Optional.of(String.format(Locale.ROOT, "%s line %d column %s: %s vs %s", file, line + 1,
                            col < header.length ? header[col] : "#" + (col + 1), want[col], got[col]));
                }
            }
        }
        if (expected.size() != actual.size()) {
            return Optional.of(file + ": " + expected.size() + " vs " + actual.size() + " lines");
        }
        return Optional.empty();
    }

    /** Equal text, or two numbers within the tolerance (two NaNs agree; an infinity only with itself). */
    static boolean agree(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        double x;
        double y;
        try {
            x = Double.parseDouble(a);
            y = Double.parseDouble(b);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) {
            return Double.compare(x, y) == 0;
        }
        return Math.abs(x - y) <= Math.max(RELATIVE * Math.max(Math.abs(x), Math.abs(y)), ABSOLUTE_FLOOR);
    }

    private static SortedSet<String> csvFiles(Path folder) throws IOException {
        SortedSet<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(f -> f.getFileName().toString().endsWith(".csv"))
                    .forEach(f -> names.add(folder.relativize(f).toString().replace('\\', '/')));
        }
        return names;
    }
}
