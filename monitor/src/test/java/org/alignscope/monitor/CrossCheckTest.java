package org.alignscope.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CrossCheckTest {
    @Test
    void generalPathMatchesTheIssueSettings() {
        QuadraticSource src = QuadraticSource.authors(200, 20, 10, 0.5, 1);
        AlignmentMonitor monitor = new AlignmentMonitor(MonitorOptions.of(20, 4000).withLanczosTolerance(1e-10));
        long t0 = System.nanoTime();
        CrossCheck cc = CrossCheck.run(src, monitor, 0.003);
        System.out.println("cross-check " + (System.nanoTime() - t0) / 1e6 + " ms");
        for (CrossCheck.Row r : cc.rows()) {
            System.out.println(r + " rel=" + r.relError());
        }
        System.out.println(cc.result().eigen().maxRelativeResidual() + " " + cc.result().findings());
        assertEquals(15, cc.rows().size());
        assertTrue(cc.passes(), () -> String.join("\n", cc.failures()));
    }
}
