package org.alignscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.alignscope.io.CsvTable;
import org.alignscope.io.CsvWriter;
import org.alignscope.monitor.ConfidenceInterval;
import org.alignscope.monitor.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each verdict's claim tested against the probes and the next evaluation, on files written for the purpose. */
class VerdictHitsTest {

    @Test
    void eachVerdictIsScoredByItsOwnTestAndTheBasePhaseCountsOnce(@TempDir Path tmp) {
        Path plain = tmp.resolve("run/plain/seed_1");
        monitor(plain, new Object[][] {
            {0L, 1.0, "healthy"},                 // loss@eta −0.01 ± 0.001: hit
            {10L, 0.9, "healthy"},                // +0.01 ± 0.001: miss
            {20L, 0.8, "healthy"},                // −0.001 ± 0.001: unresolved
            {30L, 0.7, "suspicious-alignment"},   // dom +, bulk −: hit
            {40L, 0.7, "suspicious-alignment"},   // dom −: miss
            {50L, 0.7, "edge-of-stability"},      // dom +: hit
            {60L, 0.7, "stalled"},                // next loss 0.69965 (fell 0.05 %): hit
            {70L, 0.69965, "stalled"},            // next loss 0.6 (fell 14 %): miss
            {80L, 0.6, "healthy"},                // no probe at this step: untested
            {90L, 0.6, "undetermined"},
            {100L, 0.6, "stalled"},               // no next evaluation: untested
        });
        // an evaluation whose own verdict differs from the one shown
        monitor(tmp.resolve("held/plain/seed_1"), new Object[][] {
            {50L, 0.7, "healthy", "edge-of-stability at this evaluation only (batch_sharpness = 9); healthy is kept"},
        });
        probes(tmp.resolve("held/plain/seed_1"), new Object[][] {{50L, "dom", 0.02, 0.001}});
        probes(plain, new Object[][] {
            {0L, "loss@eta", -0.01, 0.001}, {10L, "loss@eta", 0.01, 0.001}, {20L, "loss@eta", -0.001, 0.001},
            {30L, "dom", 0.02, 0.001}, {30L, "bulk", -0.02, 0.001},
            {40L, "dom", -0.02, 0.001}, {40L, "bulk", -0.02, 0.001},
            {50L, "dom", 0.02, 0.001},
        });
        // a second monitored arm of the same seed repeats the base phase's first row: counted once
        Path dom = tmp.resolve("run/dom/seed_1");
        monitor(dom, new Object[][] {{0L, 1.0, "healthy"}});
        probes(dom, new Object[][] {{0L, "loss@eta", -0.01, 0.001}});

        Map<Verdict, HitCount> c = VerdictHits.tally(List.of(plain.resolve("monitor.csv"),
                dom.resolve("monitor.csv"))).get("shown");
        assertEquals(new HitCount(1, 1, 1, 1), c.get(Verdict.HEALTHY));
        assertEquals(new HitCount(1, 1, 0, 0), c.get(Verdict.SUSPICIOUS_ALIGNMENT));
        assertEquals(new HitCount(1, 0, 0, 0), c.get(Verdict.EDGE_OF_STABILITY));
        assertEquals(new HitCount(1, 1, 0, 1), c.get(Verdict.STALLED));
        assertEquals(new HitCount(0, 0, 0, 1), c.get(Verdict.UNDETERMINED));

        Path held = tmp.resolve("held/plain/seed_1/monitor.csv");
        Map<String, Map<Verdict, HitCount>> bases = VerdictHits.tally(List.of(held));
        assertEquals(new HitCount(0, 0, 0, 1), bases.get("shown").get(Verdict.HEALTHY),
                "shown healthy, without its loss@eta probe");
        Map<Verdict, HitCount> own = bases.get("evaluation");
        assertEquals(new HitCount(1, 0, 0, 0), own.get(Verdict.EDGE_OF_STABILITY), "the evaluation's own verdict");
        assertEquals(HitCount.NONE, own.get(Verdict.HEALTHY));

        Path table = tmp.resolve(VerdictHits.FILE);
        VerdictHits.write(Map.of("shown", c), table);
        CsvTable t = CsvTable.read(table);
        assertEquals(List.of(VerdictHits.COLUMNS), t.header());
        assertEquals("shown", t.text(3, "basis"));
        assertEquals("healthy", t.text(3, "verdict"));
        assertEquals(4, t.number(3, "evaluations"));
        assertEquals(0.5, t.number(3, "hit_rate"));
        assertEquals(ConfidenceInterval.wilson(1, 2).lower(), t.number(3, "ci_low"));
        assertTrue(Double.isNaN(t.number(4, "hit_rate")), "undetermined has no resolved claim");
        String line = VerdictHits.line(Map.of("shown", c));
        assertTrue(line.contains("healthy 1/2") && line.contains("stalled 1/2") && !line.contains("undetermined"),
                line);
    }

    private static void monitor(Path folder, Object[][] rows) {
        Object[][] withReason = new Object[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            withReason[i] = rows[i].length == 4 ? rows[i] : new Object[] {rows[i][0], rows[i][1], rows[i][2], "why"};
        }
        write(folder.resolve("monitor.csv"), new String[] {"step", "loss", "verdict", "verdict_reason"}, withReason);
    }

    private static void probes(Path folder, Object[][] rows) {
        write(folder.resolve(Trainer.PROBE + ".csv"), new String[] {"step", "kind", "realised_mean", "realised_se"},
                rows);
    }

    private static void write(Path file, String[] head, Object[][] rows) {
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (CsvWriter w = new CsvWriter(file, false, head)) {
            for (Object[] r : rows) {
                w.row(r);
            }
        }
    }
}
