package org.alignscope.nn;

import java.util.List;
import org.alignscope.linalg.random.RandomStream;

/**
 * One layer y = f(x; θ) of a sequential network, with the four passes that forward-over-reverse
 * differentiation needs (Pearlmutter 1994, "Fast exact multiplication by the Hessian"; R{·} is the directional
 * derivative along the parameter direction v):
 * <ol>
 *   <li>forward: y = f(x; θ), keeping whatever the other passes need (derivatives of activations, argmax);</li>
 *   <li>backward: g<sub>x</sub> = (∂f/∂x)ᵀ g<sub>y</sub>, g<sub>θ</sub> += (∂f/∂θ)ᵀ g<sub>y</sub>;</li>
 *   <li>R-forward: R{y} = (∂f/∂x) R{x} + (∂f/∂θ) v;</li>
 *   <li>R-backward: R{g<sub>x</sub>} = R{(∂f/∂x)ᵀ} g<sub>y</sub> + (∂f/∂x)ᵀ R{g<sub>y</sub>} and
 *       (Hv)<sub>θ</sub> += R{g<sub>θ</sub>}.</li>
 * </ol>
 * A layer owns its workspaces and the state of the last forward pass, so an instance serves one
 * {@link Engine}. Buffers hold n samples row by row (sample-major, n × features) unless {@link #featureMajorIn} /
 * {@link #featureMajorOut} say that they hold them column by column (feature-major, features × n), which only
 * dense and activation layers accept; parameters live in a flat array at {@link #offset}.
 */
abstract class Layer<A> {
    final Ops<A> ops;
    final Shape in;
    final Shape out;
    /** Index of this layer in the sequence; PyTorch's module index in {@code nn.Sequential}. */
    final int index;
    /** Offset of this layer's parameters in the flat vector. */
    int offset;
    /** Whether the buffers of this layer's input (x, gx and their R-derivatives) are feature-major. */
    boolean featureMajorIn;
    /** Whether the buffers of this layer's output (y, gy and their R-derivatives) are feature-major. */
    boolean featureMajorOut;

    Layer(Ops<A> ops, Shape in, Shape out, int index) {
        this.ops = ops;
        this.in = in;
        this.out = out;
        this.index = index;
    }

    int parameterCount() {
        return 0;
    }

    /** The tensors of this layer, named {@code "<index>.weight"} / {@code "<index>.bias"}. */
    List<TensorInfo> tensors() {
        return List.of();
    }

    /** PyTorch's default initialisation times {@code scale}, written into {@code p} at {@link #offset}. */
    void initialise(RandomStream r, double scale, double[] p) {
    }

    /** y = f(x); with {@code second}, also keeps what the R-backward pass needs. */
    abstract void forward(A p, int n, A x, A y, boolean second);

    /** gx = (∂f/∂x)ᵀ gy unless gx is null; gp[θ] += (∂f/∂θ)ᵀ gy unless gp is null. Uses the last forward. */
    abstract void backward(A p, int n, A x, A gy, A gx, A gp);

    /** Ry = (∂f/∂x) Rx + (∂f/∂θ) v; Rx null means zero. */
    abstract void rForward(A p, A v, int n, A x, A rx, A ry);

    /**
     * Rgx = R{gx} unless null; hv[θ] += R{gθ}. {@code gy} is the first-order backward signal at the output,
     * {@code rgy} its R-derivative; Rx null means zero.
     */
    abstract void rBackward(A p, A v, int n, A x, A rx, A gy, A rgy, A rgx, A hv);

    /** Draws a uniform value in [−bound, bound). */
    static double uniform(RandomStream r, double bound) {
        return bound * (2 * r.nextDouble() - 1);
    }
}
