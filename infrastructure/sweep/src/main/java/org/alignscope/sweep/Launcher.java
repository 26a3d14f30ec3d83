package org.alignscope.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Runs one cell's {@code alignscope} arguments, its standard output and error going to {@code log}. */
@FunctionalInterface
public interface Launcher {
    /** Returns the exit code. */
    int run(List<String> arguments, Path log) throws IOException, InterruptedException;
}
