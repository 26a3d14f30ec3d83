package org.alignscope.monitor;

import java.util.function.Consumer;

/**
 * The law of the training loop's next batch gradient ĝ around the reference gradient g, as the monitor averages it:
 * ξ = ĝ − g = m + ζ with the mean offset m = E ĝ − g known exactly and ζ centred. The monitor estimates every noise
 * moment as E ξᵀQξ = mᵀQm + f · E ζ<sub>j</sub>ᵀQζ<sub>j</sub> from draws ζ<sub>j</sub> whose covariance is that of
 * ζ up to the known factor f ({@link #covarianceScale()}); the terms linear in m are exact
 * ({@code org.alignscope.theory.SamplerMoments}).
 */
public interface BatchNoise {
    /** m = E ĝ − g (a new array), or null when the batch gradient is unbiased (m = 0). */
    double[] meanOffset();

    /**
     * f with Cov ĝ = f · Cov ζ<sub>j</sub>: 1 when the draws follow the training law itself, 0 when the next batch is
     * determined (the last batch of an epoch), when {@link #sample} is never called.
     */
    double covarianceScale();

    /** Writes one centred draw ζ<sub>j</sub> into {@code out}. */
    void sample(double[] out);

    /** How the draws are made, for manifests, e.g. {@code "epoch: 100 of 200 samples left, batch 50"}. */
    String describe();

    /**
     * An unbiased batch gradient whose draws ξ<sub>j</sub> = ĝ<sub>j</sub> − g follow the training law: m = 0, f = 1
     * (the i.i.d. noise model of {@code monitor-theory.md}).
     */
    static BatchNoise unbiased(Consumer<double[]> draws, String description) {
        return new BatchNoise() {
            @Override
            public double[] meanOffset() {
                return null;
            }

            @Override
            public double covarianceScale() {
                return 1;
            }

            @Override
            public void sample(double[] out) {
                draws.accept(out);
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }
}
