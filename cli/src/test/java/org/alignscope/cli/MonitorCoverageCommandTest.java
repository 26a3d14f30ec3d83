package org.alignscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alignscope.monitor.IntervalCoverage;
import org.alignscope.quadlab.MonitorCoverage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alignscope monitor-coverage} on tiny settings: it writes the table in the monitor resource's format. */
@Tag("reliability")
class MonitorCoverageCommandTest {
    @Test
    void writesTheCoverageTable(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("coverage");
        String stdout = HessianCommandTest.captureStdout(() -> {
            AlignScopeTest.Outcome o = AlignScopeTest.execute("monitor-coverage", "--seeds", "12", "--d", "24",
                    "--k", "3", "--out", out.toString());
            assertEquals(0, o.code(), o.err());
        });
        List<String> lines = Files.readAllLines(out.resolve("coverage.csv"));
        assertEquals(String.join(",", IntervalCoverage.HEADER), lines.get(0));
        int cells = MonitorCoverage.SIGMAS.size() * MonitorCoverage.SAMPLES.size() * MonitorCoverage.QUANTITIES.size();
        assertEquals(1 + cells, lines.size());
        assertTrue(lines.get(1).startsWith("0.5,16,e_D,12,"), lines.get(1));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int seeds = Integer.parseInt(f[3]);
            int covered = Integer.parseInt(f[4]);
            assertTrue(seeds <= 12 && covered <= seeds, line);
            if (seeds > 0) {
                double lower = Double.parseDouble(f[6]);
                double upper = Double.parseDouble(f[7]);
                double coverage = Double.parseDouble(f[5]);
                assertTrue(lower <= coverage && coverage <= upper, "the Wilson interval holds the coverage: " + line);
            }
        }
        assertTrue(stdout.startsWith("sigma\tr\tquantity\tseeds\tcoverage\twilson_95\n0.5\t16\te_D\t12\t"), stdout);
        assertTrue(Files.exists(out.resolve("manifest.json")));
    }

    @Test
    void invalidInputExitsWithCode2BeforeAnyWork(@TempDir Path tmp) {
        AlignScopeTest.Outcome o = AlignScopeTest.execute("monitor-coverage", "--seeds", "0", "--out",
                tmp.resolve("x").toString());
        assertEquals(2, o.code(), o.err());
        assertEquals("alignscope: error: --seeds: 0 is out of range; allowed: >= 1", o.err().strip());
        assertFalse(Files.exists(tmp.resolve("x")));
    }
}
