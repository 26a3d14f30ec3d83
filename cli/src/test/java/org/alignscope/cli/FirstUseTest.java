package org.alignscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alignscope.linalg.Blas;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user meets first: the bare command, a typo, a wrong folder, a missing BLAS, a long hessian run. */
@Tag("reliability")
class FirstUseTest {

    @Test
    void theBareCommandPrintsTheUsageOnStandardErrorAndExits2() {
        AlignScopeTest.Outcome o = AlignScopeTest.execute();
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith("Usage: alignscope"), o.err());
        assertEquals(0, AlignScopeTest.execute("--help").code());
        assertEquals(0, AlignScopeTest.execute("--version").code());
        for (String group : new String[] {"quad", "bench"}) {
            o = AlignScopeTest.execute(group);
            assertEquals(2, o.code(), group + ": " + o.err());
            assertTrue(o.err().startsWith("Usage: alignscope " + group), o.err());
            assertEquals(0, AlignScopeTest.execute(group, "--help").code());
        }
    }

    @Test
    void anUnknownCommandOrOptionGetsOneLineWithTheClosestNames() {
        AlignScopeTest.Outcome o = AlignScopeTest.execute("trian");
        assertEquals(2, o.code(), o.err());
        assertEquals("alignscope: error: unknown command 'trian'; did you mean 'train'? (see --help)", o.err().strip());

        o = AlignScopeTest.execute("quad", "run", "--stpes", "100");
        assertEquals(2, o.code(), o.err());
        assertEquals("alignscope: error: unknown option '--stpes'; did you mean '--steps'? (see --help)",
                o.err().strip());

        o = AlignScopeTest.execute("hessian", "--seeed=3");
        assertEquals("alignscope: error: unknown option '--seeed'; did you mean '--seed'? (see --help)",
                o.err().strip());

        o = AlignScopeTest.execute("frobnicate");
        assertEquals(2, o.code(), o.err());
        assertEquals("alignscope: error: unknown command 'frobnicate' (see --help)", o.err().strip());
    }

    @Test
    void equallyCloseNamesAreAllSuggested() {
        assertEquals(List.of("--k", "--n"), UnknownArgument.closest("--x", List.of("--k", "--n", "--steps")));
        assertEquals(List.of(), UnknownArgument.closest("zzzzzz", List.of("train", "quad")));
        assertEquals(1, UnknownArgument.distance("trian", "train"));
        assertEquals(3, UnknownArgument.distance("kitten", "sitting"));
    }

    /**
     * A folder whose first level alone exceeds the search's bound is refused, although a series file lies two
     * levels down (which a full walk would find, then render the whole folder).
     */
    @Test
    void aHugeFolderThatIsNotARunIsRefusedWithoutBeingWalked(@TempDir Path tmp) throws Exception {
        Path big = Files.createDirectories(tmp.resolve("big"));
        for (int i = 0; i < org.alignscope.report.html.RunFolder.CHECK_ENTRIES + 1; i++) {
            Files.createFile(big.resolve("f" + i));
        }
        Path stray = Files.createDirectories(big.resolve("someone-elses-run"));
        Files.writeString(stray.resolve("metrics.csv"), "step,loss\n1,0.5\n");
        for (String[] args : new String[][] {{"report", big.toString()},
                {"compare", big.toString(), "--out", tmp.resolve("cmp").toString()}, {"serve", big.toString()}}) {
            AlignScopeTest.Outcome o = AlignScopeTest.execute(args);
            assertEquals(2, o.code(), args[0] + ": " + o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
            assertTrue(o.err().startsWith("alignscope: error: DIR: " + big + " is not a run folder"), o.err());
        }
        assertFalse(Files.exists(big.resolve("report.html")));
        assertFalse(Files.exists(tmp.resolve("cmp")));
    }

    /** Like /tmp holding other runs: a page of it would be every run below, so it is refused and one is named. */
    @Test
    void aFolderThatHoldsRunsIsNotARun(@TempDir Path tmp) throws Exception {
        Path parent = Files.createDirectories(tmp.resolve("parent"));
        Path run = Files.createDirectories(parent.resolve("one-run"));
        Files.writeString(run.resolve("manifest.json"), "{\"status\": \"complete\"}\n");
        Files.createDirectories(run.resolve("plain/seed_1"));
        Files.writeString(run.resolve("plain/seed_1/metrics.csv"), "step,loss\n1,0.5\n");
        AlignScopeTest.Outcome o = AlignScopeTest.execute("report", parent.toString());
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().startsWith("alignscope: error: DIR: " + parent + " is not a run folder"), o.err());
        assertTrue(o.err().contains("outside the runs it holds, e.g. " + run), o.err());
        assertFalse(Files.exists(parent.resolve("report.html")));

        o = AlignScopeTest.execute("report", run.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.exists(run.resolve("report.html")));
    }

    @Test
    void aMissingNativeBlasIsOneWarningLineUnlessQuiet() {
        for (boolean quiet : new boolean[] {false, true}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Logger log = Logger.getAnonymousLogger();
            BlasNotice.configure(log, quiet, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            log.warning(Blas.MISSING_NATIVE);
            String err = bytes.toString(StandardCharsets.UTF_8);
            assertEquals(quiet ? "" : "alignscope: warning: " + Blas.MISSING_NATIVE + System.lineSeparator(), err);
        }
        assertTrue(BlasNotice.quiet(List.of("train", "--quiet"), null));
        assertTrue(BlasNotice.quiet(List.of("train"), "OFF"));
        assertFalse(BlasNotice.quiet(List.of("train"), null));
        assertFalse(BlasNotice.quiet(List.of("quad", "run", "--", "--quiet"), null));
    }

    private static final Pattern PLAIN = Pattern.compile("hessian: \\d+% \\((\\d+)/(\\d+) HVPs");

    @Test
    void hessianProgressCountsEachStepAndQuietLeavesTheOutputAsItWas(@TempDir Path tmp) {
        String[] withProgress = stderrOf(HessianCommandTest.tiny(tmp.resolve("a"), "--max-hvps", "60"));
        List<Long> done = new ArrayList<>();
        for (String line : withProgress[1].lines().toList()) {
            Matcher m = PLAIN.matcher(line);
            if (m.find()) {
                assertEquals(60, Long.parseLong(m.group(2)), line);
                done.add(Long.parseLong(m.group(1)));
            }
        }
        assertTrue(done.size() >= 4, "a line per 5 % of the steps, not one per phase: " + withProgress[1]);
        for (int i = 1; i < done.size(); i++) {
            assertTrue(done.get(i) > done.get(i - 1), done.toString());
        }
        assertEquals(60L, done.get(done.size() - 1));

        String[] quiet = stderrOf(HessianCommandTest.tiny(tmp.resolve("b"), "--max-hvps", "60", "--quiet"));
        assertFalse(PLAIN.matcher(quiet[1]).find(), quiet[1]);
        assertEquals(withProgress[0].replace(tmp.resolve("a").toString(), "OUT").replaceAll("in [0-9.]+ s", ""),
                quiet[0].replace(tmp.resolve("b").toString(), "OUT").replaceAll("in [0-9.]+ s", ""));
    }

    /** Standard output and standard error of a command run in this process. */
    private static String[] stderrOf(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = AlignScope.commandLine().execute(args);
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, e);
        return new String[] {out.toString(StandardCharsets.UTF_8), e};
    }
}
