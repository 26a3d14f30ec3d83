package org.alignscope.monitor;

import org.alignscope.linalg.SymmetricOperator;

/**
 * Mini-batches of the training batch size with their own loss's gradient and Hessian: what the batch sharpness
 * ĝᵀĤĝ/‖ĝ‖² needs ({@link EdgeGauges}). Each draw is an independent mini-batch.
 */
@FunctionalInterface
public interface BatchCurvature {
    /**
     * Draws a fresh mini-batch, writes its mean gradient ĝ into {@code gradient} and returns its Hessian Ĥ (the
     * Hessian of the same mini-batch's loss, frozen at the current point).
     */
    SymmetricOperator draw(double[] gradient);

}
