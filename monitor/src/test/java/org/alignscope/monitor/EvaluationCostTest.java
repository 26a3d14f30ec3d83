package org.alignscope.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.random.RandomStream;
import org.junit.jupiter.api.Test;

/** The cost of an evaluation equals what a source that keeps its own tally was asked for. */
class EvaluationCostTest {

    @Test
    void theCostCountsEveryPassTheSourceWasAskedFor() {
        QuadraticSource q = AuthorsQuadratic.source(60, 5, 10, 0.5, 3);
        AtomicInteger gradients = new AtomicInteger();
        AtomicInteger products = new AtomicInteger();
        AtomicInteger noise = new AtomicInteger();
        AtomicInteger batchProducts = new AtomicInteger();
        CurvatureSource tallied = new CurvatureSource() {
            @Override
            public int dimension() {
                return q.dimension();
            }

            @Override
            public double loss() {
                return q.loss();
            }

            @Override
            public double gradient(double[] out) {
                gradients.incrementAndGet();
                return q.gradient(out);
            }

            @Override
            public void noiseSample(double[] g, double[] out) {
                noise.incrementAndGet();
                q.noiseSample(g, out);
            }

            @Override
            public SymmetricOperator hessian() {
                return tally(q.hessian(), products);
            }

            @Override
            public BatchCurvature batchCurvature(RandomStream stream) {
                BatchCurvature b = q.batchCurvature(stream);
                return gradient -> {
                    noise.incrementAndGet();
                    return tally(b.draw(gradient), batchProducts);
                };
            }

            @Override
            public String describe() {
                return q.describe();
            }
        };
        MonitorResult r = new AlignmentMonitor(MonitorOptions.of(5, 12)).evaluate(tallied, 0, 0.01);
        EvaluationCost c = r.cost();
        assertEquals(gradients.get(), c.referenceGradients());
        assertEquals(products.get(), c.referenceProducts());
        assertEquals(noise.get(), c.batchGradients());
        assertEquals(batchProducts.get(), c.batchProducts());
        assertEquals(1, c.referenceGradients(), "one reference gradient: the quadratic's noise is unbiased");
        assertTrue(c.referenceProducts() > r.eigen().applications(), "the eigen-solve and the noise terms: " + c);
        assertTrue(c.batchGradients() >= 12 && c.batchProducts() > 0, "noise draws and the gauges' batches: " + c);
        assertEquals(c.referenceGradients() + c.referenceProducts(), c.referencePasses());
    }

    private static SymmetricOperator tally(SymmetricOperator h, AtomicInteger count) {
        return new SymmetricOperator() {
            @Override
            public int dimension() {
                return h.dimension();
            }

            @Override
            public void apply(double[] v, double[] out) {
                count.incrementAndGet();
                h.apply(v, out);
            }
        };
    }
}
