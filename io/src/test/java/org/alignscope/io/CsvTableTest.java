package org.alignscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link CsvWriter} writes, {@link CsvTable} reads back field for field. */
class CsvTableTest {

    @Test
    void readsBackQuotedTextInfinitiesAndEmptyFields(@TempDir Path tmp) {
        Path f = tmp.resolve("t.csv");
        try (CsvWriter w = new CsvWriter(f, false, "step", "loss", "note")) {
            w.row(0L, Double.POSITIVE_INFINITY, "a, \"quoted\" note");
            w.row(1L, Double.NaN, "");
            w.row(2L, -0.5, "plain");
        }
        CsvTable t = CsvTable.read(f);
        assertEquals(List.of("step", "loss", "note"), t.header());
        assertEquals(3, t.rows().size());
        assertEquals("a, \"quoted\" note", t.text(0, "note"));
        assertEquals(Double.POSITIVE_INFINITY, t.number(0, "loss"));
        assertTrue(Double.isNaN(t.number(1, "loss")));
        assertEquals("", t.text(1, "absent"), "a column the file lacks reads as empty");
        assertEquals(-0.5, t.last("loss"));
        assertEquals(2, t.last("step"));
        assertTrue(Double.isNaN(t.last("absent")));
    }
}
