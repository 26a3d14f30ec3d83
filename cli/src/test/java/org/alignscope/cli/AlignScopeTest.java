package org.alignscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class AlignScopeTest {

    record Outcome(int code, String err) {
    }

    static Outcome execute(String... args) {
        CommandLine cl = AlignScope.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        int code = cl.execute(args);
        return new Outcome(code, err.toString());
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("--m", "1", "--m: must be > 1"),
                Arguments.of("--m", "0.5", "--m: must be > 1"),
                Arguments.of("--k", "500", "--k: 500 is out of range; allowed: [1, 499]"),
                Arguments.of("--k", "0", "--k: 0 is out of range; allowed: [1, 499]"),
                Arguments.of("--eta", "0", "--eta: 0 is out of range; allowed: > 0"),
                Arguments.of("--sigma", "-1", "--sigma: -1 is out of range; allowed: >= 0"),
                Arguments.of("--steps", "0", "--steps: 0 is out of range; allowed: [1, 2147483646]"),
                Arguments.of("--spectrum", "file:/nonexistent/eig.txt", "--spectrum: cannot read"),
                Arguments.of("--eta", "abc", "--eta: 'abc' is not a number"),
                Arguments.of("--step", "sideways", "--step: must be sgd, dsgd, bsgd"),
                Arguments.of("--init", "file:/nonexistent/c0.txt", "--init: cannot read"),
                Arguments.of("--noise", "cov:/nonexistent/cov.txt", "--noise: cannot read"),
                Arguments.of("--schedule", "cosine:-5", "--schedule: must be"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void invalidValuesGetOneLineNamingTheOptionAndExitCode2(String option, String value, String expected,
                                                            @TempDir Path out) {
        Outcome o = option.equals("--steps")
                ? execute("quad", "run", option, value, "--out", out.resolve("x").toString())
                : execute("quad", "run", option, value, "--steps", "100", "--out", out.resolve("x").toString());
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains(expected), o.err());
        assertTrue(!Files.exists(out.resolve("x")), "no work may start before the input is checked");
    }

    @org.junit.jupiter.api.Test
    void aSmallRunWritesItsFolder(@TempDir Path out) throws Exception {
        Outcome o = execute("quad", "run", "--d", "100", "--k", "10", "--steps", "300", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.exists(out.resolve("summary.csv")));
        assertTrue(Files.exists(out.resolve("m_50").resolve("seed_42").resolve("trajectory.csv")));
        assertTrue(Files.exists(out.resolve("manifest.json")));
    }
}
