package org.alignscope.spectral;

import java.util.Arrays;
import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.random.RandomStream;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/** Symmetric test matrices Q diag(λ) Qᵀ with a random orthogonal Q, and a counting wrapper. */
final class TestMatrices {
    private TestMatrices() {
    }

    /** Rows of a random orthogonal matrix (Gram–Schmidt of Gaussian vectors). */
    static double[][] randomOrthogonal(int n, long seed) {
        RandomStream r = RandomStream.of(seed, 99);
        double[][] g = new double[n][n];
        for (double[] row : g) {
            r.fillGaussian(row, 0, n);
        }
        return Vec.orthonormalRows(g);
    }

    /** Q diag(λ) Qᵀ where the eigenvector of λ_i is row i of {@code q}. */
    static double[][] withSpectrum(double[] lambda, double[][] q) {
        int n = lambda.length;
        double[][] a = new double[n][n];
        for (int k = 0; k < n; k++) {
            double[] u = q[k];
            double l = lambda[k];
            for (int i = 0; i < n; i++) {
                double li = l * u[i];
                double[] row = a[i];
                for (int j = 0; j < n; j++) {
                    row[j] += li * u[j];
                }
            }
        }
        for (int i = 0; i < n; i++) { // exact symmetry
            for (int j = 0; j < i; j++) {
                double m = 0.5 * (a[i][j] + a[j][i]);
                a[i][j] = m;
                a[j][i] = m;
            }
        }
        return a;
    }

    static double[][] withSpectrum(double[] lambda, long seed) {
        return withSpectrum(lambda, randomOrthogonal(lambda.length, seed));
    }

    /** Eigenvalues by Hipparchus' dense decomposition, descending. */
    static double[] denseEigenvalues(double[][] a) {
        double[] ev = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(a)).getEigenvalues().clone();
        Arrays.sort(ev);
        for (int i = 0; i < ev.length / 2; i++) {
            double t = ev[i];
            ev[i] = ev[ev.length - 1 - i];
            ev[ev.length - 1 - i] = t;
        }
        return ev;
    }

    /** An operator that counts its applications. */
    static final class Counting implements SymmetricOperator {
        final SymmetricOperator inner;
        int count;

        Counting(SymmetricOperator inner) {
            this.inner = inner;
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public void apply(double[] v, double[] out) {
            count++;
            inner.apply(v, out);
        }
    }

    /** ‖A v − λ v‖ computed directly. */
    static double residual(double[][] a, double lambda, double[] v) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double r = -lambda * v[i];
            for (int j = 0; j < v.length; j++) {
                r += a[i][j] * v[j];
            }
            s += r * r;
        }
        return Math.sqrt(s);
    }
}
