package org.alignscope.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the writes that pass through this package and, for the reliability tests, makes the n-th one fail as a
 * full disk or a missing permission would. Off unless armed: by {@link #arm} in a test, or for a whole process by
 * the system property {@code alignscope.io.fail=N:ENOSPC} (or {@code N:EACCES}), N counted from 1.
 */
public final class WriteFaults {
    /** The kind of failure injected. */
    public enum Kind { ENOSPC, EACCES }

    private static final AtomicLong WRITES = new AtomicLong();
    private static volatile long failAt;
    private static volatile Kind kind = Kind.ENOSPC;

    static {
        String spec = System.getProperty("alignscope.io.fail");
        if (spec != null && !spec.isBlank()) {
            String[] p = spec.split(":", 2);
            arm(Long.parseLong(p[0].trim()), p.length > 1 ? Kind.valueOf(p[1].trim()) : Kind.ENOSPC);
        }
    }

    private WriteFaults() {
    }

    /** Makes the {@code n}-th write from now fail with {@code k} (n ≥ 1), or none for n = 0. */
    public static void arm(long n, Kind k) {
        WRITES.set(0);
        kind = k;
        failAt = n;
    }

    /** Writes counted since the last {@link #arm} (or since start). */
    public static long count() {
        return WRITES.get();
    }

    /** Called before every write of {@code file}; throws the armed failure on the n-th call. */
    static void beforeWrite(Path file) throws IOException {
        long n = WRITES.incrementAndGet();
        if (failAt > 0 && n == failAt) {
            throw kind == Kind.ENOSPC ? new FileSystemException(file.toString(), null, "No space left on device")
                    : new AccessDeniedException(file.toString());
        }
    }
}
