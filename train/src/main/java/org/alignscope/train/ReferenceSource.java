package org.alignscope.train;

import org.alignscope.data.Dataset;
import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.monitor.CurvatureSource;
import org.alignscope.monitor.MiniBatchNoise;
import org.alignscope.monitor.SamplerState;
import org.alignscope.nn.Model;
import org.alignscope.nn.ReferenceSet;

/**
 * The monitor's view of one training trajectory: g, L and H are those of the trainer's chunked reference set
 * (the same operator as the tracked subspace's), and a noise sample is ξ = ĝ − g with ĝ the gradient on a
 * mini-batch of the training batch size drawn uniformly without replacement from the reference samples, so that
 * E ξ = 0 exactly. The draws come from {@code RandomStream.of(seed, STREAM, trajectory, step)}: a pure function of
 * where the evaluation happens, so a resumed run draws the same batches. The training data order is not touched.
 */
final class ReferenceSource implements CurvatureSource {
    /** Path element of the monitor's mini-batch draws ("TMON"). */
    static final long STREAM = 0x544D4F4EL;

    private final ReferenceSet reference;
    private final int n;
    private final Model model;
    private final int batchSize;
    private final MiniBatchNoise noise;
    private final SamplerState sampler;

    /**
     * @param reference  the chunked reference set
     * @param data       the dataset whose first {@code n} samples form the reference set
     * @param n          reference samples
     * @param model      the trajectory's model (live parameters)
     * @param batchSize  training batch size
     * @param sampler    the law of the training loop's batch at this step (indices into the training set)
     */
    ReferenceSource(ReferenceSet reference, Dataset data, int n, Model model, int batchSize, long seed,
                    int trajectory, long step, SamplerState sampler) {
        this.reference = reference;
        this.n = n;
        this.model = model;
        this.batchSize = batchSize;
        this.noise = new MiniBatchNoise(model, data.features(), data.labels(), n, data.featureCount(), batchSize,
                RandomStream.of(seed, STREAM, trajectory, step));
        this.sampler = sampler;
    }

    @Override
    public int dimension() {
        return model.parameterCount();
    }

    @Override
    public double loss() {
        return reference.loss(model);
    }

    @Override
    public double gradient(double[] out) {
        return reference.gradient(model, out);
    }

    @Override
    public void noiseSample(double[] g, double[] out) {
        noise.sample(g, out);
    }

    @Override
    public SamplerState samplerState() {
        return sampler;
    }

    @Override
    public SymmetricOperator hessian() {
        return reference.hessian(model);
    }

    @Override
    public String describe() {
        return "training reference set n=" + n + " batch=" + batchSize + " model " + model.spec();
    }
}
