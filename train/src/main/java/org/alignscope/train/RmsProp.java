package org.alignscope.train;

import java.util.function.BiConsumer;

/** RMSprop as in PyTorch (no momentum, not centred): v_t = α v_{t−1} + (1 − α) g̃², u = g̃ / (√v_t + ε). */
public final class RmsProp extends Optimizer {
    private final double alpha;
    private final double eps;
    private double[] v;

    public RmsProp(double alpha, double eps, double weightDecay) {
        super(weightDecay);
        if (!(alpha >= 0 && alpha < 1)) {
            throw new IllegalArgumentException("optimizer.alpha must be in [0, 1), got " + alpha);
        }
        if (!(eps > 0)) {
            throw new IllegalArgumentException("optimizer.eps must be > 0");
        }
        this.alpha = alpha;
        this.eps = eps;
    }

    @Override
    public String name() {
        return "rmsprop";
    }

    @Override
    protected void compute(double[] theta, double[] g, double[] u) {
        initialise(u.length);
        for (int i = 0; i < u.length; i++) {
            double vi = alpha * v[i] + (1 - alpha) * g[i] * g[i];
            v[i] = vi;
            u[i] = g[i] / (Math.sqrt(vi) + eps);
        }
    }

    @Override
    public void initialise(int p) {
        if (v == null) {
            v = new double[p];
        }
    }

    @Override
    protected void forEachState(BiConsumer<String, double[]> f) {
        if (v != null) {
            f.accept("square_avg", v);
        }
    }

    @Override
    protected Optimizer fresh() {
        return new RmsProp(alpha, eps, weightDecay);
    }
}
