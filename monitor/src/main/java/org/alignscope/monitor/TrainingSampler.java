package org.alignscope.monitor;

/**
 * A training loop's sampler as the monitor reads it for the sampler-true noise model: the law of the next mini-batch,
 * read without drawing from the sampler's own stream, and the gradient over any training samples. The monitor then
 * draws its noise batches under that law itself ({@link SamplerDraws}) and computes the mean offset of the next batch
 * exactly ({@link SamplerNoise}). The reference set of the callbacks must be the training set.
 */
public interface TrainingSampler {
    /** The law of the next mini-batch; its indices are training-set indices. */
    SamplerState state();

    /** N, the number of training samples. */
    int trainingSize();

    /** B, the training batch size. */
    int batchSize();

    /** Writes the mean loss gradient over these training samples (a sample may repeat) at the current parameters. */
    void meanGradient(int[] trainingIndices, double[] out);
}
