package org.alignscope.cli;

/**
 * A command a sweep can run in its cells: {@link #check()} validates the parsed options (ranges, files, configs)
 * without doing any work, so that {@code alignscope sweep} rejects a bad cell before any cell runs.
 */
interface CellCheck {
    /** Throws {@link IllegalArgumentException} naming the option or key that is wrong. */
    void check();
}
