package org.alignscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.Vectors;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On tiny nets, the dense Hessian (and Gauss–Newton matrix) built column by column from products: symmetric,
 * its eigenpairs (Hipparchus) are eigenpairs of the operator (Rayleigh quotients and residuals), and G is PSD.
 */
class DenseHessianTest {
    private static double maxAbs(double[][] m) {
        double s = 0;
        for (double[] row : m) {
            for (double x : row) {
                s = Math.max(s, Math.abs(x));
            }
        }
        return s;
    }

    private static double asymmetry(double[][] m) {
        double s = 0;
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < i; j++) {
                s = Math.max(s, Math.abs(m[i][j] - m[j][i]));
            }
        }
        return s;
    }

    private static EigenDecompositionSymmetric eig(double[][] m) {
        int d = m.length;
        double[][] s = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                s[i][j] = 0.5 * (m[i][j] + m[j][i]);
            }
        }
        RealMatrix rm = new Array2DRowRealMatrix(s, false);
        return new EigenDecompositionSymmetric(rm);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp:4-5-3:tanh|ce", "mlp:4-5-3:gelu|mse", "cnn:1x5x5:c2k3p1-tanh-max2-d3|ce",
        "cnn:1x5x5:c2k2s1-relu-avg2-d3|mse"})
    void denseHessianIsSymmetricAndItsEigenpairsAreOperatorEigenpairs(String c) {
        Network m = Fixtures.net(c, Precision.F64);
        Batch b = Fixtures.batch(m, 6, 31);
        SymmetricOperator h = m.hessian(b);
        double[][] dense = Fixtures.dense(h);
        double scale = maxAbs(dense);
        assertTrue(asymmetry(dense) <= 1e-14 * scale, c + ": ‖H − Hᵀ‖max = " + asymmetry(dense));
        EigenDecompositionSymmetric e = eig(dense);
        double[] lambda = e.getEigenvalues();
        assertTrue(lambda[0] > 0 && lambda[lambda.length - 1] < 0, c + ": this Hessian is indefinite");
        int d = dense.length;
        double[] hz = new double[d];
        for (int i = 0; i < d; i++) {
            double[] z = e.getEigenvector(i).toArray();
            m.hvp(b, z, hz); // the live hvp, not the cached operator the matrix came from
            double rayleigh = Vectors.dot(z, hz) / Vectors.dot(z, z);
            assertEquals(lambda[i], rayleigh, 1e-12 * Math.abs(lambda[0]), c + " eigenvalue " + i);
            double res = 0;
            for (int j = 0; j < d; j++) {
                res += (hz[j] - lambda[i] * z[j]) * (hz[j] - lambda[i] * z[j]);
            }
            assertTrue(Math.sqrt(res) <= 1e-11 * Math.abs(lambda[0]), c + " residual " + Math.sqrt(res));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp:4-5-3:tanh|ce", "mlp:4-5-3:tanh|mse", "mlp:4-3-3:linear|mse",
        "cnn:1x5x5:c2k3p1-gelu-max2-d3|ce", "cnn:1x5x5:c2k2s1-relu-avg2-d3|mse"})
    void gaussNewtonIsSymmetricPositiveSemidefiniteAndDiffersFromTheHessian(String c) {
        Network m = Fixtures.net(c, Precision.F64);
        Batch b = Fixtures.batch(m, 6, 32);
        double[][] g = Fixtures.dense(m.gaussNewton(b));
        double scale = maxAbs(g);
        assertTrue(asymmetry(g) <= 1e-14 * scale, c + ": ‖G − Gᵀ‖max");
        double[] lambda = eig(g).getEigenvalues();
        assertTrue(lambda[0] > 0);
        for (double l : lambda) {
            assertTrue(l >= -1e-13 * lambda[0], c + ": GGN eigenvalue " + l + " < 0");
        }
        double[][] h = Fixtures.dense(m.hessian(b));
        double diff = 0;
        for (int i = 0; i < h.length; i++) {
            for (int j = 0; j < h.length; j++) {
                diff = Math.max(diff, Math.abs(h[i][j] - g[i][j]));
            }
        }
        assertTrue(diff > 1e-6 * scale, c + ": a nonlinear-in-θ model's Hessian is not its GGN");
    }
}
