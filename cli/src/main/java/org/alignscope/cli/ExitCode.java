package org.alignscope.cli;

/** The exit codes of every {@code alignscope} command (docs/reference/exit-codes.md). */
final class ExitCode {
    /** The command did what it was asked. */
    static final int OK = 0;
    /** The command ran and its check failed (verify {@code --replay}, a cross-check, a sweep with a failed cell). */
    static final int CHECK_FAILED = 1;
    /** Usage or bad input, reported before any work. */
    static final int USAGE = 2;
    /** The environment failed: a path that cannot be read or written, a full disk, too little memory. */
    static final int ENVIRONMENT = 3;
    /** A defect of AlignScope itself. */
    static final int INTERNAL = 4;

    private ExitCode() {
    }
}
