package org.alignscope.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * A failure of the environment rather than of the user's input: a path that cannot be read or written, a full
 * disk, a missing permission. The command line prints its message as one line and exits with code 3.
 */
public final class IoFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IoFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** "cannot {@code action} PATH: REASON", the reason in words the operating system would use. */
    public static IoFailure of(String action, Path path, IOException e) {
        return new IoFailure("cannot " + action + " " + path + ": " + reason(e), e);
    }

    /** The reason of an I/O exception in a few words (Java's file-system exceptions carry it apart from the path). */
    public static String reason(IOException e) {
        if (e.getCause() instanceof IOException cause) {
            return reason(cause);  // a wrapper such as ImageIO's "I/O error writing PNG file!" hides the reason
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name exists";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
