package org.alignscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private long now;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private ProgressBar bar(boolean terminal) {
        return new ProgressBar("quad run", "steps", new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal, () -> now);
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theBarShowsPercentRateAndEta() {
        assertEquals("quad run [##########..............]  42%  1.05k steps/s  ETA 0:01",
                ProgressBar.bar("quad run", 420, 1000, 0.4, "steps"));
        assertEquals("sweep [########################] 100%  2.00 cells/s  ETA 0:00", ProgressBar.bar("sweep", 6, 6, 3, "cells"));
        assertEquals("sweep [........................]   0%  0.00 cells/s  ETA ?", ProgressBar.bar("sweep", 0, 6, 0, "cells"));
        assertEquals("1:05:00", ProgressBar.eta(1, 66, 60));
        assertEquals("2:30", ProgressBar.eta(10, 20, 150));
        assertEquals("950", ProgressBar.compact(950));
        assertEquals("1.00k", ProgressBar.compact(999.6));
        assertEquals("12.5M", ProgressBar.compact(12.5e6));
        assertEquals("0.25", ProgressBar.compact(0.25));
    }

    @Test
    void plainModePrintsALineEveryFivePercentOrTenSecondsAndOneAtTheEnd() {
        ProgressBar p = bar(false);
        for (int done = 0; done <= 1000; done++) {
            p.report(done, 1000);
            now += 1_000_000L; // 1 ms per unit: 1,000 units per second
        }
        p.report(1000, 1000);
        List<String> lines = output().lines().toList();
        assertEquals(21, lines.size(), output());
        assertEquals("quad run: 0% (0/1000 steps, 0.00 steps/s, ETA ?)", lines.get(0));
        assertEquals("quad run: 5% (50/1000 steps, 1.00k steps/s, ETA 0:01)", lines.get(1));
        assertEquals("quad run: 100% (1000/1000 steps, 1.00k steps/s, ETA 0:00)", lines.get(20));
        assertTrue(!output().contains("\r"));
    }

    @Test
    void plainModeAlsoPrintsAfterTenSecondsOfSlowProgress() {
        ProgressBar p = bar(false);
        p.report(0, 10_000);
        now += 11_000_000_000L;
        p.report(1, 10_000);
        now += 1_000_000_000L;
        p.report(2, 10_000);
        assertEquals(2, output().lines().count(), output());
        assertTrue(output().lines().toList().get(1).startsWith("quad run: 0% (1/10000 steps, 0.09 steps/s, ETA 30:"), output());
    }

    @Test
    void terminalModeRedrawsInPlaceAtMostEveryTenthOfASecondAndEndsTheLine() {
        ProgressBar p = bar(true);
        p.report(0, 100);
        for (int done = 1; done <= 100; done++) {
            now += 10_000_000L; // 10 ms per unit
            p.report(done, 100);
        }
        String out = output();
        assertEquals(10, out.chars().filter(c -> c == '\r').count(), out);
        assertTrue(out.endsWith("\rquad run [########################] 100%  100 steps/s  ETA 0:00\n"), out);
        assertEquals(1, out.chars().filter(c -> c == '\n').count(), "one newline, at the end");
    }

    @Test
    void aMessageReplacesTheBarOnATerminalAndIsAPlainLineOtherwise() {
        ProgressBar p = bar(true);
        p.report(0, 10);
        now += 200_000_000L;
        p.report(5, 10);
        p.message("arm dom diverged");
        String out = output();
        assertTrue(out.endsWith("\rarm dom diverged" + " ".repeat(ProgressBar.bar("quad run", 5, 10, 0.2, "steps").length() - 16)
                + "\n\r" + ProgressBar.bar("quad run", 5, 10, 0.2, "steps")), out);
        bytes.reset();
        ProgressBar plain = bar(false);
        plain.message("seed 1: switch at step 100");
        assertEquals("seed 1: switch at step 100\n", output());
    }
}
