package org.alignscope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alignscope.linalg.progress.Progress;
import picocli.CommandLine.Option;

/**
 * {@code --quiet} for long commands, and the choice of progress display: none with {@code --quiet} or the
 * environment variable {@code ALIGNSCOPE_PROGRESS=off}; a redrawn bar when there is a console and standard error
 * is a terminal; plain lines otherwise (a log file, a pipe, CI).
 */
final class ProgressOptions {
    static final String ENV = "ALIGNSCOPE_PROGRESS";

    @Option(names = "--quiet", description = "No progress output (also: environment variable ALIGNSCOPE_PROGRESS=off).")
    boolean quiet;

    /** The display for {@code label}, counting {@code unit}s. */
    Progress progress(String label, String unit) {
        if (quiet || "off".equalsIgnoreCase(System.getenv(ENV))) {
            return Progress.NONE;
        }
        return new ProgressBar(label, unit, System.err, stderrIsTerminal(), System::nanoTime);
    }

    /**
     * Java 17 cannot ask whether standard error is a terminal; on Linux its file descriptor's link names the
     * device. Elsewhere, a console (interactive standard input and output) is taken as the answer.
     */
    static boolean stderrIsTerminal() {
        if (System.console() == null) {
            return false;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return true;
        }
    }
}
