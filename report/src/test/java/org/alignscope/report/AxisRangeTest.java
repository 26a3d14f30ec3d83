package org.alignscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("reliability")
class AxisRangeTest {
    /** A finite range with min < max and at most 20 ticks inside it. */
    private static void assertDrawable(AxisRange r) {
        assertTrue(Double.isFinite(r.min()) && Double.isFinite(r.max()) && r.min() < r.max(), r.toString());
        List<Double> ticks = r.ticks();
        assertTrue(ticks.size() <= AxisRange.MAX_TICKS, ticks.size() + " ticks");
        for (double t : ticks) {
            double slack = 1e-9 * (r.max() - r.min());
            assertTrue(t >= r.min() - slack && t <= r.max() + slack, t + " in " + r);
        }
    }

    @Test
    void aDivergedLossOnALinearAxisIsClippedAndSaysSo() {
        double[] loss = {0.6, 0.58, 0.55, 0.61, 1e161};
        AxisRange r = AxisRange.of(false, loss);
        assertDrawable(r);
        assertEquals(1, r.clippedHigh());
        assertTrue(r.max() <= AxisRange.LINEAR_LIMIT);
        assertTrue(r.note().contains("1 value above"), r.note());
        assertEquals(r.max(), r.draw(1e161));
        assertEquals(0.6, r.draw(0.6));
    }

    @Test
    void aLossFromPointSixTo1e161OnALogAxisKeepsAtMostTwentyTicks() {
        double[] loss = new double[200];
        for (int i = 0; i < loss.length; i++) {
            loss[i] = 0.6 * Math.pow(10, 161.0 * i / (loss.length - 1));
        }
        AxisRange r = AxisRange.of(true, loss);
        assertDrawable(r);
        assertTrue(r.log10Values(), "161 decades are drawn as log10 of the values");
        assertEquals(0, r.clipped());
        assertEquals(Math.log10(loss[loss.length - 1]), r.draw(loss[loss.length - 1]), 1e-9);
    }

    @Test
    void aFewDecadesStayALogAxis() {
        AxisRange r = AxisRange.of(true, new double[] {1e-3, 1, 1e3});
        assertDrawable(r);
        assertTrue(r.logAxis());
        assertEquals("", r.note());
    }

    @Test
    void nonFiniteValuesAreDroppedAndCounted() {
        AxisRange r = AxisRange.of(false, new double[] {1, Double.NaN, 2, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 3});
        assertDrawable(r);
        assertEquals(3, r.dropped());
        assertFalse(r.drawable(Double.NaN));
        assertTrue(Double.isNaN(r.draw(Double.POSITIVE_INFINITY)));
        assertEquals(1, r.min());
        assertEquals(3, r.max());
        assertTrue(r.note().contains("3 non-finite values dropped"), r.note());
        AxisRange log = AxisRange.of(true, new double[] {0, -1, 10, 100});
        assertEquals(2, log.dropped());
        assertDrawable(log);
    }

    @Test
    void equalAllClippedOrNoValuesStillGiveARange() {
        assertDrawable(AxisRange.of(false, new double[] {4, 4, 4}));
        assertDrawable(AxisRange.of(false, new double[] {0, 0}));
        assertDrawable(AxisRange.of(true, new double[] {7, 7}));
        assertDrawable(AxisRange.of(false, new double[] {Double.NaN}));
        assertDrawable(AxisRange.of(true, new double[0]));
        AxisRange huge = AxisRange.of(false, new double[] {1e200, 2e200, -1e300});
        assertDrawable(huge);
        assertEquals(3, huge.clipped());
        assertDrawable(AxisRange.of(false, new double[] {1e20, 1e20 + 1e5}));
        assertDrawable(AxisRange.of(false, new double[] {-Double.MAX_VALUE, Double.MAX_VALUE}));
    }

    @Test
    void anOutlierFarBeyondTheBulkIsClippedOnALinearAxis() {
        double[] v = new double[100];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        v[50] = 5e7;
        AxisRange r = AxisRange.of(false, v);
        assertEquals(0, r.clipped(), "5e7 is within 1e6 bulk widths (about 92) of the bulk");
        v[50] = 1e12;
        assertEquals(1, AxisRange.of(false, v).clipped());
    }
}
