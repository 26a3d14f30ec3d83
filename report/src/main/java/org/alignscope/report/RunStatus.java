package org.alignscope.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alignscope.io.AtomicFile;
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
     * Sets the status (and, when not null, the error) in {@code dir/manifest.json}, keeping everything else in it; a
     * folder whose run wrote no manifest yet is left as it is. As far as the disk still allows: the failure being
     * recorded may be the disk itself, and then the manifest keeps saying {@code running}, which readers take for
     * {@code killed} once the lock is gone.
     */
    public static void mark(Path dir, String status, String error) {
        try {
            Path file = dir.resolve(Manifest.FILE);
            if (!Files.isRegularFile(file) || !(JSON.readTree(file.toFile()) instanceof ObjectNode root)) {
                return;
            }
            root.put("status", status);
            if (error != null) {
                root.put("error", error);
            }
            AtomicFile.write(file, out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, root));
        } catch (IOException | RuntimeException ignored) {
            // see above: the status stays as the disk last saw it
        }
    }
}
