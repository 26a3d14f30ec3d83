package org.alignscope.monitor;

import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.random.RandomStream;

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

    /**
     * b distinct indices drawn uniformly from 0 … n − 1 (a partial Fisher–Yates shuffle of {@code stream}): one
     * uniform b-subset, independent of every other call's.
     */
    static int[] uniformRows(RandomStream stream, int n, int b) {
        if (b < 1 || b > n) {
            throw new IllegalArgumentException("batch size must lie in [1, " + n + "], got " + b);
        }
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        int[] rows = new int[b];
        for (int i = 0; i < b; i++) {
            int j = i + stream.nextInt(n - i);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
            rows[i] = p[i];
        }
        return rows;
    }
}
