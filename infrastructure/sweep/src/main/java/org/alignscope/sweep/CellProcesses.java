package org.alignscope.sweep;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cell processes running in this JVM, and the shutdown hook that ends them when the sweep is stopped
 * (SIGTERM, SIGINT): a cell is its own process, so without the hook it would run on, orphaned, after its sweep
 * is gone. The hook refuses new cells from then on and ends every running cell's whole process tree
 * ({@link ProcessTree}, {@link #GRACE} to stop before it is killed). A sweep killed with SIGKILL runs no hook;
 * then each cell notices itself that its parent is gone ({@link ProcessLauncher#PARENT_PID_PROPERTY}).
 */
final class CellProcesses {
    /** How long a cell may take to stop after SIGTERM before it is killed. */
    static final Duration GRACE = Duration.ofSeconds(2);

    private static final Set<Process> RUNNING = new HashSet<>();
    private static boolean hooked;
    private static boolean stopping;

    private CellProcesses() {
    }

    /** Starts a cell and keeps it until {@link #ended}; throws {@link SweepStopped} once the sweep is stopping. */
    static synchronized Process start(ProcessBuilder builder) throws IOException {
        if (stopping) {
            throw new SweepStopped();
        }
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(CellProcesses::stopAll, "alignscope-sweep-stop"));
            hooked = true;
        }
        Process p = builder.start();
        RUNNING.add(p);
        return p;
    }

    static synchronized void ended(Process p) {
        RUNNING.remove(p);
    }

    /** Whether the hook has run: a cell that ends from now on was ended by it, not by its own run. */
    static synchronized boolean stopping() {
        return stopping;
    }

    private static void stopAll() {
        List<ProcessHandle> cells;
        synchronized (CellProcesses.class) {
            stopping = true;
            cells = RUNNING.stream().map(Process::toHandle).toList();
        }
        ProcessTree.end(cells, GRACE);
    }
}
