package org.alignscope.monitor;

/**
 * What any Java training loop supplies so that the monitor can evaluate the theory at its current parameters:
 * the parameters, the reference gradient, and either its sampler ({@link #sampler()}, the sampler-true noise model)
 * or mini-batch gradients ({@link #batchGradient}, the i.i.d. model). Only gradients are required; a model with Hessian-vector products overrides {@link #hasHvp()} and
 * {@link #referenceHvp}, otherwise the monitor takes HVPs by central differences of {@link #referenceGradient}
 * ({@link org.alignscope.nn.FiniteDifferenceHessian}).
 */
public interface TrainingCallbacks {
    /**
     * The live parameter vector w. The monitor reads it and, for finite-difference HVPs only, writes w ± hu into
     * it temporarily, always restoring the exact original values before it returns.
     */
    double[] parameters();

    /** Writes the gradient of the loss on the reference set at the current parameters into out; returns that loss. */
    double referenceGradient(double[] out);

    /**
     * Writes the gradient on a fresh mini-batch of the training batch size, drawn from the reference set, at the
     * current parameters. Successive calls must draw independent mini-batches. Only called for callbacks without a
     * {@link #sampler()}; the default refuses.
     */
    default void batchGradient(double[] out) {
        throw new UnsupportedOperationException("these callbacks expose neither sampler() nor batchGradient()");
    }

    /** The reference loss at the current parameters; by default from {@link #referenceGradient}. */
    default double referenceLoss() {
        return referenceGradient(new double[parameters().length]);
    }

    /**
     * The training loop's sampler, for the sampler-true noise model; null by default, when the noise samples are
     * {@link #batchGradient} draws under the i.i.d. model.
     */
    default TrainingSampler sampler() {
        return null;
    }

    /** Whether {@link #referenceHvp} is available. */
    default boolean hasHvp() {
        return false;
    }

    /** Writes ∇²L<sub>ref</sub>(w)·v into out (only when {@link #hasHvp()}). */
    default void referenceHvp(double[] v, double[] out) {
        throw new UnsupportedOperationException("these callbacks have no Hessian-vector product");
    }
}
