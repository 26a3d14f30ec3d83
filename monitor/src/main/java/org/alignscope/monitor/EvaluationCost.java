package org.alignscope.monitor;

/**
 * What one evaluation spent, counted where it asks its {@link CurvatureSource}: passes over the reference set
 * (gradients, including the exact mean of the next batch's gradient, and Hessian-vector products) and passes over
 * a mini-batch (the noise draws' gradients, the gauges' batch gradients and batch Hessian-vector products).
 *
 * @param referenceGradients reference-set gradients
 * @param referenceProducts  reference-Hessian-vector products
 * @param batchGradients     mini-batch gradients
 * @param batchProducts      mini-batch Hessian-vector products
 */
public record EvaluationCost(int referenceGradients, int referenceProducts, int batchGradients, int batchProducts) {
    /** Nothing spent. */
    public static final EvaluationCost NONE = new EvaluationCost(0, 0, 0, 0);

    /** Passes over the reference set: gradients and Hessian-vector products. */
    public int referencePasses() {
        return referenceGradients + referenceProducts;
    }

    /** Passes over a mini-batch: gradients and Hessian-vector products. */
    public int batchPasses() {
        return batchGradients + batchProducts;
    }
}
