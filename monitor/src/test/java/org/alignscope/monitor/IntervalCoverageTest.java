package org.alignscope.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The coverage note: read from the committed table, quoted below r = 64 only, and only outside 93–97 %. */
@Tag("reliability")
class IntervalCoverageTest {
    /** quantity → the coverage at r = 16 farthest from 95 %, read from the resource independently of the class. */
    private static Map<String, Double> quotedCoverages() throws IOException {
        try (InputStream in = IntervalCoverage.class.getResourceAsStream("interval-coverage.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertEquals(String.join(",", IntervalCoverage.HEADER), lines.get(0));
            Map<String, Double> worst = new HashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                if (f[1].equals("16")) {
                    double c = Double.parseDouble(f[5]);
                    worst.merge(f[2], c, (a, b) -> Math.abs(b - 0.95) > Math.abs(a - 0.95) ? b : a);
                }
            }
            return worst;
        }
    }

    @Test
    void everyQuantityOutsideTheBandAtSixteenSamplesCarriesItsMeasuredCoverageBelowSixtyFour() throws IOException {
        Map<String, Double> quoted = quotedCoverages();
        assertEquals(8, quoted.size(), quoted.toString());
        for (Map.Entry<String, Double> e : quoted.entrySet()) {
            boolean outside = e.getValue() < 0.93 || e.getValue() > 0.97;
            String expected = outside ? String.format(Locale.ROOT, " (95%% interval covers %.0f%% at r = 16)",
                    100 * e.getValue()) : "";
            assertEquals(expected, IntervalCoverage.note(e.getKey(), 16), e.getKey());
            assertEquals(expected, IntervalCoverage.note(e.getKey(), 8), e.getKey());
            assertEquals("", IntervalCoverage.note(e.getKey(), 64), e.getKey());
        }
        assertEquals("", IntervalCoverage.note("no-such-quantity", 16));
    }

    @Test
    void aCoverageOutsideTheBandIsQuotedBelowSixtyFourSamplesOnly() {
        assertEquals(" (95% interval covers 89% at r = 16)", IntervalCoverage.note(0.89, 16));
        assertEquals(" (95% interval covers 98% at r = 16)", IntervalCoverage.note(0.98, 8));
        assertEquals("", IntervalCoverage.note(0.89, 64));
        assertEquals("", IntervalCoverage.note(0.93, 16), "the band's ends are inside");
        assertEquals("", IntervalCoverage.note(0.97, 16));
    }

    @Test
    void theFindingsPrintIntervalsAndTheNoteOnlyBelowSixtyFourSamples() {
        QuadraticSource src = AuthorsQuadratic.source(200, 20, 10, 0.5, 1);
        MonitorResult few = new AlignmentMonitor(MonitorOptions.of(20, 16)).evaluate(src, 0, 0.003);
        String message = few.findings().get(0).message();
        Estimate star = few.main().etaStar();
        assertTrue(message.contains("eta* = " + star + IntervalCoverage.note("eta_star", 16)), message);
        assertTrue(star.toString().matches("\\S+ \\[\\S+, \\S+\\]"), star.toString());
        MonitorResult many = new AlignmentMonitor(MonitorOptions.of(20, 64)).evaluate(src, 0, 0.003);
        String calibrated = many.findings().get(0).message();
        assertTrue(calibrated.contains("eta* = " + many.main().etaStar() + ";"), calibrated);
        assertFalse(calibrated.contains("interval covers"), calibrated);
    }
}
