package org.alignscope.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.alignscope.linalg.Blas;

/**
 * Shows {@link Blas}'s warning that no native BLAS is installed as one line on standard error,
 * {@code alignscope: warning: no native BLAS ...}, instead of java.util.logging's two-line format. It appears only
 * when a command first uses BLAS (report, compare and serve never do), and not with {@code --quiet} or
 * {@code ALIGNSCOPE_PROGRESS=off}. A non-interactive run (a log file, CI) still gets it: the line says why the run
 * is slow and what fixes it, which is what a log is read for.
 */
final class BlasNotice {
    /** A strong reference: java.util.logging forgets the handlers of a logger nobody holds. */
    private static final Logger BLAS_LOG = Logger.getLogger(Blas.class.getName());

    private BlasNotice() {
    }

    /** Routes the warning to standard error unless {@code args} or the environment ask for quiet. */
    static void install(String[] args) {
        configure(BLAS_LOG, quiet(List.of(args), System.getenv(ProgressOptions.ENV)), System.err);
    }

    /** Whether the command line holds {@code --quiet} (before a {@code --}) or progress is switched off. */
    static boolean quiet(List<String> args, String progressSetting) {
        int end = args.contains("--") ? args.indexOf("--") : args.size();
        return args.subList(0, end).contains("--quiet") || "off".equalsIgnoreCase(progressSetting);
    }

    /** Makes {@code log} print its warnings to {@code err} as single lines, or nothing when {@code quiet}. */
    static void configure(Logger log, boolean quiet, PrintStream err) {
        log.setUseParentHandlers(false);
        log.setLevel(quiet ? Level.OFF : Level.WARNING);
        for (Handler h : log.getHandlers()) {
            log.removeHandler(h);
        }
        log.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (isLoggable(r)) {
                    err.println("alignscope: warning: " + r.getMessage());
                    err.flush();
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
            }
        });
    }
}
