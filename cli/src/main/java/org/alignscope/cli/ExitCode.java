package org.alignscope.cli;

import java.util.List;

/** The exit codes of every {@code alignscope} command, with what each means ({@code docs/reference/exit-codes.md}). */
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

    /** One code with its meaning and examples, for the reference. */
    record Meaning(int code, String meaning, String examples) {
    }

    /** Every code, in order. */
    static final List<Meaning> ALL = List.of(
            new Meaning(OK, "the command did what it was asked", "a run finished; a training run whose arms diverged"
                    + " (a divergence is a result, recorded in `metrics.csv` and `manifest.json`)"),
            new Meaning(CHECK_FAILED, "the command ran and its check failed", "`quad verify --replay FILE` on a"
                    + " violated claim; `monitor --quadratic` whose cross-check fails; a `sweep` with a failed cell"),
            new Meaning(USAGE, "usage or bad input, reported before any work", "no command; an unknown command, option"
                    + " or YAML key (with the closest valid names), a value"
                    + " out of range, a key given twice in a YAML file, an output folder that another process holds or"
                    + " that holds something else, a damaged or changed checkpoint for `train --resume`"),
            new Meaning(ENVIRONMENT, "the environment failed", "a path that cannot be written (`permission denied`,"
                    + " `read-only file system`), a full disk, too little memory for the Java heap"),
            new Meaning(INTERNAL, "a defect of AlignScope", "anything else; report it with the line printed"
                    + " (`ALIGNSCOPE_DEBUG=1` adds the stack trace)"));

    private ExitCode() {
    }
}
