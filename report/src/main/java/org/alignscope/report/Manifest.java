package org.alignscope.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.alignscope.linalg.Blas;
import java.nio.file.Path;
import org.alignscope.io.AtomicFile;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code manifest.json} of a run folder: tool version, command, the full settings, seeds, JDK, operating
 * system, the BLAS in use and start time — enough to rerun the command bit for bit — and the run's {@link RunStatus},
 * {@code running} until {@link #complete}. Settings keep their insertion order.
 */
public final class Manifest {
    /** The file's name in a run folder. */
    public static final String FILE = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Map<String, Object> root = new LinkedHashMap<>();
    private final Map<String, Object> settings = new LinkedHashMap<>();

    public Manifest(String command) {
        root.put("tool", "alignscope");
        root.put("version", Version.get());
        root.put("command", command);
        root.put("status", RunStatus.RUNNING);
        root.put("started", Instant.now().toString());
        root.put("jdk", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        root.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        root.put("blas", Blas.backend());
        root.put("settings", settings);
    }

    /** Adds one setting (a number, string, list or map). */
    public Manifest setting(String name, Object value) {
        settings.put(name, value);
        return this;
    }

    /** Records that the run finished: its files are all there ({@link RunStatus}). */
    public Manifest complete() {
        root.put("status", RunStatus.COMPLETE);
        return this;
    }

    /** Adds a top-level entry (e.g. "seeds", "results", "elapsed_seconds"). */
    public Manifest put(String name, Object value) {
        root.put(name, value);
        return this;
    }

    /** Replaces {@code folder/manifest.json} as a whole ({@link AtomicFile}). */
    public void write(Path folder) {
        AtomicFile.write(folder.resolve(FILE), out -> JSON.writeValue(out, root));
    }
}
