package org.alignscope.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a training run needs of the listener a user's loop gets: skipped steps, unevaluable states, warm starts. */
class TrainingMonitorTest {
    @Test
    void aZeroStepIsSkippedAndANonFiniteStateIsReportedNotThrown() {
        QuadraticSource src = AuthorsQuadratic.source(60, 6, 10, 0.5, 3);
        List<TrainingMonitor.NotEvaluated> missed = new ArrayList<>();
        List<MonitorRow> rows = new ArrayList<>();
        try (TrainingMonitor tm = new TrainingMonitor(src, MonitorOptions.of(6, 8), MonitorSchedule.every(1), null)) {
            tm.onNotEvaluated(missed::add).onRow(rows::add);
            tm.beforeStep(0, 0.0);
            assertNull(tm.pending(), "η = 0 (a warm-up's first step) is not evaluated");
            tm.afterStep(0);
            Arrays.fill(src.state(), Double.NaN);
            tm.beforeStep(1, 0.01);
            tm.afterStep(1);
        }
        assertTrue(rows.isEmpty());
        assertEquals(1, missed.size());
        assertEquals(1, missed.get(0).step());
        assertEquals(FindingCode.NOT_EVALUATED, missed.get(0).finding().code());
    }

    @Test
    void anUnmeasuredStepLeavesTheRealisedChangeUndefined() {
        QuadraticSource src = AuthorsQuadratic.source(60, 6, 10, 0.5, 3);
        List<MonitorRow> rows = new ArrayList<>();
        try (TrainingMonitor tm = new TrainingMonitor(src, MonitorOptions.of(6, 8), MonitorSchedule.every(1), null)) {
            tm.onRow(rows::add);
            tm.beforeStep(0, 0.01);
            assertNotNull(tm.pending());
            tm.afterStep(0, false);
        }
        assertTrue(Double.isNaN(rows.get(0).dlossReal()));
    }

    /**
     * A monitor restored from another's eigenvectors (a checkpoint) solves for the same eigenpairs, bit for bit, as the
     * original goes on to (the noise terms depend on the source's own sampler, not on the monitor).
     */
    @Test
    void theWarmStartCarriesOverToARestoredMonitor() {
        QuadraticSource src = AuthorsQuadratic.source(80, 8, 10, 0.5, 5);
        MonitorOptions o = MonitorOptions.of(8, 8);
        TrainingMonitor original = new TrainingMonitor(src, o, MonitorSchedule.every(1), null);
        original.evaluate(0, 0.01);
        TrainingMonitor restored = new TrainingMonitor(src, o, MonitorSchedule.every(1), null);
        restored.warmStart(original.eigenvectors());
        MonitorResult a = original.evaluate(1, 0.01);
        MonitorResult b = restored.evaluate(1, 0.01);
        assertArrayEquals(a.eigen().values(), b.eigen().values());
        assertArrayEquals(a.eigen().residuals(), b.eigen().residuals());
        assertEquals(a.eigen().applications(), b.eigen().applications());
        assertTrue(Arrays.deepEquals(original.eigenvectors(), restored.eigenvectors()));
    }
}
