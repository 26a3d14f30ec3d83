package org.alignscope.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SampleMeanTest {
    @Test
    void meanAndStandardErrorOfKnownSamples() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sum of squared deviations 32, s² = 32/7, SE = √(32/7/8) = √(4/7)
        SampleMean m = SampleMean.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9});
        assertEquals(5.0, m.mean(), 0);
        assertEquals(Math.sqrt(4.0 / 7.0), m.standardError(), 1e-15);
    }

    @Test
    void aLargeOffsetDoesNotCostTheVarianceItsDigits() {
        SampleMean m = SampleMean.of(new double[] {1e9 + 1, 1e9 + 2, 1e9 + 3});
        assertEquals(1e9 + 2, m.mean(), 0);
        assertEquals(Math.sqrt(1.0 / 3.0), m.standardError(), 1e-12);
    }
}
