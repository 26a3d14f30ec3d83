package org.alignscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alignscope.linalg.SymmetricOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The operators of a chunked reference set are the whole set's mean-loss matrices: chunks weighted by n_c/n (not
 * summed), also with a shorter last chunk, linearised once or recomputed per product, and the same product twice
 * is the same bits; the finite-difference Hessian of the chunked gradient agrees with them.
 */
@Tag("reliability")
class ReferenceSetTest {
    private static final String SPEC = "mlp:6-5-3:tanh|ce";

    @Test
    void everyChunkingGivesTheWholeSetsMeanLossOperatorOfEitherKind() {
        Network m = Fixtures.net(SPEC, Precision.F64);
        Batch all = Fixtures.batch(m, 30, 5);
        double[] v = Fixtures.gaussian(m.parameterCount(), 7);
        for (OperatorKind kind : OperatorKind.values()) {
            double[] whole = apply(kind.of(m, all), v);
            for (int chunk : new int[] {0, 1, 7, 10, 29, 30, 100}) {
                ReferenceSet set = ReferenceSet.of(all.x(), all.labels(), chunk);
                assertEquals(chunk == 0 || chunk >= 30 ? 1 : (30 + chunk - 1) / chunk, set.chunkCount());
                for (MeanCurvature op : new MeanCurvature[] {set.curvature(m, kind), set.recomputedCurvature(m, kind)}) {
                    double[] got = apply(op, v);
                    assertEquals(0, Fixtures.relErr(got, whole), 1e-13, kind + " chunk " + chunk);
                    assertTrue(op.reproduces(v), kind + " chunk " + chunk + " is not reproducible");
                    assertEquals(3, op.products());
                }
            }
        }
    }

    @Test
    void lossAndGradientAreMeansNotSums() {
        Network m = Fixtures.net(SPEC, Precision.F64);
        Batch all = Fixtures.batch(m, 30, 5);
        double[] g0 = new double[m.parameterCount()];
        double l0 = m.gradient(all, g0);
        double[] g1 = new double[m.parameterCount()];
        ReferenceSet chunked = ReferenceSet.of(all.x(), all.labels(), 7);
        double l1 = chunked.gradient(m, g1);
        assertEquals(l0, l1, 1e-14 * Math.abs(l0));
        assertEquals(l0, chunked.loss(m), 1e-14 * Math.abs(l0));
        assertArrayEquals(g0, g1, 1e-14);
    }

    @Test
    void theFiniteDifferenceHessianOfTheChunkedGradientAgreesWithTheExactOne() {
        Network m = Fixtures.net(SPEC, Precision.F64);
        Batch all = Fixtures.batch(m, 30, 5);
        ReferenceSet set = ReferenceSet.of(all.x(), all.labels(), 7);
        double[] v = Fixtures.gaussian(m.parameterCount(), 9);
        double[] before = m.parameters().clone();
        double[] fd = apply(set.finiteDifferenceHessian(m, FiniteDifferenceHessian.DEFAULT_EPSILON), v);
        assertArrayEquals(before, m.parameters(), 0.0, "the parameters are restored");
        assertEquals(0, Fixtures.relErr(fd, apply(set.hessian(m), v)), 1e-7);
    }

    @Test
    void aNegativeChunkOrAnEmptySetIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ReferenceSet.of(new double[6], new int[] {0}, -1));
        assertThrows(IllegalArgumentException.class, () -> ReferenceSet.of(new double[0], new int[0], 1));
        assertThrows(IllegalArgumentException.class, () -> ReferenceSet.of(new double[7], new int[] {0, 1}, 1));
    }

    private static double[] apply(SymmetricOperator op, double[] v) {
        double[] out = new double[v.length];
        op.apply(v, out);
        return out;
    }
}
