package org.alignscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.Vectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Batch-split evaluation ({@link Network#setThreads}): the loss, outputs, gradient, HVP and both curvature
 * operators of a batch evaluated in 2, 3 and 11 concurrent parts (uneven sizes; 11 parts of 7 samples means 7
 * parts of one) equal the single-engine results to 1e-12 relative in f64 and 1e-5 in f32.
 */
class BatchSplitTest {

    static java.util.List<String> cases() {
        return Fixtures.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void splitEvaluationEqualsSingleEngine(String specAndLoss) {
        for (Precision precision : Precision.values()) {
            double tol = precision == Precision.F64 ? 1e-12 : 1e-5;
            Network single = Fixtures.net(specAndLoss, precision);
            Batch b = Fixtures.batch(single, 7, 3);
            int dim = single.parameterCount();
            double[] v = Fixtures.gaussian(dim, 5);
            double[] g1 = new double[dim];
            double[] h1 = new double[dim];
            double l1 = single.gradient(b, g1);
            single.hvp(b, v, h1);
            double[] z1 = single.outputs(b);
            double[] op1 = apply(single.hessian(b), v);
            double[] gn1 = apply(single.gaussNewton(b), v);
            for (int threads : new int[] {2, 3, 11}) {
                Network split = Fixtures.net(specAndLoss, precision);
                split.setThreads(threads);
                assertEquals(threads, split.threads());
                String what = specAndLoss + " " + precision + " threads " + threads;
                double[] g = new double[dim];
                double[] h = new double[dim];
                double l = split.gradient(b, g);
                assertEquals(l1, l, tol * Math.abs(l1), what + " loss");
                assertEquals(l1, split.loss(b), tol * Math.abs(l1), what + " loss()");
                assertTrue(Fixtures.relErr(g, g1) <= tol, what + " gradient " + Fixtures.relErr(g, g1));
                split.hvp(b, v, h);
                assertTrue(Fixtures.relErr(h, h1) <= tol, what + " hvp " + Fixtures.relErr(h, h1));
                split.hvp(b, v, h); // the cached split of the same batch
                assertTrue(Fixtures.relErr(h, h1) <= tol, what + " hvp again");
                assertArrayEquals(z1, split.outputs(b), tol * Vectors.norm(z1), what + " outputs");
                double[] op = apply(split.hessian(b), v);
                assertTrue(Fixtures.relErr(op, op1) <= tol, what + " hessian operator " + Fixtures.relErr(op, op1));
                double[] gn = apply(split.gaussNewton(b), v);
                assertTrue(Fixtures.relErr(gn, gn1) <= tol, what + " gauss-newton " + Fixtures.relErr(gn, gn1));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void invalidThreadCountIsRejected(String specAndLoss) {
        Network n = Fixtures.net(specAndLoss, Precision.F64);
        assertThrows(IllegalArgumentException.class, () -> n.setThreads(0));
    }

    private static double[] apply(SymmetricOperator op, double[] v) {
        double[] out = new double[v.length];
        op.apply(v, out);
        return out;
    }
}
