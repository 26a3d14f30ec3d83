package org.alignscope.cli.hashes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The SHA-256 of every result file of a run folder: its CSV, JSON Lines and {@code .npy} files. manifest.json
 * (timings, host), plots and HTML pages are left out, since they are not the numbers a change must preserve.
 * The text form is {@code sha256sum}'s ({@code <hex>  <relative path>}, one file a line, sorted by path), so
 * {@code sha256sum -c} checks a run folder against a committed list too.
 */
final class OutputHashes {
    private OutputHashes() {
    }

    /** Relative path ('/'-separated) → lower-case hex SHA-256, for every result file under {@code folder}. */
    static SortedMap<String, String> of(Path folder) throws IOException {
        SortedMap<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".csv") || name.endsWith(".jsonl") || name.endsWith(".npy")) {
                    hashes.put(folder.relativize(file).toString().replace('\\', '/'), sha256(file));
                }
            }
        }
        return hashes;
    }

    static String format(SortedMap<String, String> hashes) {
        StringBuilder text = new StringBuilder();
        hashes.forEach((path, hash) -> text.append(hash).append("  ").append(path).append('\n'));
        return text.toString();
    }

    /** The inverse of {@link #format}; a line that is not {@code <64 hex>  <path>} is refused. */
    static SortedMap<String, String> parse(String text) {
        SortedMap<String, String> hashes = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (!line.matches("[0-9a-f]{64}  \\S.*")) {
                throw new IllegalArgumentException("not a sha256sum line: " + line);
            }
            hashes.put(line.substring(66), line.substring(0, 64));
        }
        return hashes;
    }

    /**
     * Every file whose hash differs between the two lists, one line each: {@code changed <path>}, {@code missing
     * <path>} (expected, not produced) or {@code new <path>} (produced, not expected); empty when they agree.
     */
    static List<String> differences(Map<String, String> expected, Map<String, String> actual) {
        SortedMap<String, String> all = new TreeMap<>(expected);
        all.putAll(actual);
        List<String> lines = new ArrayList<>();
        for (String path : all.keySet()) {
            String want = expected.get(path);
            String got = actual.get(path);
            if (want == null) {
                lines.add("new " + path);
            } else if (got == null) {
                lines.add("missing " + path);
            } else if (!want.equals(got)) {
                lines.add("changed " + path);
            }
        }
        return lines;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
