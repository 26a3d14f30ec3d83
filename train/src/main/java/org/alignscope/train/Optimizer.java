package org.alignscope.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A first-order optimizer on a flat parameter vector, written as a <em>direction</em>: {@link #direction}
 * returns u_t such that θ_{t+1} = θ_t − η_t u_t, where η_t is the scheduled learning rate. The trainer applies
 * the step (and, for projected arms, may project u_t first).
 *
 * <p>Weight decay λ is coupled (an L2 term: the effective gradient is g̃ = g + λθ, as in PyTorch's SGD, Adam and
 * RMSprop) for every optimizer except AdamW, where it is decoupled (u = Adam(g) + λθ). An optional gradient
 * projector acts on g̃ before it enters the optimizer's state; AdamW's decoupled term is not projected.
 *
 * <p>The state is a set of named vectors plus the step counter; {@link #state()} exposes the live arrays (for
 * checkpoints) and {@link #copy()} gives an independent optimizer in the same state (for the paired arms).
 */
public abstract class Optimizer {
    protected final double weightDecay;
    protected long steps;

    protected Optimizer(double weightDecay) {
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weight_decay must be >= 0, got " + weightDecay);
        }
        this.weightDecay = weightDecay;
    }

    /** The name used in configs. */
    public abstract String name();

    /**
     * Writes u_t into {@code u} and advances the state by one step.
     *
     * @param theta         the parameters θ_t (not modified)
     * @param g             the loss gradient at θ_t (not modified)
     * @param u             receives the direction (length P, must not alias theta or g)
     * @param gradientProjector applied in place to the effective gradient g̃ before the state sees it, or
     *                      {@code null}
     */
    public final void direction(double[] theta, double[] g, double[] u, VectorMap gradientProjector) {
        double[] eff = effectiveGradient(theta, g);
        if (gradientProjector != null) {
            gradientProjector.apply(eff);
        }
        steps++;
        compute(theta, eff, u);
    }

    /** The vector map used to project in place. */
    @FunctionalInterface
    public interface VectorMap {
        void apply(double[] v);
    }

    private double[] work;

    private double[] effectiveGradient(double[] theta, double[] g) {
        if (work == null || work.length != g.length) {
            work = new double[g.length];
        }
        boolean coupled = weightDecay != 0 && !decoupledDecay();
        for (int i = 0; i < g.length; i++) {
            work[i] = coupled ? g[i] + weightDecay * theta[i] : g[i];
        }
        return work;
    }

    /** Whether the decay is applied outside the gradient (AdamW). */
    protected boolean decoupledDecay() {
        return false;
    }

    /** u from the effective gradient; {@link #steps} is already the 1-based index of this step. */
    protected abstract void compute(double[] theta, double[] gEff, double[] u);

    /** Steps taken so far. */
    public long steps() {
        return steps;
    }

    /** The state vectors by name (live arrays; empty for plain SGD). Allocated on first use of the dimension. */
    public final Map<String, double[]> state() {
        Map<String, double[]> m = new LinkedHashMap<>();
        forEachState(m::put);
        return m;
    }

    /** Allocates the state for dimension P (zeros) if not yet done. */
    public abstract void initialise(int p);

    protected abstract void forEachState(BiConsumer<String, double[]> f);

    /** Restores the step counter and the state vectors (same names and lengths as {@link #state()}). */
    public final void restore(long steps, Map<String, double[]> values) {
        this.steps = steps;
        for (Map.Entry<String, double[]> e : state().entrySet()) {
            double[] v = values.get(e.getKey());
            if (v == null || v.length != e.getValue().length) {
                throw new IllegalArgumentException("optimizer state '" + e.getKey() + "' missing or wrong length");
            }
            System.arraycopy(v, 0, e.getValue(), 0, v.length);
        }
    }

    /** An independent optimizer with the same hyperparameters and a copy of the state. */
    public final Optimizer copy() {
        Optimizer o = fresh();
        Map<String, double[]> mine = state();
        if (!mine.isEmpty()) {
            o.initialise(mine.values().iterator().next().length);
        }
        o.restore(steps, mine);
        return o;
    }

    /** Same hyperparameters, zero state. */
    protected abstract Optimizer fresh();

    /** The optimizer a config describes. */
    public static Optimizer create(OptimizerConfig c) {
        switch (c.name()) {
            case "sgd": return new Sgd(c.weightDecay());
            case "momentum": return new Momentum(c.momentum(), false, c.weightDecay());
            case "nesterov": return new Momentum(c.momentum(), true, c.weightDecay());
            case "adam": return new Adam(c.beta1(), c.beta2(), c.eps(), c.weightDecay(), false);
            case "adamw": return new Adam(c.beta1(), c.beta2(), c.eps(), c.weightDecay(), true);
            case "rmsprop": return new RmsProp(c.alpha(), c.eps(), c.weightDecay());
            default: throw new IllegalArgumentException("optimizer.name: unknown '" + c.name() + "', allowed: "
                    + String.join(", ", OptimizerConfig.NAMES));
        }
    }
}
