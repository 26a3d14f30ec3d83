package org.alignscope.train;

import org.alignscope.data.Dataset;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.monitor.SamplerDraws;
import org.alignscope.monitor.SamplerState;
import org.alignscope.nn.Batch;
import org.alignscope.nn.Model;
import org.alignscope.nn.ReferenceSet;

/**
 * The mini-batch gradients of a probe: batches of reference rows drawn under the training sampler's law at the
 * probed step ({@link SamplerDraws}) from the probe's own stream, so that a probe does not reuse the draws the
 * monitor's prediction was estimated from.
 */
final class ProbeBatches {
    private final Batch rows;
    private final SamplerDraws draws;
    private final Model model;

    /**
     * @param reference    the reference set (the first n training samples)
     * @param data         the dataset whose first n samples are the reference set
     * @param model        the model whose gradient is taken, at its current parameters
     * @param batchSize    the training batch size
     * @param sampler      the law of the training loop's next batch
     * @param trainingSize the training set's size N
     * @param stream       the probe's stream
     */
    ProbeBatches(ReferenceSet reference, Dataset data, Model model, int batchSize, SamplerState sampler,
                 int trainingSize, RandomStream stream) {
        this.rows = new Batch(data.features(), data.labels(), reference.size());
        this.draws = SamplerDraws.of(sampler, trainingSize, batchSize, reference.size(), stream);
        this.model = model;
    }

    /** The gradient of the next drawn mini-batch at the model's current parameters, into {@code out}. */
    void next(double[] out) {
        model.gradient(rows.rows(draws.nextRows()), out);
    }
}
