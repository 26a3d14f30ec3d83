package org.alignscope.cli.hashes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.alignscope.linalg.BlasChoice;

/**
 * One {@code alignscope} command in a JVM of its own on this JVM's class path. The BLAS is chosen once per JVM
 * ({@link BlasChoice}), so a run with the pure-Java BLAS forced and a run with the native one cannot share the test
 * JVM; a child also leaves the test JVM's own BLAS untouched.
 */
final class ChildRun {
    private ChildRun() {
    }

    /**
     * Runs {@code alignscope args... --quiet} with {@code -Dalignscope.blas=<blas>} and asserts exit code 0; the
     * log (stdout and stderr) goes to {@code log} and is shown on failure. A run past {@code timeout} is killed
     * and fails the test (a guard against a hang, generous against the measured time).
     */
    static void alignscope(BlasChoice blas, Path log, Duration timeout, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-Xmx1g", "-D" + BlasChoice.PROPERTY + "=" + blas.name().toLowerCase(),
                "-cp", System.getProperty("java.class.path"), "org.alignscope.cli.AlignScope"));
        cmd.addAll(List.of(args));
        cmd.add("--quiet");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            fail("alignscope " + String.join(" ", args) + " ran past " + timeout + "; log:\n" + Files.readString(log));
        }
        assertEquals(0, p.exitValue(), () -> "alignscope " + String.join(" ", args) + " failed; log:\n" + readQuietly(log));
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }
}
