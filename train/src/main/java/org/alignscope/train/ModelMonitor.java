package org.alignscope.train;

import java.util.List;
import java.util.stream.IntStream;
import org.alignscope.data.Dataset;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.monitor.AlignmentMonitor;
import org.alignscope.monitor.ModelSource;
import org.alignscope.monitor.MonitorOptions;
import org.alignscope.monitor.MonitorResult;
import org.alignscope.monitor.SamplerDraws;
import org.alignscope.monitor.SamplerState;
import org.alignscope.nn.Batch;
import org.alignscope.nn.Model;
import org.alignscope.nn.ReferenceSet;

/**
 * One evaluation of the alignment monitor at a saved model on a reference set, without a training run
 * ({@code alignscope monitor --model-checkpoint DIR --data SOURCE}). The reference set stands for the whole training
 * set (N = n), the step is a plain SGD step of size η, and the noise is that of the next mini-batch of B samples
 * under the chosen sampler with no training history:
 * <ul>
 *   <li>{@link Sampler#REPLACEMENT}: {@link SamplerState#replacement()}, B rows drawn independently and uniformly
 *       with replacement (covariance S/B);</li>
 *   <li>{@link Sampler#EPOCH}: an epoch at its start, {@link SamplerState#epoch} with every sample left, so the next
 *       batch is a uniform B-subset of the n samples (Cov ĝ = c S with the finite-population factor
 *       c = (n − B)/(B(n − 1)) of {@code SamplerMoments.withoutReplacement}; a batch of all n samples has no
 *       noise).</li>
 * </ul>
 * The monitor's source is {@link ModelSource} (g, L and H of the whole reference set; noise batches from
 * {@code RandomStream.of(seed, ModelSource.BATCH_STREAM)}), the Lanczos start is the options' seed. With probes,
 * the projected-step experiment ({@link ProjectedProbe}) and the θ-probe ({@link ThetaProbe}) run at the same
 * parameters as trajectory 0 at step 0 of {@code seed}. No step is taken, so the realised loss change of the
 * evaluated step is undefined (NaN); the probes measure realised changes.
 */
public final class ModelMonitor {
    private final Model model;
    private final Dataset reference;
    private final int batchSize;
    private final SamplerState sampler;

    /**
     * @param model     the model at the parameters to evaluate at (restored after the probes)
     * @param reference the reference set, the population of the mini-batches
     * @param batchSize B, 1 ≤ B ≤ reference.size()
     * @param sampler   the sampler whose next batch the noise follows
     */
    public ModelMonitor(Model model, Dataset reference, int batchSize, Sampler sampler) {
        if (batchSize < 1 || batchSize > reference.size()) {
            throw new IllegalArgumentException("batch size must lie in [1, " + reference.size()
                    + "] (the reference set), got " + batchSize);
        }
        this.model = model;
        this.reference = reference;
        this.batchSize = batchSize;
        this.sampler = state(sampler, reference.size());
    }

    /** The law of the next batch of {@code sampler} over n samples with no history (see the class comment). */
    public static SamplerState state(Sampler sampler, int n) {
        return sampler == Sampler.REPLACEMENT ? SamplerState.replacement()
                : SamplerState.epoch(IntStream.range(0, n).toArray());
    }

    /** The monitor's source with the noise batches of {@code seed}. */
    public ModelSource source(long seed) {
        return new ModelSource(model, new Batch(reference.features(), reference.labels(), reference.size()), batchSize,
                seed, sampler, reference.size());
    }

    /** How the noise batches are drawn, in words (for the manifest). */
    public String noiseModel() {
        return SamplerDraws.of(sampler, reference.size(), batchSize, reference.size(), RandomStream.of(0))
                .describe();
    }

    /**
     * Evaluates the monitor once at the model's parameters (step 0, step size {@code eta}) and, with
     * {@code probeSteps} ≥ 2, the probes there.
     *
     * @param options    the monitor's settings (the Lanczos seed included)
     * @param seed       seed of the noise batches and the probes' batches
     * @param probeSteps 0 (no probe) or R ≥ 2 draws per subspace and step size
     * @return the evaluation as trajectory {@code model}, its realised loss change NaN
     */
    public CheckpointMonitor.Evaluation evaluate(MonitorOptions options, double eta, long seed, int probeSteps) {
        AlignmentMonitor monitor = new AlignmentMonitor(options);
        MonitorResult r = monitor.evaluate(source(seed), 0, eta);
        if (probeSteps == 0) {
            return new CheckpointMonitor.Evaluation("model", seed, r, Double.NaN, null, List.of());
        }
        ReferenceSet set = ReferenceSet.of(reference.features(), reference.labels(), 0);
        int n = reference.size();
        ProjectedProbe.Result probe = ProjectedProbe.run(set, reference, model, batchSize, r, monitor.eigenvectors(),
                probeSteps, seed, 0, 0, sampler, n);
        List<ProbeRow> theta = ThetaProbe.run(set, reference, model, batchSize, r, monitor.eigenvectors(),
                probeSteps, seed, 0, 0, sampler, n);
        return new CheckpointMonitor.Evaluation("model", seed, r, Double.NaN, probe, theta);
    }
}
