package org.alignscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorCommandTest {
    @Test
    void quadraticCrossCheckWritesItsFiles(@TempDir Path out) throws Exception {
        AlignScopeTest.Outcome o = AlignScopeTest.execute("monitor", "--quadratic", "--d", "60", "--k", "6", "--m", "10",
                "--samples", "2000", "--seed", "3", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        List<String> lines = Files.readAllLines(out.resolve("crosscheck.csv"));
        assertEquals("quantity,exact,estimated,rel_error,std_error", lines.get(0));
        assertEquals(16, lines.size());
        for (String f : List.of("monitor.csv", "sensitivity.csv", "eigen.csv", "findings.txt", "manifest.json")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"crosscheck_passes\" : true"));
    }

    @Test
    void invalidInputExitsWithCode2BeforeAnyWork(@TempDir Path out) {
        for (String[] bad : List.of(new String[] {"--k", "0"}, new String[] {"--samples", "1"},
                new String[] {"--m", "1"}, new String[] {"--eta", "-1"})) {
            AlignScopeTest.Outcome o = AlignScopeTest.execute("monitor", "--quadratic", bad[0], bad[1], "--out",
                    out.resolve("x").toString());
            assertEquals(2, o.code(), o.err());
            assertTrue(o.err().contains(bad[0]), o.err());
            assertFalse(Files.exists(out.resolve("x")));
        }
        assertEquals(2, AlignScopeTest.execute("monitor", "--out", out.resolve("x").toString()).code());
    }
}
