package org.alignscope.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder of files replaced as a whole (a checkpoint). The new content is written into {@code NAME.tmp}; {@link
 * #commit} adds {@code checksums.sha256} (SHA-256 of every file, in {@code sha256sum}'s format), forces everything to
 * the device, then renames {@code NAME} to {@code NAME.old}, {@code NAME.tmp} to {@code NAME}, and deletes the old one.
 * A process killed at any instant leaves at least one complete copy, and {@link #open} finds it: {@code NAME} if it
 * is complete, else a complete {@code NAME.tmp} (killed between the two renames, the newer copy), else {@code NAME.old}.
 * "Complete" means every file listed in the checksums is there with its checksum; a copy whose checksums do not hold
 * (a torn write, a file edited by hand) is never used.
 */
public final class AtomicFolder {
    /** The checksum list's name inside the folder. */
    public static final String CHECKSUMS = "checksums.sha256";

    private AtomicFolder() {
    }

    /** An empty staging folder {@code NAME.tmp} for the new content. */
    public static Path begin(Path target) {
        Path tmp = sibling(target, ".tmp");
        try {
            OutputFolder.deleteTree(tmp);
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw IoFailure.of("write", tmp, e);
        }
        return tmp;
    }

    /** Publishes the staging folder as {@code target} (see the class comment). */
    public static void commit(Path target) {
        Path tmp = sibling(target, ".tmp");
        Path old = sibling(target, ".old");
        try {
            StringBuilder sums = new StringBuilder();
            for (Path f : files(tmp)) {
                sums.append(sha256(f)).append("  ").append(f.getFileName()).append('\n');
            }
            AtomicFile.write(tmp.resolve(CHECKSUMS), out -> out.write(sums.toString().getBytes(StandardCharsets.UTF_8)));
            OutputFolder.deleteTree(old);
            if (Files.exists(target)) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            OutputFolder.deleteTree(old);
        } catch (IOException e) {
            throw IoFailure.of("write", target, e);
        }
    }

    /**
     * The complete copy of {@code target} to read (see the class comment), or null when there is none at all. An
     * incomplete staging folder is no damage: it was never published, and the process died while writing it.
     *
     * @throws IllegalArgumentException when a published copy exists but none is complete, naming the damage
     */
    public static Path open(Path target) {
        Path tmp = sibling(target, ".tmp");
        String damage = null;
        for (Path p : List.of(target, tmp, sibling(target, ".old"))) {
            if (!Files.isDirectory(p)) {
                continue;
            }
            String why = verify(p);
            if (why == null) {
                return p;
            }
            if (damage == null && !p.equals(tmp)) {
                damage = why;
            }
        }
        if (damage != null) {
            throw new IllegalArgumentException("the checkpoint is damaged: " + damage);
        }
        return null;
    }

    /** Deletes the staging folder of a replacement that failed, as far as the disk allows. */
    public static void abort(Path target) {
        try {
            OutputFolder.deleteTree(sibling(target, ".tmp"));
        } catch (IOException ignored) {
            // an unfinished staging folder is never read (see open), so a leftover is harmless
        }
    }

    /** Deletes {@code target} and its staging and previous copies. */
    public static void delete(Path target) {
        for (Path p : List.of(target, sibling(target, ".tmp"), sibling(target, ".old"))) {
            try {
                OutputFolder.deleteTree(p);
            } catch (IOException e) {
                throw IoFailure.of("delete", p, e);
            }
        }
    }

    /** Null when every file listed in the folder's checksums is there and matches, else what is wrong. */
    static String verify(Path dir) {
        Path list = dir.resolve(CHECKSUMS);
        if (!Files.isRegularFile(list)) {
            return dir + " has no " + CHECKSUMS + " (written incompletely)";
        }
        try {
            Map<String, String> expected = new LinkedHashMap<>();
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                int sep = line.indexOf("  ");
                if (sep != 64) {
                    return list + " is not a checksum list";
                }
                expected.put(line.substring(sep + 2), line.substring(0, sep));
            }
            for (Map.Entry<String, String> e : expected.entrySet()) {
                Path f = dir.resolve(e.getKey()).normalize();
                if (!f.getParent().equals(dir.normalize()) || !Files.isRegularFile(f)) {
                    return f + " is missing";
                }
                if (!sha256(f).equals(e.getValue())) {
                    return f + " does not match its checksum (changed or torn)";
                }
            }
            return null;
        } catch (IOException e) {
            return "cannot read " + dir + ": " + IoFailure.reason(e);
        }
    }

    /** The SHA-256 of a file, in lower-case hex. */
    public static String sha256(Path f) throws IOException {
        return sha256(Files.readAllBytes(f));
    }

    /** The SHA-256 of bytes, in lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString();
                return !name.equals(CHECKSUMS) && !name.startsWith(".");
            }).sorted().toList());
        }
    }

    private static Path sibling(Path target, String suffix) {
        return target.resolveSibling(target.getFileName() + suffix);
    }
}
