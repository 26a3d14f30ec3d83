package org.alignscope.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alignscope.linalg.random.RandomStream;
import org.junit.jupiter.api.Test;

class PrincipalSubmatrixTest {
    private static final double[][] A = TestMatrices.withSpectrum(
            new double[] {9, 5, 4, 2, 1, 0.5, -0.25, -1, -3, -6}, 3);

    @Test
    void productIsTheSubmatrixProductForRangesInTheGivenOrder() {
        // S = {7, 8} then {1, 2, 3}: A[S, S] written out by hand from A
        int[] idx = {7, 8, 1, 2, 3};
        var block = new PrincipalSubmatrix(new DenseSymmetricOperator(A), new int[] {7, 1}, new int[] {2, 3});
        assertEquals(5, block.dimension());
        double[] v = new double[5];
        RandomStream.of(5, 1).fillGaussian(v, 0, 5);
        double[] out = new double[5];
        block.apply(v, out);
        for (int i = 0; i < 5; i++) {
            double s = 0;
            for (int j = 0; j < 5; j++) {
                s += A[idx[i]][idx[j]] * v[j];
            }
            assertEquals(s, out[i], 1e-14 * 10);
        }
    }

    @Test
    void lanczosOnABlockInterlacesAndBlockTracesAddUp() {
        var op = new DenseSymmetricOperator(A);
        var head = new PrincipalSubmatrix(op, new int[] {0}, new int[] {6});
        var tail = new PrincipalSubmatrix(op, new int[] {6}, new int[] {4});
        double[][] sub = new double[6][6];
        for (int i = 0; i < 6; i++) {
            System.arraycopy(A[i], 0, sub[i], 0, 6);
        }
        double[] exact = TestMatrices.denseEigenvalues(sub);
        EigenResult r = Lanczos.largest(head, new LanczosOptions(2, 1e-10, 100, 6, 1));
        assertArrayEquals(new double[] {exact[0], exact[1]}, r.eigenvalues(), 1e-9);
        double[] full = TestMatrices.denseEigenvalues(A);
        // Cauchy: λ_j(A) ≥ λ_j(A[S,S]) ≥ λ_{j+4}(A) with n − |S| = 4
        for (int j = 0; j < 2; j++) {
            assertTrue(full[j] >= r.eigenvalues()[j] - 1e-9 && r.eigenvalues()[j] >= full[j + 4] - 1e-9);
        }
        double traceA = 0;
        for (int i = 0; i < 10; i++) {
            traceA += A[i][i];
        }
        assertEquals(traceA, traceOf(head) + traceOf(tail), 1e-12);
    }

    private static double traceOf(PrincipalSubmatrix m) {
        double t = 0;
        double[] e = new double[m.dimension()];
        double[] out = new double[m.dimension()];
        for (int i = 0; i < e.length; i++) {
            e[i] = 1;
            m.apply(e, out);
            t += out[i];
            e[i] = 0;
        }
        return t;
    }

    @Test
    void rejectsBadRanges() {
        var op = new DenseSymmetricOperator(A);
        assertThrows(IllegalArgumentException.class, () -> new PrincipalSubmatrix(op, new int[] {8}, new int[] {3}));
        assertThrows(IllegalArgumentException.class, () -> new PrincipalSubmatrix(op, new int[] {0, 2}, new int[] {3, 2}));
        assertThrows(IllegalArgumentException.class, () -> new PrincipalSubmatrix(op, new int[] {0}, new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> new PrincipalSubmatrix(op, new int[] {}, new int[] {}));
    }
}
