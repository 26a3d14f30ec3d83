package org.alignscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Every optimizer against steps computed by hand on a 2-dimensional example. */
class OptimizerTest {
    static final double TOL = 1e-15;
    final double[] theta = {1.0, -2.0};
    final double[] g1 = {0.5, 1.0};
    final double[] g2 = {-1.0, 2.0};

    static double[] dir(Optimizer o, double[] theta, double[] g) {
        double[] u = new double[g.length];
        o.direction(theta, g, u, null);
        return u;
    }

    @Test
    void sgdIsTheGradientPlusCoupledDecay() {
        assertArrayEquals(g1, dir(new Sgd(0), theta, g1), TOL);
        // u = g + λθ = (0.5 + 0.1, 1.0 − 0.2)
        assertArrayEquals(new double[] {0.6, 0.8}, dir(new Sgd(0.1), theta, g1), TOL);
    }

    @Test
    void heavyBallAndNesterov() {
        Optimizer hb = new Momentum(0.9, false, 0);
        assertArrayEquals(g1, dir(hb, theta, g1), TOL);                    // b1 = g1
        // b2 = 0.9 b1 + g2 = (0.45 − 1, 0.9 + 2)
        assertArrayEquals(new double[] {-0.55, 2.9}, dir(hb, theta, g2), TOL);
        Optimizer nv = new Momentum(0.9, true, 0);
        // b1 = g1, u1 = g1 + 0.9 b1 = 1.9 g1
        assertArrayEquals(new double[] {0.95, 1.9}, dir(nv, theta, g1), TOL);
        // b2 = (−0.55, 2.9), u2 = g2 + 0.9 b2 = (−1.495, 4.61)
        assertArrayEquals(new double[] {-1 - 0.9 * 0.55, 2 + 0.9 * 2.9}, dir(nv, theta, g2), TOL);
    }

    @Test
    void adamFirstStepIsSignLikeAndSecondStepByHand() {
        Optimizer a = new Adam(0.9, 0.999, 1e-8, 0, false);
        double[] u1 = dir(a, theta, g1);
        // m̂ = g, v̂ = g²: u = g / (|g| + ε)
        assertEquals(0.5 / (0.5 + 1e-8), u1[0], TOL);
        assertEquals(1.0 / (1.0 + 1e-8), u1[1], TOL);
        double[] u2 = dir(a, theta, g2);
        for (int i = 0; i < 2; i++) {
            double m = 0.9 * 0.1 * g1[i] + 0.1 * g2[i];
            double v = 0.999 * 0.001 * g1[i] * g1[i] + 0.001 * g2[i] * g2[i];
            double mh = m / (1 - 0.81);
            double vh = v / (1 - 0.999 * 0.999);
            assertEquals(mh / (Math.sqrt(vh) + 1e-8), u2[i], 1e-14);
        }
    }

    @Test
    void adamCouplesAndAdamWDecouplesTheDecay() {
        double wd = 0.1;
        double[] ua = dir(new Adam(0.9, 0.999, 1e-8, wd, false), theta, g1);
        double[] uw = dir(new Adam(0.9, 0.999, 1e-8, wd, true), theta, g1);
        for (int i = 0; i < 2; i++) {
            double ge = g1[i] + wd * theta[i];
            assertEquals(ge / (Math.abs(ge) + 1e-8), ua[i], TOL);
            assertEquals(g1[i] / (Math.abs(g1[i]) + 1e-8) + wd * theta[i], uw[i], TOL);
        }
    }

    @Test
    void rmsprop() {
        Optimizer r = new RmsProp(0.99, 1e-8, 0);
        double[] u1 = dir(r, theta, g1);
        assertEquals(0.5 / (Math.sqrt(0.01 * 0.25) + 1e-8), u1[0], 1e-13);
        double[] u2 = dir(r, theta, g2);
        double v = 0.99 * 0.01 * 1.0 + 0.01 * 4.0;
        assertEquals(2.0 / (Math.sqrt(v) + 1e-8), u2[1], 1e-13);
    }

    @Test
    void gradientProjectorActsBeforeTheState() {
        Optimizer hb = new Momentum(0.5, false, 0);
        double[] u = new double[2];
        hb.direction(theta, g1, u, v -> v[1] = 0);
        assertArrayEquals(new double[] {0.5, 0}, u, TOL);
        assertArrayEquals(new double[] {0.5, 0}, hb.state().get("momentum_buffer"), TOL);
        assertArrayEquals(new double[] {0.5, 1.0}, g1, 0, "the caller's gradient is untouched");
    }

    @Test
    void copyIsIndependentAndContinuesIdentically() {
        for (Optimizer o : new Optimizer[] {new Sgd(0.01), new Momentum(0.9, false, 0.01),
            new Momentum(0.9, true, 0), new Adam(0.9, 0.99, 1e-8, 0.01, false), new Adam(0.9, 0.99, 1e-8, 0.01, true),
            new RmsProp(0.9, 1e-8, 0.01)}) {
            dir(o, theta, g1);
            Optimizer c = o.copy();
            assertEquals(o.steps(), c.steps());
            for (var e : o.state().entrySet()) {
                assertNotSame(e.getValue(), c.state().get(e.getKey()));
            }
            assertArrayEquals(dir(o, theta, g2), dir(c, theta, g2), 0, o.name());
        }
    }

    @Test
    void factoryAndValidation() {
        for (String n : OptimizerConfig.NAMES) {
            OptimizerConfig c = new OptimizerConfig(n, 0.1, 0.9, 0.9, 0.999, 1e-8, 0.99, 0, LrMultiplier.constant());
            assertEquals(n, Optimizer.create(c).name());
        }
        assertThrows(IllegalArgumentException.class, () -> new Momentum(1.0, false, 0));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(-1));
    }

    @Test
    void schedules() {
        assertEquals(1, LrMultiplier.constant().factor(12345), 0);
        LrMultiplier step = new LrMultiplier(LrMultiplier.Kind.STEP, 10, 0.5, 1, 0, 0);
        assertEquals(1, step.factor(9), 0);
        assertEquals(0.5, step.factor(10), 0);
        assertEquals(0.25, step.factor(25), 0);
        LrMultiplier cos = new LrMultiplier(LrMultiplier.Kind.COSINE, 1, 1, 100, 0.1, 0);
        assertEquals(1, cos.factor(0), TOL);
        assertEquals(0.1 + 0.9 * 0.5, cos.factor(50), 1e-15);
        assertEquals(0.1, cos.factor(100), 1e-15);
        assertEquals(0.1, cos.factor(1000), 1e-15);
        LrMultiplier warm = new LrMultiplier(LrMultiplier.Kind.CONSTANT, 1, 1, 1, 0, 4);
        assertEquals(0.25, warm.factor(0), 0);
        assertEquals(1.0, warm.factor(3), 0);
        assertEquals(1.0, warm.factor(4), 0);
        OptimizerConfig c = new OptimizerConfig("sgd", 0.2, 0, 0, 0, 1e-8, 0, 0, step);
        assertEquals(0.1, c.learningRate(10), TOL);
    }
}
