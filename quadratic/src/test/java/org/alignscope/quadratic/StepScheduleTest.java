package org.alignscope.quadratic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StepScheduleTest {

    @Test
    void eachFactoryScalesTheBaseStep() {
        StepSchedule c = StepSchedule.constant(0.1);
        assertTrue(c.isConstant());
        assertEquals(0.1, c.eta(1000));
        StepSchedule s = StepSchedule.stepDecay(0.1, 10, 0.5);
        assertEquals(0.1, s.eta(9));
        assertEquals(0.025, s.eta(20), 1e-15);
        assertFalse(s.isConstant());
        assertEquals(0.1, StepSchedule.cosine(0.1, 100).base());
        assertEquals(0.0, StepSchedule.cosine(0.1, 100).eta(200), 1e-15);
        assertEquals(0.05, StepSchedule.inverse(0.1, 5).eta(5), 1e-15);
    }

    @Test
    void contractViolationsNameTheArgumentNotAnOption() {
        String m = assertThrows(IllegalArgumentException.class, () -> StepSchedule.constant(0)).getMessage();
        assertEquals("step size: must be finite and > 0 (got 0.0)", m);
        assertFalse(assertThrows(IllegalArgumentException.class, () -> StepSchedule.cosine(0.1, 0)).getMessage()
                .contains("--"));
    }
}
