package org.alignscope.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.Vectors;
import org.alignscope.linalg.random.RandomStream;
import org.junit.jupiter.api.Test;

class WarmEigenSolverTest {
    /** A = Q diag(λ) Qᵀ with a random orthogonal Q (Gram–Schmidt of Gaussians), λ of the authors' kind. */
    private static double[][] matrix(int n, long seed) {
        RandomStream r = RandomStream.of(seed, 7);
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                q[i][j] = r.nextGaussian();
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int l = 0; l < i; l++) {
                    double c = Vectors.dot(q[l], q[i]);
                    for (int j = 0; j < n; j++) {
                        q[i][j] -= c * q[l][j];
                    }
                }
            }
            double nr = Math.sqrt(Vectors.dot(q[i], q[i]));
            for (int j = 0; j < n; j++) {
                q[i][j] /= nr;
            }
        }
        double[][] a = new double[n][n];
        for (int l = 0; l < n; l++) {
            double lam = l < 15 ? 100 - 2 * l : 7.0 * (n - l) / n - 0.5;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] += lam * q[l][i] * q[l][j];
                }
            }
        }
        return a;
    }

    private static SymmetricOperator op(double[][] a) {
        return new SymmetricOperator() {
            @Override
            public int dimension() {
                return a.length;
            }

            @Override
            public void apply(double[] x, double[] out) {
                for (int i = 0; i < a.length; i++) {
                    out[i] = Vectors.dot(a[i], x);
                }
            }
        };
    }

    private static double trueResidual(double[][] a, double[] x, double lam) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Vectors.dot(a[i], x) - lam * x[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    @Test
    void warmStartFromANearbyOperatorNeedsFarFewerProductsForTheSameCertificate() {
        int n = 300;
        int m = 13;
        double tol = 1e-6;
        double[][] a = matrix(n, 1);
        EigenResult before = Lanczos.largest(op(a), LanczosOptions.of(m).withTolerance(1e-10));
        // the next point: A + εE with a random symmetric E, as after a training step (small against the tolerance:
        // the regime the warm start is for; a perturbation of the tolerance's size needs block steps of m products)
        RandomStream r = RandomStream.of(2, 7);
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double e = 1e-7 * r.nextGaussian();
                b[i][j] = a[i][j] + e;
                b[j][i] = a[j][i] + e;
            }
        }
        EigenResult cold = Lanczos.largest(op(b), LanczosOptions.of(m).withTolerance(tol));
        EigenResult warm = WarmEigenSolver.solve(op(b), m, tol, 1000, before.eigenvectors(), 3);
        System.out.println("HVPs: cold Lanczos " + cold.operatorApplications() + ", warm Ritz " + warm.operatorApplications());
        assertTrue(warm.allConverged(), warm.toString());
        assertTrue(warm.operatorApplications() < cold.operatorApplications() / 2,
                "warm " + warm.operatorApplications() + " vs cold " + cold.operatorApplications());
        for (int i = 0; i < m; i++) {
            assertEquals(cold.eigenvalues()[i], warm.eigenvalues()[i], 2 * tol * cold.eigenvalues()[0], "lambda_" + (i + 1));
            double res = trueResidual(b, warm.eigenvectors()[i], warm.eigenvalues()[i]);
            assertEquals(res, warm.residuals()[i], 1e-12 * cold.eigenvalues()[0], "the reported residual is the true one");
            assertTrue(res <= tol * warm.eigenvalues()[0]);
            assertEquals(1.0, Math.sqrt(Vectors.dot(warm.eigenvectors()[i], warm.eigenvectors()[i])), 1e-12);
        }
    }

    @Test
    void exactEigenvectorsCostOneProductEachAndFewStartVectorsAreCompleted() {
        int n = 200;
        double[][] a = matrix(n, 4);
        EigenResult ref = Lanczos.largest(op(a), LanczosOptions.of(8).withTolerance(1e-12));
        EigenResult same = WarmEigenSolver.solve(op(a), 8, 1e-9, 500, ref.eigenvectors(), 1);
        assertEquals(8, same.operatorApplications());
        assertTrue(same.allConverged());
        // three start vectors for eight pairs: the rest are random and the expansion finds them
        double[][] three = {ref.eigenvectors()[0], ref.eigenvectors()[1], ref.eigenvectors()[2]};
        EigenResult completed = WarmEigenSolver.solve(op(a), 8, 1e-9, 2000, three, 1);
        assertTrue(completed.allConverged(), completed.toString());
        for (int i = 0; i < 8; i++) {
            assertEquals(ref.eigenvalues()[i], completed.eigenvalues()[i], 1e-8 * ref.eigenvalues()[0]);
        }
    }

    @Test
    void aSpentBudgetReportsUnconvergedPairs() {
        double[][] a = matrix(200, 5);
        RandomStream r = RandomStream.of(9, 9);
        double[][] start = new double[6][200];
        for (double[] x : start) {
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextGaussian();
            }
        }
        EigenResult e = WarmEigenSolver.solve(op(a), 6, 1e-10, 12, start, 1);
        assertTrue(e.operatorApplications() <= 12);
        assertFalse(e.allConverged());
        for (int i = 0; i < 6; i++) {
            assertEquals(trueResidual(a, e.eigenvectors()[i], e.eigenvalues()[i]), e.residuals()[i], 1e-10);
        }
        assertThrows(IllegalArgumentException.class, () -> WarmEigenSolver.solve(op(a), 6, 1e-10, 5, start, 1));
    }
}
