package org.alignscope.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Ends processes together with everything they started: each is asked to stop ({@link ProcessHandle#destroy()},
 * SIGTERM, so a JVM runs its shutdown hooks), and whatever is still there after a grace period is killed
 * ({@link ProcessHandle#destroyForcibly()}, SIGKILL).
 */
public final class ProcessTree {
    private static final long POLL_MILLIS = 20;

    private ProcessTree() {
    }

    /** Ends {@code roots} and all their descendants; returns once they are gone or a second grace period passed. */
    static void end(List<ProcessHandle> roots, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>();
        for (ProcessHandle root : roots) {
            // listed before the root stops: once it is gone, its children belong to init and are no descendants
            all.addAll(root.descendants().toList());
            all.add(root);
        }
        all.forEach(ProcessHandle::destroy);
        if (!awaitEnd(all, grace)) {
            all.stream().filter(p -> !ended(p)).forEach(ProcessHandle::destroyForcibly);
            awaitEnd(all, grace);
        }
    }

    /**
     * Whether a process has ended. One that has ended but is not reaped yet (a zombie, e.g. a grandchild whose
     * parent died and that waits for init) has, although {@link ProcessHandle#isAlive()} still says alive; Linux
     * shows that state in {@code /proc/<pid>/stat}, elsewhere only {@code isAlive} is asked.
     */
    public static boolean ended(ProcessHandle p) {
        if (!p.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");  // "pid (name) STATE ..."
        } catch (IOException e) {
            return !p.isAlive();
        }
    }

    /** Whether every process ended within {@code limit}. */
    private static boolean awaitEnd(List<ProcessHandle> handles, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!handles.stream().allMatch(ProcessTree::ended)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
