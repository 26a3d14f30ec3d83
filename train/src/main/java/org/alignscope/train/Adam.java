package org.alignscope.train;

import java.util.function.BiConsumer;

/**
 * Adam (Kingma and Ba) and AdamW (Loshchilov and Hutter), as in PyTorch: m_t = β₁ m_{t−1} + (1 − β₁) g̃,
 * v_t = β₂ v_{t−1} + (1 − β₂) g̃², u = (m_t / (1 − β₁ᵗ)) / (√(v_t / (1 − β₂ᵗ)) + ε), plus λθ for AdamW.
 */
public final class Adam extends Optimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final boolean decoupled;
    private double[] m;
    private double[] v;

    public Adam(double beta1, double beta2, double eps, double weightDecay, boolean decoupled) {
        super(weightDecay);
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("optimizer.beta1 and optimizer.beta2 must be in [0, 1)");
        }
        if (!(eps > 0)) {
            throw new IllegalArgumentException("optimizer.eps must be > 0");
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.decoupled = decoupled;
    }

    @Override
    public String name() {
        return decoupled ? "adamw" : "adam";
    }

    @Override
    protected boolean decoupledDecay() {
        return decoupled;
    }

    @Override
    protected void compute(double[] theta, double[] g, double[] u) {
        initialise(u.length);
        double c1 = 1 - Math.pow(beta1, steps);
        double c2 = 1 - Math.pow(beta2, steps);
        for (int i = 0; i < u.length; i++) {
            double mi = beta1 * m[i] + (1 - beta1) * g[i];
            double vi = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            m[i] = mi;
            v[i] = vi;
            double d = (mi / c1) / (Math.sqrt(vi / c2) + eps);
            u[i] = decoupled ? d + weightDecay * theta[i] : d;
        }
    }

    @Override
    public void initialise(int p) {
        if (m == null) {
            m = new double[p];
            v = new double[p];
        }
    }

    @Override
    protected void forEachState(BiConsumer<String, double[]> f) {
        if (m != null) {
            f.accept("exp_avg", m);
            f.accept("exp_avg_sq", v);
        }
    }

    @Override
    protected Optimizer fresh() {
        return new Adam(beta1, beta2, eps, weightDecay, decoupled);
    }
}
