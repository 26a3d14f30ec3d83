package org.alignscope.train;

import java.util.function.BiConsumer;

/**
 * Momentum as in PyTorch's SGD (dampening 0): the buffer b_t = μ b_{t−1} + g̃_t with b_0 = 0 (so b_1 = g̃_1);
 * heavy ball u = b_t; Nesterov u = g̃_t + μ b_t.
 */
public final class Momentum extends Optimizer {
    private final double mu;
    private final boolean nesterov;
    private double[] buffer;

    public Momentum(double mu, boolean nesterov, double weightDecay) {
        super(weightDecay);
        if (!(mu >= 0 && mu < 1)) {
            throw new IllegalArgumentException("optimizer.momentum must be in [0, 1), got " + mu);
        }
        this.mu = mu;
        this.nesterov = nesterov;
    }

    @Override
    public String name() {
        return nesterov ? "nesterov" : "momentum";
    }

    @Override
    protected void compute(double[] theta, double[] gEff, double[] u) {
        initialise(u.length);
        for (int i = 0; i < u.length; i++) {
            double b = mu * buffer[i] + gEff[i];
            buffer[i] = b;
            u[i] = nesterov ? gEff[i] + mu * b : b;
        }
    }

    @Override
    public void initialise(int p) {
        if (buffer == null) {
            buffer = new double[p];
        }
    }

    @Override
    protected void forEachState(BiConsumer<String, double[]> f) {
        if (buffer != null) {
            f.accept("momentum_buffer", buffer);
        }
    }

    @Override
    protected Optimizer fresh() {
        return new Momentum(mu, nesterov, weightDecay);
    }
}
