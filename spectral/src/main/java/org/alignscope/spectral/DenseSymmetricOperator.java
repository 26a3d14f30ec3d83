package org.alignscope.spectral;

import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.Vectors;

/**
 * An explicit symmetric matrix as a {@link SymmetricOperator} (for small problems, tests and cross-checks).
 * The matrix is copied; symmetry is checked to a relative 1e-12.
 */
public final class DenseSymmetricOperator implements SymmetricOperator {
    private final double[][] a;

    public DenseSymmetricOperator(double[][] matrix) {
        int n = matrix.length;
        double maxAbs = 0;
        a = new double[n][];
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) {
                throw new IllegalArgumentException("row " + i + " has length " + matrix[i].length + ", expected " + n);
            }
            a[i] = matrix[i].clone();
            for (double x : a[i]) {
                maxAbs = Math.max(maxAbs, Math.abs(x));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(a[i][j] - a[j][i]) > 1e-12 * maxAbs) {
                    throw new IllegalArgumentException("matrix is not symmetric at (" + i + ", " + j + ")");
                }
            }
        }
    }

    @Override
    public int dimension() {
        return a.length;
    }

    @Override
    public void apply(double[] v, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = Vectors.dot(a[i], v);
        }
    }

    /** A copy of the matrix. */
    public double[][] toArray() {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
