package org.alignscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmark runs and reports sane fields; nothing here asserts on wall-clock speed. */
class HvpBenchmarkTest {
    @Test
    void measuresAllThreeTimingsOnATinyNet() {
        HvpBenchmark.Result r = HvpBenchmark.measure("cnn:1x6x6:c2k3-tanh-max2-d3", 8, Loss.MSE, Precision.F32, 5, 0.0,
                2);
        assertEquals(2, r.threads());
        assertEquals(5, r.reps());
        assertEquals(Models.create(r.spec(), Loss.MSE, Precision.F32).parameterCount(), r.parameters());
        assertTrue(r.gradMs() > 0 && r.hvpMs() > 0 && r.operatorMs() > 0);
        assertTrue(Double.isFinite(r.hvpOverGrad()));
        assertFalse(r.backend().isEmpty());
        assertEquals(2.0, HvpBenchmark.median(new double[] {5, 1, 2}), 0.0);
        assertEquals(2.5, HvpBenchmark.median(new double[] {4, 1, 2, 3}), 0.0);
        assertThrows(IllegalArgumentException.class, () -> HvpBenchmark.main(new String[] {"--reps", "3"}));
    }
}
