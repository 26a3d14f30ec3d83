package org.alignscope.nn;

import java.util.List;
import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.random.RandomStream;

/**
 * A differentiable model whose state is one flat parameter vector θ, with the mean loss
 * L(θ) = (1/n) Σ ℓ(f(x<sub>s</sub>; θ), y<sub>s</sub>) over a {@link Batch}, its exact gradient, and exact
 * curvature products.
 *
 * <p>Implementations are not thread-safe: each call reuses the model's workspaces. The operators returned by
 * {@link #hessian} and {@link #gaussNewton} have their own workspaces and a copy of θ taken when they are
 * created (they keep a reference to the batch, which must not change while they are used).
 */
public interface Model {
    /** The spec string this model was built from, e.g. {@code mlp:784-200-10:tanh}. */
    String spec();

    Precision precision();

    /** The loss this model evaluates. */
    Loss lossFunction();

    /** Input features per sample. */
    int inputSize();

    /** Outputs (classes) per sample. */
    int outputSize();

    int parameterCount();

    /**
     * The live flat parameter vector, in PyTorch's {@code parameters()} order and layout (see {@link #tensors}).
     * Writes to it change the model. For float32 models this double vector is the master copy, rounded to float
     * at the start of every evaluation.
     */
    double[] parameters();

    /** The named tensors that make up {@link #parameters()}, in order. */
    List<TensorInfo> tensors();

    /**
     * PyTorch's default initialisation times {@code scale}: every weight and bias uniform in
     * ±scale/√fan_in (fan_in = in for dense layers, in·kh·kw for convolutions), drawn from {@code r} tensor by
     * tensor in {@link #tensors()} order, each tensor in C order.
     */
    void initialise(RandomStream r, double scale);

    /** The model outputs (logits), n × {@link #outputSize()} row-major, in a new array. */
    double[] outputs(Batch b);

    /** The mean loss on the batch. */
    double loss(Batch b);

    /** Writes ∇L into {@code out} (length P) and returns L. */
    double gradient(Batch b, double[] out);

    /** Writes the exact Hessian-vector product ∇²L · v into {@code out} (length P, not aliasing v). */
    void hvp(Batch b, double[] v, double[] out);

    /** The Hessian ∇²L at the current parameters on this batch, as an operator (forward pass done once). */
    SymmetricOperator hessian(Batch b);

    /**
     * The generalised Gauss–Newton matrix G = Jᵀ (∇²<sub>z</sub>ℓ) J at the current parameters on this batch
     * (J the Jacobian of the outputs): positive semi-definite for both losses, equal to the Hessian when the
     * model is linear in θ.
     */
    SymmetricOperator gaussNewton(Batch b);

    /**
     * Asks the model to evaluate each later call (and each operator created later) on a batch split into
     * {@code threads} parts run concurrently, combined exactly as a weighted mean. Models that cannot do this
     * ignore it (the default). Results may change with {@code threads} at the level of rounding only.
     */
    default void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }
}
