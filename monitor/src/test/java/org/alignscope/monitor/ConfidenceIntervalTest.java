package org.alignscope.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The Student-t and Wilson intervals against published values, and how an estimate prints its interval. */
@Tag("reliability")
class ConfidenceIntervalTest {
    @Test
    void studentTQuantilesMatchTheTables() {
        assertEquals(12.706, ConfidenceInterval.tQuantile(1), 5e-4);
        assertEquals(2.131, ConfidenceInterval.tQuantile(15), 5e-4);
        assertEquals(1.998, ConfidenceInterval.tQuantile(63), 5e-4);
        assertEquals(1.960, ConfidenceInterval.tQuantile(100_000), 5e-4, "the normal limit");
        assertThrows(IllegalArgumentException.class, () -> ConfidenceInterval.tQuantile(0));
    }

    @Test
    void anEstimateFromRSamplesHasTheTIntervalWithRMinusOneDegreesOfFreedom() {
        ConfidenceInterval ci = new Estimate(10, 1, 16).interval();
        assertEquals(10 - 2.1314, ci.lower(), 1e-4);
        assertEquals(10 + 2.1314, ci.upper(), 1e-4);
        assertTrue(ci.contains(12.1) && !ci.contains(12.2) && ci.contains(7.9) && !ci.contains(7.8));
        assertEquals("10.00 [7.869, 12.13]", new Estimate(10, 1, 16).toString());
        assertEquals("0.020973226 [0.020973205, 0.020973247]", new Estimate(0.020973226, 1e-8, 16).toString(),
                "a narrow interval gets the digits that tell its ends apart");
        assertEquals("10.00", Estimate.exact(10).toString(), "a noise-free value has no interval");
        assertEquals("inf", new Estimate(Double.POSITIVE_INFINITY, Double.NaN, 16).toString());
        assertEquals("n/a", new Estimate(Double.NaN, Double.NaN, 16).toString());
        assertFalse(new Estimate(10, Double.NaN, 16).interval().contains(10), "no interval contains nothing");
        assertTrue(Estimate.exact(10).interval().contains(10), "a noise-free value is its own interval");
    }

    @Test
    void wilsonIntervalsMatchPublishedValues() {
        ConfidenceInterval w = ConfidenceInterval.wilson(95, 100);
        assertEquals(0.8882, w.lower(), 1e-4);
        assertEquals(0.9785, w.upper(), 1e-4);
        ConfidenceInterval none = ConfidenceInterval.wilson(0, 10);
        assertEquals(0, none.lower());
        assertEquals(0.2775, none.upper(), 1e-4);
        assertThrows(IllegalArgumentException.class, () -> ConfidenceInterval.wilson(3, 2));
        ConfidenceInterval eight = ConfidenceInterval.wilson(8, 10);
        assertEquals(0.49016247153664183, eight.lower(), 1e-12);
        assertEquals(0.9433178485456247, eight.upper(), 1e-12);
        assertEquals(0.5655175352168251, ConfidenceInterval.wilson(5, 5).lower(), 1e-12);
        assertEquals(1, ConfidenceInterval.wilson(5, 5).upper(), 0);
        assertEquals(new ConfidenceInterval(0, 1), ConfidenceInterval.wilson(0, 0), "no trials: nothing is known");
    }
}
