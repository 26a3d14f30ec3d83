package org.alignscope.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("reliability")
class WilsonIntervalTest {
    @Test
    void knownIntervals() {
        // 8 of 10 at 95 %: the textbook [0.4902, 0.9433]
        WilsonInterval w = WilsonInterval.of(8, 10);
        assertEquals(0.8, w.rate(), 0);
        assertEquals(0.49016247153664183, w.low(), 1e-12);
        assertEquals(0.9433178485456247, w.high(), 1e-12);
        // the ends do not collapse: 0 of 5 and 5 of 5
        assertEquals(0, WilsonInterval.of(0, 5).low(), 0);
        assertEquals(0.43448246478317476, WilsonInterval.of(0, 5).high(), 1e-12);
        assertEquals(0.5655175352168251, WilsonInterval.of(5, 5).low(), 1e-12);
        assertEquals(1, WilsonInterval.of(5, 5).high(), 0);
    }

    @Test
    void noTrialsIsTheWholeRangeAndBadCountsAreRefused() {
        WilsonInterval w = WilsonInterval.of(0, 0);
        assertTrue(Double.isNaN(w.rate()));
        assertEquals(0, w.low(), 0);
        assertEquals(1, w.high(), 0);
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(3, 2));
    }
}
