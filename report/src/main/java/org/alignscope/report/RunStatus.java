package org.alignscope.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alignscope.io.OutputFolder;

/**
 * The state of a run folder, from its {@code manifest.json}: {@code running} while the process that writes it holds
 * the folder's lock, {@code complete}, {@code failed} (the manifest says why), or {@code killed} — a manifest still
 * saying {@code running} with nobody holding the lock, which the kernel releases when a process dies.
 */
public final class RunStatus {
    public static final String RUNNING = "running";
    public static final String COMPLETE = "complete";
    public static final String FAILED = "failed";
    public static final String KILLED = "killed";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunStatus() {
    }

    /** The folder's status, or null when it has no readable manifest or the manifest records none. */
    public static String of(Path dir) {
        Path file = dir.resolve(Manifest.FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        JsonNode status;
        try {
            status = JSON.readTree(file.toFile()).get("status");
        } catch (IOException e) {
            return null;
        }
        if (status == null || !status.isTextual()) {
            return null;
        }
        String s = status.asText();
        return s.equals(RUNNING) && !OutputFolder.isHeld(dir) ? KILLED : s;
    }

    /**
     * Records in {@code m} that the run failed with {@code e} and writes it, as far as the disk still allows (the
     * failure may be the disk itself); returns {@code e} for the caller to throw.
     */
    public static RuntimeException failed(Manifest m, Path dir, RuntimeException e) {
        try {
            m.put("status", FAILED);
            m.put("error", String.valueOf(e.getMessage()));
            m.write(dir);
        } catch (RuntimeException ignored) {
            // the manifest keeps saying "running"; with the lock gone, readers see the run as killed
        }
        return e;
    }
}
