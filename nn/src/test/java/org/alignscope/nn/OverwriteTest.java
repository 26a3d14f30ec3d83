package org.alignscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.alignscope.linalg.SymmetricOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Results never depend on what the output array or a reused internal buffer held (the engine clears a result
 * before the layers add their blocks to it): into arrays full of NaN, and after a product along another
 * direction, each result equals that of a fresh network into a zeroed array, bit for bit.
 */
class OverwriteTest {

    static java.util.List<String> cases() {
        return Fixtures.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resultsOverwriteTheirOutputs(String specAndLoss) {
        for (Precision precision : Precision.values()) {
            for (int threads : new int[] {1, 2}) {
                String what = specAndLoss + " " + precision + " threads " + threads;
                Network fresh = Fixtures.net(specAndLoss, precision);
                fresh.setThreads(threads);
                Batch b = Fixtures.batch(fresh, 7, 3);
                int dim = fresh.parameterCount();
                double[] v = Fixtures.gaussian(dim, 5);
                double[] other = Fixtures.gaussian(dim, 6);
                double[] g = new double[dim];
                double[] h = new double[dim];
                fresh.gradient(b, g);
                fresh.hvp(b, v, h);
                double[] op = apply(fresh.hessian(b), v, new double[dim]);
                double[] gn = apply(fresh.gaussNewton(b), v, new double[dim]);

                Network used = Fixtures.net(specAndLoss, precision);
                used.setThreads(threads);
                used.hvp(b, other, new double[dim]);
                assertArrayEquals(g, gradient(used, b, nans(dim)), what + " gradient");
                double[] h2 = nans(dim);
                used.hvp(b, v, h2);
                assertArrayEquals(h, h2, what + " hvp");
                SymmetricOperator hessian = used.hessian(b);
                apply(hessian, other, nans(dim));
                assertArrayEquals(op, apply(hessian, v, nans(dim)), what + " hessian operator");
                SymmetricOperator ggn = used.gaussNewton(b);
                apply(ggn, other, nans(dim));
                assertArrayEquals(gn, apply(ggn, v, nans(dim)), what + " gauss-newton operator");
            }
        }
    }

    private static double[] gradient(Network n, Batch b, double[] out) {
        n.gradient(b, out);
        return out;
    }

    private static double[] apply(SymmetricOperator op, double[] v, double[] out) {
        op.apply(v, out);
        return out;
    }

    private static double[] nans(int dim) {
        double[] a = new double[dim];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
