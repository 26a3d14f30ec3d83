package org.alignscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alignscope.io.CsvTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alignscope hit-rates}: the tables of several runs together are the sums of each run's own tables. */
class HitRatesCommandTest {

    @Test
    void twoRunsTogetherCountEveryProbeAndVerdictOfBoth(@TempDir Path tmp) throws Exception {
        for (String seed : List.of("4", "5")) {
            Path cfg = tmp.resolve("c" + seed + ".yaml");
            Files.writeString(cfg, MonitorCommandTest.TINY.replace("seeds: [4]", "seeds: [" + seed + "]")
                    .replace("monitor: {every: 5, samples: 6}", "monitor: {every: 5, samples: 6, probe_steps: 4}"));
            org.alignscope.train.TrainExperiment.run(cfg, tmp.resolve("runs/r" + seed), "test", null);
        }
        Path out = tmp.resolve("together");
        AlignScopeTest.Outcome o = AlignScopeTest.execute("hit-rates", tmp.resolve("runs").toString(), "--out",
                out.toString());
        assertEquals(0, o.code(), o.err());
        for (String file : List.of("probe-summary.csv", "verdict-hits.csv")) {
            CsvTable together = CsvTable.read(out.resolve(file));
            CsvTable a = CsvTable.read(tmp.resolve("runs/r4").resolve(file));
            CsvTable b = CsvTable.read(tmp.resolve("runs/r5").resolve(file));
            assertEquals(a.rows().size(), together.rows().size(), file);
            for (int i = 0; i < together.rows().size(); i++) {
                for (String column : List.of("hits", "misses", "unresolved")) {
                    assertEquals(a.number(i, column) + b.number(i, column), together.number(i, column),
                            file + " row " + i + " " + column);
                }
            }
        }
        AlignScopeTest.Outcome none = AlignScopeTest.execute("hit-rates", tmp.resolve("together").toString());
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().startsWith("alignscope: error: DIR: no monitored trajectory"), none.err());
    }
}
