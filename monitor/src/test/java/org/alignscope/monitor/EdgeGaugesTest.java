package org.alignscope.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.Vectors;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.nn.Batch;
import org.alignscope.nn.LinearLeastSquares;
import org.alignscope.nn.Model;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("reliability")
class EdgeGaugesTest {
    private static double[] identity(int d) {
        double[] q = new double[d * d];
        for (int i = 0; i < d; i++) {
            q[i * d + i] = 1;
        }
        return q;
    }

    /** Without noise every mini-batch is the full gradient on A: gᵀAg/gᵀg and λ_max(A) exactly, SE 0. */
    @Test
    void noiseFreeQuadraticGivesTheRayleighQuotientAndLambdaMax() {
        double[] lambda = {5, 3, 1, 0.5};
        double[] c = {1, 2, -1, 4};
        QuadraticSource q = QuadraticSource.of(lambda, new double[4], identity(4), c, 1);
        EdgeGauges g = EdgeGauges.measure(q, 8, 3, 0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < 4; i++) {
            double gi = lambda[i] * c[i];
            num += lambda[i] * gi * gi;
            den += gi * gi;
        }
        assertEquals(num / den, g.batchSharpness().value(), 1e-12);
        assertEquals(0, g.batchSharpness().stdError(), 1e-12);
        assertEquals(5, g.lmaxQ10(), 5e-3 * 5);
        assertEquals(5, g.lmaxQ90(), 5e-3 * 5);
    }

    /** With noise the mean over r batches is within 4 SE of E[ĝᵀAĝ/‖ĝ‖²] by a long independent Monte Carlo run. */
    @Test
    void noisyQuadraticMeanMatchesMonteCarlo() {
        double[] lambda = {10, 2, 1, 0.1, 0.1};
        double[] kappaSq = {1, 1, 1, 4, 4};
        double[] c = {0.3, 1, -1, 2, 1};
        QuadraticSource q = QuadraticSource.of(lambda, kappaSq, identity(5), c, 1);
        EdgeGauges g = EdgeGauges.measure(q, 400, 5, 0);
        RandomStream mc = RandomStream.of(77);
        double sum = 0;
        int n = 200_000;
        for (int j = 0; j < n; j++) {
            double a = 0;
            double b = 0;
            for (int i = 0; i < 5; i++) {
                double gi = lambda[i] * c[i] + Math.sqrt(kappaSq[i]) * mc.nextGaussian();
                a += lambda[i] * gi * gi;
                b += gi * gi;
            }
            sum += a / b;
        }
        double exact = sum / n;
        Estimate bs = g.batchSharpness();
        assertTrue(Math.abs(bs.value() - exact) < 4 * bs.stdError(), bs + " vs " + exact);
        assertEquals(10, g.lmaxQ50(), 1e-2, "A is every batch's Hessian");
    }

    /** Through an nn model with the batch as large as the reference set: the full-set gᵀHg/gᵀg and λ_1(H). */
    @Test
    void fullBatchModelGivesTheReferenceQuantities() {
        int n = 40;
        int f = 3;
        RandomStream r = RandomStream.of(5);
        double[] x = new double[n * f];
        int[] y = new int[n];
        for (int i = 0; i < n * f; i++) {
            x[i] = (1 + i % f) * r.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(2);
        }
        Batch data = new Batch(x, y, n);
        Model m = new LinearLeastSquares(f, 2);
        double[] w = m.parameters();
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextGaussian();
        }
        ModelSource src = new ModelSource(m, data, n, 1);
        EdgeGauges g = EdgeGauges.measure(src, 4, 9, 2);
        double[] grad = new double[w.length];
        src.gradient(grad);
        SymmetricOperator h = src.hessian();
        double[] hg = new double[w.length];
        h.apply(grad, hg);
        assertEquals(Vectors.dot(grad, hg) / Vectors.dot(grad, grad), g.batchSharpness().value(), 1e-10);
        double lambda1 = new AlignmentMonitor(MonitorOptions.of(1, 2)).evaluate(src, 0, 0.01).eigen().values()[0];
        assertEquals(lambda1, g.lmaxQ50(), 1e-3 * lambda1);
    }

    @Test
    void callbacksHaveNoMiniBatchHessian() {
        TrainingCallbacks cb = new TrainingCallbacks() {
            final double[] w = {1, 2};

            @Override
            public double[] parameters() {
                return w;
            }

            @Override
            public double referenceGradient(double[] out) {
                out[0] = w[0];
                out[1] = w[1];
                return 0.5 * (w[0] * w[0] + w[1] * w[1]);
            }

            @Override
            public void batchGradient(double[] out) {
                referenceGradient(out);
            }
        };
        EdgeGauges g = EdgeGauges.measure(CallbackSource.of(cb), 4, 0, 0);
        assertTrue(Double.isNaN(g.batchSharpness().value()) && Double.isNaN(g.lmaxQ50()));
    }

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        double[] s = {1, 2, 3, 4, 5};
        assertEquals(1.4, EdgeGauges.quantile(s, 0.1), 1e-15);
        assertEquals(3, EdgeGauges.quantile(s, 0.5), 1e-15);
        assertEquals(4.6, EdgeGauges.quantile(s, 0.9), 1e-15);
        assertTrue(Double.isNaN(EdgeGauges.quantile(new double[0], 0.5)));
    }
}
