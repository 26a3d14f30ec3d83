package org.alignscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alignscope.linalg.Vectors;
import org.junit.jupiter.api.Test;

/**
 * The least-squares model is a quadratic: its Hessian is block diagonal with X̃ᵀX̃/n per output and equals
 * the GGN; the general network engine agrees with it on {@code mlp:D-K} with MSE.
 */
class LinearLeastSquaresTest {
    private static final int D = 4;
    private static final int K = 3;

    /** The expected Hessian: entry ((o, i), (o', j)) = δ_oo' Σ_s x̃_si x̃_sj / n, with x̃ = (x, 1). */
    private static double[][] expected(Batch b) {
        int p = K * D + K;
        double[][] h = new double[p][p];
        for (int o = 0; o < K; o++) {
            for (int i = 0; i <= D; i++) {
                for (int j = 0; j <= D; j++) {
                    double s = 0;
                    for (int t = 0; t < b.n(); t++) {
                        double xi = i == D ? 1 : b.x()[t * D + i];
                        double xj = j == D ? 1 : b.x()[t * D + j];
                        s += xi * xj;
                    }
                    int a = i == D ? K * D + o : o * D + i;
                    int c = j == D ? K * D + o : o * D + j;
                    h[a][c] = s / b.n();
                }
            }
        }
        return h;
    }

    private static void assertMatrixEquals(double[][] want, double[][] got, double tol, String what) {
        for (int i = 0; i < want.length; i++) {
            for (int j = 0; j < want.length; j++) {
                assertEquals(want[i][j], got[i][j], tol, what + " [" + i + "," + j + "]");
            }
        }
    }

    @Test
    void hessianIsBlockDiagonalGramPerOutputAndEqualsGaussNewton() {
        Model lls = Models.create("lls:" + D + "-" + K, Loss.MSE, Precision.F64, 3, 1.0);
        Batch b = Fixtures.batch(lls, 7, 41);
        double[][] want = expected(b);
        assertMatrixEquals(want, Fixtures.dense(lls.hessian(b)), 1e-13, "lls H");
        assertMatrixEquals(want, Fixtures.dense(lls.gaussNewton(b)), 1e-13, "lls GGN");
        Model net = Models.create("mlp:" + D + "-" + K, Loss.MSE, Precision.F64, 3, 1.0);
        assertMatrixEquals(want, Fixtures.dense(net.hessian(b)), 1e-13, "network H");
        assertMatrixEquals(want, Fixtures.dense(net.gaussNewton(b)), 1e-13, "network GGN");
        // a cross-entropy linear model is not a quadratic: its Hessian differs (the test can tell)
        Model ce = Models.create("mlp:" + D + "-" + K, Loss.CROSS_ENTROPY, Precision.F64, 3, 1.0);
        assertTrue(Math.abs(Fixtures.dense(ce.hessian(b))[0][0] - want[0][0]) > 1e-3);
    }

    @Test
    void agreesWithTheNetworkEngineOnLossGradientAndHvp() {
        Model lls = Models.create("lls:" + D + "-" + K, Loss.MSE, Precision.F64, 5, 2.0);
        Model net = Models.create("mlp:" + D + "-" + K, Loss.MSE, Precision.F64, 5, 2.0);
        assertEquals(lls.tensors(), net.tensors());
        assertTrue(java.util.Arrays.equals(lls.parameters(), net.parameters()), "same init stream and layout");
        Batch b = Fixtures.batch(lls, 9, 42);
        int p = lls.parameterCount();
        double[] g1 = new double[p];
        double[] g2 = new double[p];
        assertEquals(net.gradient(b, g2), lls.gradient(b, g1), 1e-14);
        assertTrue(Fixtures.relErr(g1, g2) < 1e-14);
        double[] v = Fixtures.gaussian(p, 43);
        lls.hvp(b, v, g1);
        net.hvp(b, v, g2);
        assertTrue(Fixtures.relErr(g1, g2) < 1e-14);
        assertTrue(Fixtures.relErr(lls.outputs(b), net.outputs(b)) < 1e-14);
    }

    @Test
    void quadraticModelIsExactlyQuadraticAlongALine() {
        Model lls = Models.create("lls:" + D + "-" + K, Loss.MSE, Precision.F64, 6, 1.0);
        Batch b = Fixtures.batch(lls, 8, 44);
        int p = lls.parameterCount();
        double[] base = lls.parameters().clone();
        double[] v = Fixtures.gaussian(p, 45);
        double[] g = new double[p];
        double[] hv = new double[p];
        double l0 = lls.gradient(b, g);
        lls.hvp(b, v, hv);
        double t = 0.7;
        Fixtures.shift(lls, base, v, t);
        double predicted = l0 + t * Vectors.dot(g, v) + 0.5 * t * t * Vectors.dot(v, hv);
        assertEquals(predicted, lls.loss(b), 1e-12 * Math.abs(predicted));
    }

    @Test
    void llsNeedsMseAndF64() {
        assertThrows(IllegalArgumentException.class, () -> Models.create("lls:4-3", Loss.CROSS_ENTROPY, Precision.F64));
        assertThrows(IllegalArgumentException.class, () -> Models.create("lls:4-3", Loss.MSE, Precision.F32));
    }
}
