package org.alignscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.alignscope.linalg.BlasChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unknown {@code -Dalignscope.blas} is the user's input: one line, exit code 2, before any command works. */
class BlasPropertyTest {
    @Test
    void anUnknownBlasIsRefusedBeforeTheCommandStarts(@TempDir Path dir) {
        Path out = dir.resolve("out");
        String saved = System.getProperty(BlasChoice.PROPERTY);
        AlignScopeTest.Outcome o;
        try {
            System.setProperty(BlasChoice.PROPERTY, "openblas");
            o = AlignScopeTest.execute("quad", "run", "--d", "20", "--k", "2", "--steps", "10", "--out", out.toString());
        } finally {
            if (saved == null) {
                System.clearProperty(BlasChoice.PROPERTY);
            } else {
                System.setProperty(BlasChoice.PROPERTY, saved);
            }
        }
        assertEquals(2, o.code(), o.err());
        assertEquals("alignscope: error: -Dalignscope.blas: must be auto or java (got 'openblas')", o.err().strip());
        assertFalse(Files.exists(out), "no output folder before the input is checked");
    }
}
