package org.alignscope.monitor;

import org.alignscope.linalg.random.RandomStream;
import org.alignscope.nn.Batch;
import org.alignscope.nn.Model;

/**
 * The mini-batches of an nn {@link Model} on a reference set: batches drawn under the training sampler's law
 * ({@link SamplerDraws}) with their gradients, the noise they make around the reference gradient
 * ({@link SamplerNoise}), and uniform batches of the training size with their own Hessian for the edge gauges
 * ({@link BatchCurvature}). What the model-backed sources and the probes draw, in one place.
 */
public final class ModelBatches {
    private final Model model;
    private final Batch rows;
    private final int batchSize;
    private final SamplerDraws draws;

    /**
     * @param model     the model, read at its current parameters at every call
     * @param rows      the reference set's samples (training samples [0, rows.n()))
     * @param batchSize the training batch size B
     * @param draws     the law and stream of the sampler's batches
     */
    public ModelBatches(Model model, Batch rows, int batchSize, SamplerDraws draws) {
        this.model = model;
        this.rows = rows;
        this.batchSize = batchSize;
        this.draws = draws;
    }

    /** The next batch under the sampler's law. */
    public Batch nextBatch() {
        return rows.rows(draws.nextRows());
    }

    /** Writes the gradient of the next batch under the sampler's law into {@code out}. */
    public void nextGradient(double[] out) {
        model.gradient(nextBatch(), out);
    }

    /** Writes ξ = ĝ − g of the next batch into {@code out}. */
    public void noiseSample(double[] g, double[] out) {
        nextGradient(out);
        for (int i = 0; i < out.length; i++) {
            out[i] -= g[i];
        }
    }

    /** The sampler-true noise of the next batch around the reference gradient g. */
    public BatchNoise batchNoise(double[] g) {
        return SamplerNoise.of(draws, (idx, out) -> model.gradient(rows.rows(idx), out), g);
    }

    /**
     * Uniform B-subsets of the reference set, each from a fresh permutation of {@code stream} (the draws of
     * {@link SamplerState#unknown()}), with the model's gradient and exact Hessian on them.
     */
    public BatchCurvature batchCurvature(RandomStream stream) {
        return gradient -> {
            Batch b = rows.rows(SamplerDraws.of(SamplerState.unknown(), rows.n(), batchSize, rows.n(), stream)
                    .nextRows());
            model.gradient(b, gradient);
            return model.hessian(b);
        };
    }

    /** How the sampler's batches are drawn. */
    public String describe() {
        return draws.describe();
    }
}
