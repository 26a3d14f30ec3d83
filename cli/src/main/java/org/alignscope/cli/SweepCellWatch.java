package org.alignscope.cli;

import org.alignscope.sweep.ProcessLauncher;

/**
 * In a sweep's cell process: stops the cell once the sweep that started it is gone. A sweep killed with SIGKILL
 * cannot end its cells itself, and an orphaned cell would keep its core busy for nothing (its result is never
 * recorded). The launcher names its pid in {@link ProcessLauncher#PARENT_PID_PROPERTY}; a daemon thread checks
 * every {@link #POLL_MILLIS} ms that this process's parent is still that pid (an orphan gets another parent,
 * init or a subreaper, so a reused pid cannot fool it). An {@code alignscope} started from a shell has no such
 * property and never watches.
 */
final class SweepCellWatch {
    static final long POLL_MILLIS = 500;

    private SweepCellWatch() {
    }

    /** Starts the watch when this process is a sweep's cell (the property holds a pid). */
    static void startIfSweepCell() {
        String parent = System.getProperty(ProcessLauncher.PARENT_PID_PROPERTY);
        if (parent == null || !parent.matches("[0-9]{1,18}")) {
            return;
        }
        long pid = Long.parseLong(parent);
        Thread watch = new Thread(() -> watch(pid), "alignscope-sweep-cell-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static void watch(long sweepPid) {
        try {
            while (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == sweepPid) {
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            return;
        }
        System.err.println("alignscope: error: the sweep that started this cell (pid " + sweepPid + ") is gone;"
                + " the cell stops");
        System.exit(ExitCode.ENVIRONMENT);
    }
}
