package org.alignscope.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.junit.jupiter.api.Test;

class SubspaceTrackerTest {

    /** The top-k eigenvectors by a dense decomposition. */
    private static double[][] denseTop(double[][] a, int k) {
        EigenDecompositionSymmetric ed = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(a));
        double[] ev = ed.getEigenvalues();
        Integer[] order = new Integer[ev.length];
        for (int i = 0; i < ev.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(ev[y], ev[x]));
        double[][] u = new double[k][];
        for (int i = 0; i < k; i++) {
            u[i] = ed.getEigenvector(order[i]).toArray();
        }
        return u;
    }

    @Test
    void tracksADriftingOperatorWithFewerApplicationsAndReportsTheDrift() {
        int n = 150;
        int k = 5;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = i < k ? 10 - i : Math.cos(i); // outliers over an indefinite bulk
        }
        double[][] a = TestMatrices.withSpectrum(s, 21);
        double[][] drift = TestMatrices.withSpectrum(s, 22);
        LanczosOptions o = LanczosOptions.of(k).withTolerance(1e-8).withWarmStart(WarmStart.SUM);
        SubspaceTracker tracker = new SubspaceTracker(o);
        double[][] previousExact = null;
        int warmTotal = 0;
        int coldTotal = 0;
        for (int t = 0; t < 4; t++) {
            double[][] at = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    at[i][j] = a[i][j] + 2e-3 * t * drift[i][j];
                }
            }
            SubspaceTracker.Step step = tracker.update(new DenseSymmetricOperator(at));
            assertEquals(t, step.index());
            assertTrue(step.result().allConverged());
            double[][] exact = denseTop(at, k);
            assertArrayEquals(new double[k], PrincipalAngles.between(exact, step.result().eigenvectors()), 1e-6);
            if (t == 0) {
                assertFalse(step.warmStarted());
                assertEquals(0, step.principalAngles().length);
            } else {
                assertTrue(step.warmStarted());
                assertArrayEquals(PrincipalAngles.between(previousExact, exact), step.principalAngles(), 1e-6);
                assertTrue(step.largestAngle() > 1e-4, "the subspace did move");
                int cold = Lanczos.largest(new DenseSymmetricOperator(at), o).operatorApplications();
                warmTotal += step.operatorApplications();
                coldTotal += cold;
            }
            previousExact = exact;
        }
        assertTrue(warmTotal < coldTotal, "warm " + warmTotal + " vs cold " + coldTotal);
        System.out.printf("tracker (n=%d, k=%d, tol=1e-8, 3 drift steps): cold %d, warm %d applications%n", n, k,
                coldTotal, warmTotal);
        assertEquals(4, tracker.steps());
        tracker.reset();
        assertFalse(tracker.update(new DenseSymmetricOperator(a)).warmStarted());
    }

    @Test
    void tracksTheMostNegativeEigenspaceToo() {
        double[] s = {-5, -4, -3, 1, 2, 0.5, 0.1, 0.2};
        double[][] a = TestMatrices.withSpectrum(s, 23);
        SubspaceTracker tracker = new SubspaceTracker(LanczosOptions.of(2), Which.SMALLEST);
        tracker.update(new DenseSymmetricOperator(a));
        SubspaceTracker.Step step = tracker.update(new DenseSymmetricOperator(a));
        assertArrayEquals(new double[] {-5, -4}, step.result().eigenvalues(), 1e-9);
        assertArrayEquals(new double[] {0, 0}, step.principalAngles(), 1e-6);
    }
}
