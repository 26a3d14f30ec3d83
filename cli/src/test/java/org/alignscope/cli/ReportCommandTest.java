package org.alignscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    /** A quad reproduce killed half way: its manifest says running, nobody holds the folder; the page says killed. */
    @Test
    @org.junit.jupiter.api.Tag("reliability")
    void aPageOfAnUnfinishedRunSaysSo(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        AlignScopeTest.Outcome o = AlignScopeTest.execute("quad", "run", "--d", "60", "--k", "6", "--steps", "200",
                "--no-run-plots", "--out", run.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.readString(run.resolve("report.html")).contains("\"status\":\"complete\""));
        Path manifest = run.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"complete\"", "\"running\""));
        o = AlignScopeTest.execute("report", run.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("is not a complete run (status killed)"), o.err());
        assertTrue(Files.readString(run.resolve("report.html")).contains("\"status\":\"killed\""));
    }

    /** A run that failed (here a full disk at its fifth write) records why, and its page says so. */
    @Test
    @org.junit.jupiter.api.Tag("reliability")
    void aFailedRunRecordsWhy(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        org.alignscope.io.WriteFaults.arm(5, org.alignscope.io.WriteFaults.Kind.ENOSPC);
        AlignScopeTest.Outcome o;
        try {
            o = AlignScopeTest.execute("quad", "run", "--d", "60", "--k", "6", "--steps", "200", "--no-run-plots",
                    "--out", run.toString());
        } finally {
            org.alignscope.io.WriteFaults.arm(0, org.alignscope.io.WriteFaults.Kind.ENOSPC);
        }
        assertEquals(3, o.code(), o.err());
        String manifest = Files.readString(run.resolve("manifest.json"));
        assertTrue(manifest.contains("\"status\" : \"failed\"") && manifest.contains("no space left on device"), manifest);
        o = AlignScopeTest.execute("report", run.toString());
        assertTrue(o.err().contains("(status failed)"), o.err());
    }

    @Test
    void reportAndCompareWriteTheirPagesAndRejectFoldersThatAreNotRuns(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        AlignScopeTest.Outcome o = AlignScopeTest.execute("quad", "run", "--d", "60", "--k", "6", "--steps", "200",
                "--no-run-plots", "--out", run.toString());
        assertEquals(0, o.code(), o.err());
        Files.delete(run.resolve("report.html"));
        o = AlignScopeTest.execute("report", run.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.readString(run.resolve("report.html")).contains("m_50/seed_42/trajectory.csv"));

        o = AlignScopeTest.execute("compare", run.toString(), run.toString(), "--out", tmp.resolve("cmp").toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.exists(tmp.resolve("cmp").resolve("report.html")));

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        for (String[] args : new String[][] {{"report", empty.toString()},
                {"compare", run.toString(), tmp.resolve("missing").toString(), "--out", tmp.resolve("c2").toString()}}) {
            o = AlignScopeTest.execute(args);
            assertEquals(2, o.code(), o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
            assertTrue(o.err().startsWith("alignscope: error: DIR: "), o.err());
        }
        assertTrue(!Files.exists(tmp.resolve("c2").resolve("report.html")));

        o = AlignScopeTest.execute("serve", empty.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith("alignscope: error: DIR: "), o.err());
        o = AlignScopeTest.execute("serve", run.toString(), "--port", "70000");
        assertEquals(2, o.code(), o.err());
        assertEquals("alignscope: error: --port: must be in [0, 65535] (got 70000)", o.err().strip());
    }
}
