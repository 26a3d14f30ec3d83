package org.alignscope.monitor;

import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.random.RandomStream;

/**
 * A {@link CurvatureSource} that counts what is asked of the source it wraps, for {@link EvaluationCost}: every
 * reference gradient, every application of the reference Hessian, the exact mean offset of the next batch (one
 * reference gradient), every noise draw (one mini-batch gradient) and every mini-batch draw of the gauges with the
 * applications of its Hessian.
 */
final class CountingSource implements CurvatureSource {
    private final CurvatureSource source;
    private int referenceGradients;
    private int referenceProducts;
    private int batchGradients;
    private int batchProducts;

    CountingSource(CurvatureSource source) {
        this.source = source;
    }

    /** What was counted so far. */
    EvaluationCost cost() {
        return new EvaluationCost(referenceGradients, referenceProducts, batchGradients, batchProducts);
    }

    @Override
    public int dimension() {
        return source.dimension();
    }

    @Override
    public double loss() {
        return source.loss();
    }

    @Override
    public double gradient(double[] out) {
        referenceGradients++;
        return source.gradient(out);
    }

    @Override
    public void noiseSample(double[] g, double[] out) {
        batchGradients++;
        source.noiseSample(g, out);
    }

    @Override
    public SymmetricOperator hessian() {
        SymmetricOperator h = source.hessian();
        return counted(h, true);
    }

    @Override
    public BatchNoise batchNoise(double[] g) {
        BatchNoise noise = source.batchNoise(g);
        return new BatchNoise() {
            @Override
            public double[] meanOffset() {
                double[] m = noise.meanOffset();
                if (m != null) {
                    referenceGradients++;
                }
                return m;
            }

            @Override
            public double covarianceScale() {
                return noise.covarianceScale();
            }

            @Override
            public void sample(double[] out) {
                batchGradients++;
                noise.sample(out);
            }

            @Override
            public String describe() {
                return noise.describe();
            }
        };
    }

    @Override
    public BatchCurvature batchCurvature(RandomStream stream) {
        BatchCurvature batches = source.batchCurvature(stream);
        if (batches == null) {
            return null;
        }
        return gradient -> {
            batchGradients++;
            return counted(batches.draw(gradient), false);
        };
    }

    @Override
    public String describe() {
        return source.describe();
    }

    private SymmetricOperator counted(SymmetricOperator h, boolean reference) {
        return new SymmetricOperator() {
            @Override
            public int dimension() {
                return h.dimension();
            }

            @Override
            public void apply(double[] v, double[] out) {
                if (reference) {
                    referenceProducts++;
                } else {
                    batchProducts++;
                }
                h.apply(v, out);
            }
        };
    }
}
