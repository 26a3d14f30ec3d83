package org.alignscope.train;

import java.util.function.BiConsumer;

/** Plain SGD: u = g̃. */
public final class Sgd extends Optimizer {
    public Sgd(double weightDecay) {
        super(weightDecay);
    }

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    protected void compute(double[] theta, double[] gEff, double[] u) {
        System.arraycopy(gEff, 0, u, 0, u.length);
    }

    @Override
    public void initialise(int p) {
    }

    @Override
    protected void forEachState(BiConsumer<String, double[]> f) {
    }

    @Override
    protected Optimizer fresh() {
        return new Sgd(weightDecay);
    }
}
