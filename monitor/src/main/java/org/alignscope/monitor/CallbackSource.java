package org.alignscope.monitor;

import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.nn.FiniteDifferenceHessian;

/**
 * A {@link CurvatureSource} fed by the {@link TrainingCallbacks} of any Java training loop. HVPs are the
 * callbacks' own when they have them, otherwise central differences of the reference gradient
 * ({@link FiniteDifferenceHessian}); {@link #gradientsOnly} forces the latter (the gradients-only source).
 */
public final class CallbackSource implements CurvatureSource {
    private final TrainingCallbacks cb;
    private final boolean finiteDifferences;
    private final double epsilon;
    private final double[] buffer;
    private final RandomStream draws = RandomStream.of(0, ModelSource.BATCH_STREAM);

    private CallbackSource(TrainingCallbacks cb, boolean finiteDifferences, double epsilon) {
        this.cb = cb;
        this.finiteDifferences = finiteDifferences || !cb.hasHvp();
        this.epsilon = epsilon;
        this.buffer = new double[cb.parameters().length];
    }

    /** Uses the callbacks' HVPs when {@link TrainingCallbacks#hasHvp()}, else central differences with the default ε. */
    public static CallbackSource of(TrainingCallbacks cb) {
        return new CallbackSource(cb, false, FiniteDifferenceHessian.DEFAULT_EPSILON);
    }

    /** HVPs always by central differences of gradients with relative step ε (see {@link FiniteDifferenceHessian}). */
    public static CallbackSource gradientsOnly(TrainingCallbacks cb, double epsilon) {
        return new CallbackSource(cb, true, epsilon);
    }

    /** Whether HVPs are finite differences. */
    public boolean usesFiniteDifferences() {
        return finiteDifferences;
    }

    @Override
    public int dimension() {
        return cb.parameters().length;
    }

    @Override
    public double loss() {
        return cb.referenceLoss();
    }

    @Override
    public double gradient(double[] out) {
        return cb.referenceGradient(out);
    }

    @Override
    public void noiseSample(double[] g, double[] out) {
        cb.batchGradient(buffer);
        for (int i = 0; i < out.length; i++) {
            out[i] = buffer[i] - g[i];
        }
    }

    /**
     * Under the callbacks' {@link TrainingCallbacks#sampler()} when they expose one (the sampler-true model, batches
     * drawn by the monitor from its stream {@code RandomStream.of(0, ModelSource.BATCH_STREAM)}), else their
     * {@link TrainingCallbacks#batchGradient} draws under the i.i.d. model.
     */
    @Override
    public BatchNoise batchNoise(double[] g) {
        TrainingSampler sampler = cb.sampler();
        if (sampler == null) {
            return CurvatureSource.super.batchNoise(g);
        }
        SamplerDraws law = SamplerDraws.of(sampler.state(), sampler.trainingSize(), sampler.batchSize(),
                sampler.trainingSize(), draws);
        return SamplerNoise.of(law, sampler::meanGradient, g);
    }

    @Override
    public SymmetricOperator hessian() {
        if (finiteDifferences) {
            return new FiniteDifferenceHessian(cb.parameters(), cb::referenceGradient, epsilon);
        }
        int n = dimension();
        return new SymmetricOperator() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public void apply(double[] v, double[] out) {
                cb.referenceHvp(v, out);
            }
        };
    }

    @Override
    public String describe() {
        return "callbacks, HVP " + (finiteDifferences ? "by central differences (eps=" + epsilon + ")" : "exact");
    }
}
