package org.alignscope.monitor;

import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.random.RandomStream;

/**
 * What the monitor reads at one evaluation point w: the reference loss and gradient, the reference Hessian
 * through its action, and samples of the mini-batch gradient noise ({@code monitor-theory.md}, "Inputs").
 *
 * <p>The <em>reference</em> gradient g = ∇L(w) is the noise-free gradient: for the quadratic model Ax, for a
 * network the gradient of the loss on a fixed reference set that is the population the training mini-batches
 * are drawn from (otherwise ξ = ĝ − g has a non-zero mean and biases e and n<sup>loss</sup>).
 *
 * <p>Implementations read the live state (parameters) each time they are called: after the training loop
 * updates the parameters, {@link #loss()} and {@link #gradient} describe the new point. The operator returned
 * by {@link #hessian()} is frozen at the point where it was created.
 *
 * <p>Implementations: {@link QuadraticSource} (exact), {@link ModelSource} (an nn {@code Model} on a reference
 * set), and {@link CallbackSource} (the callbacks of any Java training loop, with their own HVPs or, the
 * gradients-only source, HVPs by central differences of gradients).
 */
public interface CurvatureSource {
    /** The parameter dimension n. */
    int dimension();

    /** The reference loss L(w) at the current point. */
    double loss();

    /** Writes the reference gradient g = ∇L(w) into {@code out} (length n) and returns L(w). */
    double gradient(double[] out);

    /**
     * Writes one noise sample ξ = ĝ − g into {@code out}: ĝ a gradient on a fresh mini-batch of the training
     * batch size drawn from the reference population (the quadratic model: a fresh draw of ξ ~ N(0, Σ)).
     *
     * @param g the reference gradient at the current point, as returned by {@link #gradient}
     */
    void noiseSample(double[] g, double[] out);

    /** The reference Hessian ∇²L(w) at the current point, as an operator. */
    SymmetricOperator hessian();

    /**
     * The law of the training loop's next batch gradient at this point, around the reference gradient g as returned
     * by {@link #gradient}: by default unbiased, its draws from {@link #noiseSample} (a source not tied to a
     * training loop's sampler).
     */
    default BatchNoise batchNoise(double[] g) {
        return BatchNoise.unbiased(out -> noiseSample(g, out), "i.i.d. noise samples");
    }

    /**
     * Mini-batches of the training batch size with their own gradient and Hessian, drawn as independent uniform
     * subsets of the reference set from {@code stream} (which no other draw of the source uses), for the batch
     * sharpness ({@link EdgeGauges}); null where the source has no mini-batch Hessian (the default).
     */
    default BatchCurvature batchCurvature(RandomStream stream) {
        return null;
    }

    /** A one-line description for manifests, e.g. {@code "quadratic d=200 sigma=0.5"}. */
    String describe();
}
