package org.alignscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArmProjectionTest {
    // basis: e1 and (e2 + e3)/√2 in R^4
    static Subspace sub() {
        double r = Math.sqrt(0.5);
        return new Subspace(new double[][] {{1, 0, 0, 0}, {0, r, r, 0}});
    }

    @Test
    void domBulkInterp() {
        double[] v = {1, 2, 0, 3};
        double[] d = v.clone();
        ArmProjection.of(ArmProjection.Kind.DOM, ArmProjection.Target.UPDATE).apply(sub(), d);
        assertArrayEquals(new double[] {1, 1, 1, 0}, d, 1e-15);
        double[] b = v.clone();
        ArmProjection.of(ArmProjection.Kind.BULK, ArmProjection.Target.UPDATE).apply(sub(), b);
        assertArrayEquals(new double[] {0, 1, -1, 3}, b, 1e-15);
        double[] m = v.clone();
        new ArmProjection(ArmProjection.Kind.INTERP, 0.5, 2, ArmProjection.Target.UPDATE).apply(sub(), m);
        for (int i = 0; i < 4; i++) {
            assertEquals(0.5 * d[i] + 2 * b[i], m[i], 1e-15);
        }
        double[] n = v.clone();
        ArmProjection.NONE.apply(sub(), n);
        assertArrayEquals(v, n, 0);
    }

    @Test
    void alignment() {
        // ‖P_D v‖² = 1 + 2 = 3 of ‖v‖² = 14
        assertEquals(3.0 / 14, sub().theta(new double[] {1, 2, 0, 3}), 1e-15);
        assertTrue(Double.isNaN(sub().theta(new double[4])));
    }

    @Test
    void projectingTheUpdateKeepsMomentumDisplacementInTheSubspace() {
        // heavy ball with an old buffer outside the subspace: only the update-projection keeps u in span(e1)
        Subspace s = new Subspace(new double[][] {{1, 0}});
        ArmProjection dom = ArmProjection.of(ArmProjection.Kind.DOM, ArmProjection.Target.UPDATE);
        Momentum a = new Momentum(0.9, false, 0);
        Momentum b = new Momentum(0.9, false, 0);
        double[] th = {0, 0};
        double[] u = new double[2];
        a.direction(th, new double[] {1, 1}, u, null);
        b.direction(th, new double[] {1, 1}, u, null);
        a.direction(th, new double[] {1, 1}, u, v -> dom.apply(s, v));
        assertEquals(0.9, u[1], 1e-15, "gradient projection: the old buffer leaks into the update");
        b.direction(th, new double[] {1, 1}, u, null);
        dom.apply(s, u);
        assertEquals(0, u[1], 0);
    }
}
