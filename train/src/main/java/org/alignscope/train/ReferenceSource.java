package org.alignscope.train;

import org.alignscope.data.Dataset;
import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.monitor.BatchCurvature;
import org.alignscope.monitor.BatchNoise;
import org.alignscope.monitor.CurvatureSource;
import org.alignscope.monitor.SamplerDraws;
import org.alignscope.monitor.ModelBatches;
import org.alignscope.monitor.SamplerState;
import org.alignscope.nn.Batch;
import org.alignscope.nn.Model;
import org.alignscope.nn.ReferenceSet;

/**
 * The monitor's view of one training trajectory: g, L and H are those of the trainer's chunked reference set
 * (the same operator as the tracked subspace's), and the noise is that of the training loop's next mini-batch, under
 * the sampler's law at this step ({@link ModelBatches}): under the epoch sampler a uniform
 * B-subset of the samples the epoch has not used yet, whose mean gradient is computed exactly. The draws come from
 * {@code RandomStream.of(seed, STREAM, trajectory, step)}: a pure function of where the evaluation happens, so a
 * resumed run draws the same batches. The training data order is read, never drawn from.
 */
final class ReferenceSource implements CurvatureSource {
    /** Path element of the monitor's mini-batch draws ("TMON"). */
    static final long STREAM = 0x544D4F4EL;

    private final ReferenceSet reference;
    private final int n;
    private final Model model;
    private final int batchSize;
    private final ModelBatches batches;

    /**
     * @param reference  the chunked reference set
     * @param data       the dataset whose first {@code n} samples form the reference set
     * @param n          reference samples
     * @param model      the trajectory's model (live parameters)
     * @param batchSize  training batch size
     * @param sampler    the law of the training loop's batch at this step (indices into the training set)
     * @param trainingSize the training set's size N
     */
    ReferenceSource(ReferenceSet reference, Dataset data, int n, Model model, int batchSize, long seed,
                    int trajectory, long step, SamplerState sampler, int trainingSize) {
        this.reference = reference;
        this.n = n;
        this.model = model;
        this.batchSize = batchSize;
        this.batches = batches(data, n, model, batchSize, sampler, trainingSize, RandomStream.of(seed, STREAM,
                trajectory, step));
    }

    /**
     * The mini-batches of the reference set (the first {@code n} samples of {@code data}) drawn under the sampler's
     * law from {@code stream}: the monitor's noise draws here, the probes' steps in {@link ProjectedProbe} and
     * {@link ThetaProbe}.
     */
    static ModelBatches batches(Dataset data, int n, Model model, int batchSize, SamplerState sampler,
                                int trainingSize, RandomStream stream) {
        return new ModelBatches(model, new Batch(data.features(), data.labels(), n), batchSize,
                SamplerDraws.of(sampler, trainingSize, batchSize, n, stream));
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
        batches.noiseSample(g, out);
    }

    @Override
    public BatchNoise batchNoise(double[] g) {
        return batches.batchNoise(g);
    }

    /** Uniform B-subsets of the reference set with the model's gradient and exact Hessian on them. */
    @Override
    public BatchCurvature batchCurvature(RandomStream stream) {
        return batches.batchCurvature(stream);
    }

    @Override
    public SymmetricOperator hessian() {
        return reference.hessian(model);
    }

    @Override
    public String describe() {
        return "training reference set n=" + n + " batch=" + batchSize + " (" + batches.describe() + ") model "
                + model.spec();
    }
}
