package org.alignscope.report.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTailTest {
    private static void append(Path f, String s) throws Exception {
        Files.writeString(f, s, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void returnsOnlyCompleteNewLinesAndRestartsAfterTruncation(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("metrics.csv");
        append(f, "step,loss,findings\n0,1.5,\"a,b\"\n1,1.");
        CsvTail t = new CsvTail(f);
        CsvTail.Chunk c = t.poll();
        assertArrayEquals(new String[] {"step", "loss", "findings"}, t.header());
        assertEquals(1, c.rows().size(), "the half-written row waits");
        assertArrayEquals(new String[] {"0", "1.5", "a,b"}, c.rows().get(0));
        assertTrue(t.poll().rows().isEmpty());
        append(f, "25,\n2,inf,\"say \"\"hi\"\"\"\n");
        c = t.poll();
        assertEquals(2, c.rows().size());
        assertArrayEquals(new String[] {"1", "1.25", ""}, c.rows().get(0));
        assertArrayEquals(new String[] {"2", "inf", "say \"hi\""}, c.rows().get(1));
        assertFalse(c.reset());
        Files.writeString(f, "step,loss\n0,9\n");  // a resumed run truncates its file
        c = t.poll();
        assertTrue(c.reset());
        assertArrayEquals(new String[] {"step", "loss"}, t.header());
        assertEquals(1, c.rows().size());
    }

    @Test
    void aPollSeesFilesThatAppearAfterTheSnapshot(@TempDir Path dir) throws Exception {
        RunFolderFixture.write(dir);
        RunFolder rf = new RunFolder(dir, "run");
        assertEquals(3, rf.snapshot(0).get("series").size());
        assertTrue(rf.poll().isEmpty(), "nothing new");
        append(dir.resolve("dom/seed_1/metrics.csv"), "50,arm,,0.01,,60\n");
        Files.createDirectories(dir.resolve("bulk/seed_1"));
        append(dir.resolve("bulk/seed_1/metrics.csv"), "step,ref_loss\n");
        var updates = rf.poll();
        assertEquals(2, updates.size(), "the appended row and the new file");
        var dom = updates.stream().filter(u -> u.get("id").asText().equals("run/dom/seed_1/metrics.csv")).findFirst()
                .orElseThrow();
        assertEquals(50, dom.get("last").asInt());
        assertEquals(1, dom.get("series").get("ref_loss").get(0).size(), "only the new row");
        assertEquals("run/bulk/seed_1", updates.stream().filter(u -> u.get("id").asText().startsWith("run/bulk"))
                .findFirst().orElseThrow().get("run").asText());
    }
}
