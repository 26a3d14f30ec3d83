package org.alignscope.monitor;

import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.nn.Batch;
import org.alignscope.nn.Model;

/**
 * An nn {@link Model} on a fixed reference set: g and H are the gradient and (exact, R-operator) Hessian of the
 * mean loss on the whole reference set; the noise is that of the training loop's next mini-batch, drawn from the
 * reference set under the sampler's law ({@link ModelBatches}): by default the law is unknown
 * and a mini-batch is drawn uniformly <em>without replacement from the reference set</em>, so that E ξ = 0 exactly
 * (the reference set is the population the mini-batches come from). Mini-batches are drawn from
 * {@code RandomStream.of(seed, BATCH_STREAM)}.
 *
 * <p>The model's live parameters are read at every call; {@link #hessian()} is frozen at the point of the call.
 */
public final class ModelSource implements CurvatureSource {
    /** Stream path component of the mini-batch draws ("MBAT"). */
    public static final long BATCH_STREAM = 0x4D424154L;

    private final Model model;
    private final Batch reference;
    private final int batchSize;
    private final ModelBatches batches;

    /**
     * A source whose sampler law is unknown (the i.i.d. noise model).
     *
     * @param model     the model (its parameters are the point w)
     * @param reference the reference set, the population of the mini-batches
     * @param batchSize the training batch size, 1 ≤ batchSize ≤ reference.n()
     * @param seed      seed of the mini-batch stream
     */
    public ModelSource(Model model, Batch reference, int batchSize, long seed) {
        this(model, reference, batchSize, seed, SamplerState.unknown(), reference.n());
    }

    /**
     * A source at a point of training whose next batch follows {@code sampler}.
     *
     * @param sampler      the law of the next training batch (training-set indices)
     * @param trainingSize N; the reference set is training samples [0, reference.n())
     */
    public ModelSource(Model model, Batch reference, int batchSize, long seed, SamplerState sampler,
                       int trainingSize) {
        this.batches = new ModelBatches(model, reference, batchSize, SamplerDraws.of(sampler, trainingSize, batchSize,
                reference.n(), RandomStream.of(seed, BATCH_STREAM)));
        this.model = model;
        this.reference = reference;
        this.batchSize = batchSize;
    }

    /** The model. */
    public Model model() {
        return model;
    }

    @Override
    public int dimension() {
        return model.parameterCount();
    }

    @Override
    public double loss() {
        return model.loss(reference);
    }

    @Override
    public double gradient(double[] out) {
        return model.gradient(reference, out);
    }

    /** A mini-batch of the reference set drawn under the sampler's law. */
    public Batch nextBatch() {
        return batches.nextBatch();
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
        return model.hessian(reference);
    }

    @Override
    public String describe() {
        return "model " + model.spec() + " reference n=" + reference.n() + " batch=" + batchSize;
    }
}
