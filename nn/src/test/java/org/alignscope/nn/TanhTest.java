package org.alignscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alignscope.linalg.random.RandomStream;
import org.junit.jupiter.api.Test;

class TanhTest {
    @Test
    void withinFourUlpOfMathTanhOverEveryScale() {
        RandomStream r = RandomStream.of(11, 3);
        double worst = 0;
        for (int i = 0; i < 400_000; i++) {
            // |x| log-uniform over [1e-12, 40] and both signs: the small branch, the switch at 1, saturation
            double x = Math.copySign(Math.pow(10, -12 + 13.6 * r.nextDouble()), r.nextDouble() - 0.5);
            double ref = Math.tanh(x);
            double ulps = Math.abs(Ops.tanh(x) - ref) / Math.ulp(ref);
            worst = Math.max(worst, ulps);
        }
        for (int i = 0; i < 200_000; i++) {
            // uniform over [-1.2, 1.2]: the whole rational branch and the switch at 1 densely
            double x = 2.4 * r.nextDouble() - 1.2;
            double ref = Math.tanh(x);
            worst = Math.max(worst, Math.abs(Ops.tanh(x) - ref) / Math.ulp(ref));
        }
        assertTrue(worst <= 4, "worst error " + worst + " ulp");
        for (double x : new double[] {Ops.TANH_SWITCH, Math.nextDown(Ops.TANH_SWITCH), -Ops.TANH_SWITCH, 1e-300,
            Double.MIN_VALUE, 19.0, 20.0, 400}) {
            assertTrue(Math.abs(Ops.tanh(x) - Math.tanh(x)) <= 4 * Math.ulp(Math.tanh(x)), "x = " + x);
        }
    }

    @Test
    void specialValues() {
        assertEquals(0.0, Ops.tanh(0.0));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Ops.tanh(-0.0)));
        assertEquals(1.0, Ops.tanh(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, Ops.tanh(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(Ops.tanh(Double.NaN)));
        assertEquals(Ops.tanh(0.3), -Ops.tanh(-0.3));
    }
}
