package org.alignscope.linalg;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the native BLAS library that {@code dev.ludovic.netlib}'s JNI loader would {@code dlopen}, without loading
 * it: the file named by the property {@value #PATH_PROPERTY} when set, else the library {@value #NAME_PROPERTY}
 * (default {@value #DEFAULT_NAME}) in the directories the dynamic linker searches — {@code java.library.path}
 * (which holds {@code LD_LIBRARY_PATH}), the directories listed in {@code /etc/ld.so.conf} and the files it
 * includes, and the standard {@code /lib}, {@code /usr/lib} directories. A dangling link (a Debian alternative
 * whose package was removed) counts as missing.
 *
 * <p>Looking before loading matters because a failed {@code dlopen} is reported by the native loader itself, on
 * standard error, where no Java code can silence it.
 */
public final class NativeBlasLookup {
    /** netlib's property naming the library file by its full path. */
    public static final String PATH_PROPERTY = "dev.ludovic.netlib.blas.nativeLibPath";
    /** netlib's property naming the library for the dynamic linker's search. */
    public static final String NAME_PROPERTY = "dev.ludovic.netlib.blas.nativeLib";
    /** The library netlib loads when neither property is set. */
    public static final String DEFAULT_NAME = "libblas.so.3";

    private static final List<String> STANDARD_DIRS = List.of("/lib", "/usr/lib", "/lib64", "/usr/lib64",
            "/usr/local/lib");

    private final Path ldSoConf;

    /** A lookup that reads the dynamic linker's configuration at {@code ldSoConf} (normally /etc/ld.so.conf). */
    NativeBlasLookup(Path ldSoConf) {
        this.ldSoConf = ldSoConf;
    }

    /** A lookup of this machine's library. */
    public static NativeBlasLookup system() {
        return new NativeBlasLookup(Path.of("/etc/ld.so.conf"));
    }

    /** The library file netlib would load, or empty when there is none (or this is not Linux). */
    public Optional<Path> find() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return Optional.empty();
        }
        String path = System.getProperty(PATH_PROPERTY);
        if (path != null && !path.isBlank()) {
            return existing(path.strip());
        }
        String name = System.getProperty(NAME_PROPERTY, DEFAULT_NAME).strip();
        for (Path dir : searchDirectories()) {
            Optional<Path> found = existing(dir.resolve(name).toString());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** {@code java.library.path}, then ld.so.conf's directories, then the standard ones, each once. */
    List<Path> searchDirectories() {
        Set<String> dirs = new LinkedHashSet<>();
        for (String d : System.getProperty("java.library.path", "").split(java.io.File.pathSeparator)) {
            if (!d.isBlank()) {
                dirs.add(d);
            }
        }
        configuredDirectories(ldSoConf, dirs, 0);
        dirs.addAll(STANDARD_DIRS);
        List<Path> out = new ArrayList<>();
        for (String d : dirs) {
            try {
                out.add(Path.of(d));
            } catch (InvalidPathException e) {
                // a malformed entry cannot hold the library
            }
        }
        return out;
    }

    /** Adds the directories of an ld.so.conf-style file, following its {@code include} globs a few levels deep. */
    private static void configuredDirectories(Path conf, Set<String> dirs, int depth) {
        if (depth > 4 || !Files.isRegularFile(conf)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(conf);
        } catch (IOException | RuntimeException e) {
            return;  // an unreadable configuration adds nothing; the standard directories are still searched
        }
        for (String raw : lines) {
            String line = raw.replaceFirst("#.*", "").strip();
            if (line.startsWith("include ")) {
                for (Path included : glob(conf.getParent(), line.substring("include ".length()).strip())) {
                    configuredDirectories(included, dirs, depth + 1);
                }
            } else if (!line.isEmpty()) {
                dirs.add(line);
            }
        }
    }

    /** The files matching {@code pattern} (a glob in its last element only, as ld.so.conf uses it), sorted. */
    private static List<Path> glob(Path base, String pattern) {
        Path p = base == null ? Path.of(pattern) : base.resolve(pattern);
        Path dir = p.getParent();
        List<Path> out = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, p.getFileName().toString())) {
            s.forEach(out::add);
        } catch (IOException | RuntimeException e) {
            return out;
        }
        out.sort(null);
        return out;
    }

    private static Optional<Path> existing(String file) {
        try {
            Path p = Path.of(file);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
