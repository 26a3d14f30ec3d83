package org.alignscope.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PrincipalAnglesTest {

    private static double[] e(int n, int i) {
        double[] v = new double[n];
        v[i] = 1;
        return v;
    }

    private static double[] comb(double a, double[] x, double b, double[] y) {
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = a * x[i] + b * y[i];
        }
        return r;
    }

    @Test
    void coordinatePlanes() {
        for (double theta : new double[] {0.3, 1e-9, 1e-4, Math.PI / 2 - 1e-9, 1.2}) {
            double[][] u = {e(4, 0), e(4, 1)};
            double[][] v = {e(4, 0), comb(Math.cos(theta), e(4, 1), Math.sin(theta), e(4, 2))};
            double[] a = PrincipalAngles.between(u, v);
            assertEquals(0.0, a[0], 1e-15);
            assertEquals(theta, a[1], 1e-15 + 1e-12 * theta, "theta " + theta);
        }
    }

    @Test
    void knownAnglesInARandomBasisAreIndependentOfTheBasisChosen() {
        int n = 50;
        double[][] q = TestMatrices.randomOrthogonal(n, 3);
        double[] theta = {1e-7, 0.25, 0.8, Math.PI / 2};
        double[][] u = new double[4][];
        double[][] v = new double[4][];
        for (int i = 0; i < 4; i++) {
            u[i] = q[i];
            v[i] = comb(Math.cos(theta[i]), q[i], Math.sin(theta[i]), q[10 + i]);
        }
        assertArrayEquals(theta, PrincipalAngles.between(u, v), 1e-12);
        assertArrayEquals(theta, PrincipalAngles.between(v, u), 1e-12);
        // another (non-orthonormal) basis of the same V
        double[][] mixed = {comb(1, v[0], 2, v[1]), comb(1, v[1], -1, v[2]), comb(0.5, v[2], 3, v[3]),
            comb(1, v[3], 1, v[0])};
        assertArrayEquals(theta, PrincipalAngles.between(u, mixed), 1e-10);
        assertEquals(Math.PI / 2, PrincipalAngles.largest(u, v), 1e-12);
    }

    @Test
    void subspacesOfDifferentDimension() {
        double[][] u = {e(5, 0), e(5, 1), e(5, 2)};
        double[][] v = {comb(Math.cos(0.4), e(5, 1), Math.sin(0.4), e(5, 4))};
        assertArrayEquals(new double[] {0.4}, PrincipalAngles.between(u, v), 1e-14);
        assertArrayEquals(new double[] {0.4}, PrincipalAngles.between(v, u), 1e-14);
        double[][] same = {comb(1, e(5, 0), 1, e(5, 1)), e(5, 2), e(5, 0)};
        assertArrayEquals(new double[] {0, 0, 0}, PrincipalAngles.between(u, same), 1e-15);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> PrincipalAngles.between(new double[0][], new double[][] {e(3, 0)}));
        assertThrows(IllegalArgumentException.class, () -> PrincipalAngles.between(new double[][] {e(3, 0), e(3, 0)},
                new double[][] {e(3, 1)}));
        assertThrows(IllegalArgumentException.class, () -> PrincipalAngles.between(new double[][] {e(3, 0)},
                new double[][] {e(4, 1)}));
    }
}
