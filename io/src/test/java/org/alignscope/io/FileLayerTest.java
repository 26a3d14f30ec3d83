package org.alignscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole files and whole rows under injected write failures, and the output folder's ownership rules. */
@Tag("reliability")
class FileLayerTest {
    @AfterEach
    void disarm() {
        WriteFaults.arm(0, WriteFaults.Kind.ENOSPC);
    }

    @Test
    void aFailedReplacementKeepsThePreviousFileAndLeavesNoTemporary(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("summary.csv");
        AtomicFile.writeString(f, "old\n");
        WriteFaults.arm(1, WriteFaults.Kind.ENOSPC);
        IoFailure e = assertThrows(IoFailure.class, () -> AtomicFile.writeString(f, "new\n"));
        assertEquals("cannot write " + f + ": no space left on device", e.getMessage());
        assertEquals("old\n", Files.readString(f));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void aRowThatCannotBeWrittenWholeIsNotWrittenAtAll(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("metrics.csv");
        try (AppendFile a = AppendFile.create(f)) {
            a.append("a,b\n");
            WriteFaults.arm(1, WriteFaults.Kind.EACCES);
            IoFailure e = assertThrows(IoFailure.class, () -> a.append("1,2\n"));
            assertEquals("cannot write " + f + ": permission denied", e.getMessage());
            assertEquals(4, a.length());
            a.append("3,4\n");
        }
        assertEquals("a,b\n3,4\n", Files.readString(f));
        try (AppendFile a = AppendFile.resume(f, 4)) {
            a.append("5,6\n");
        }
        assertEquals("a,b\n5,6\n", Files.readString(f));
        assertThrows(IllegalArgumentException.class, () -> AppendFile.resume(f, 100));
    }

    @Test
    void anOwnedFolderRefusesASecondWriterAndForeignContent(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("o");
        try (OutputFolder first = OutputFolder.claim("--out", "--force", out, "train", "alignscope train", false)) {
            assertTrue(OutputFolder.isHeld(out));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> OutputFolder.claim("--out", "--force", out, "train", "again", false));
            assertTrue(e.getMessage().contains("in use by another AlignScope process (pid "), e.getMessage());
        }
        assertFalse(OutputFolder.isHeld(out));
        assertEquals("train", OutputFolder.kindOf(out));
        Files.writeString(out.resolve("result.csv"), "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputFolder.claim("--out", "--force", out, "hessian", "alignscope hessian", false));
        assertTrue(e.getMessage().contains("holds a 'train' run") && e.getMessage().contains("--force"), e.getMessage());
        OutputFolder.claim("--out", "--force", out, "hessian", "alignscope hessian", true).close();
        assertFalse(Files.exists(out.resolve("result.csv")));
        assertEquals("hessian", OutputFolder.kindOf(out));
    }

    @Test
    void noFolderAboveTheWorkingDirectoryIsEverEmptied() {
        Path cwd = Path.of("").toAbsolutePath();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputFolder.claim("--out", "--force", cwd, "train", "alignscope train", true));
        assertTrue(e.getMessage().contains("does not empty it even with --force"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OutputFolder.claim("--out", "--force", Path.of(""), "train", "x", true));
    }
}
