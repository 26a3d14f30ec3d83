package org.alignscope.train;

import java.util.List;
import org.alignscope.data.Dataset;
import org.alignscope.linalg.SampleMean;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.monitor.Estimate;
import org.alignscope.monitor.ModelBatches;
import org.alignscope.monitor.MonitorResult;
import org.alignscope.monitor.SamplerState;
import org.alignscope.nn.Model;
import org.alignscope.nn.ReferenceSet;

/**
 * Tests the monitor's Theorem 10 predictions at one state by experiment: from the same parameters w it takes R
 * dominant-projected SGD steps w − η P<sub>D</sub>ĝ<sub>j</sub> and R bulk-projected steps w − η P<sub>B</sub>ĝ<sub>j</sub>
 * (P<sub>D</sub> = V Vᵀ with the monitor's top-k eigenvectors, P<sub>B</sub> = I − P<sub>D</sub>), one fresh
 * mini-batch ĝ<sub>j</sub> per pair, each measured as the realised change of the reference loss
 * ΔL<sub>j</sub> = L(w') − L(w) and undone (the parameters are restored bit for bit). The mini-batches are drawn
 * like the monitor's noise samples, under the training sampler's law at this step ({@link org.alignscope.monitor.SamplerDraws}), but from
 * their own stream {@code RandomStream.of(seed, STREAM, trajectory, step)}, so the experiment does not reuse the
 * draws the prediction was estimated from.
 *
 * <p>Per subspace S it reports the mean realised change with its standard error √(var/R) (ddof 1) beside the
 * prediction E ΔL<sub>S</sub> ({@code ProjectedLoss.expectedChange}, sampler-true) and its
 * standard error, z = (mean − predicted)/√(se² + se<sub>pred</sub>²), whether the sign of the mean agrees with the
 * sign of the prediction, and the fraction of single draws whose sign agrees. The prediction is second order in
 * η; the realised change contains every order, so a large |z| at a large step is a finding, not a bug.
 */
public final class ProjectedProbe {
    /** Path element of the probe's mini-batch draws ("PROB"). */
    static final long STREAM = 0x50524F42L;

    /** The probe's part of a monitor row ({@code probe.csv} has {@link ProbeRow#COLUMNS}). */
    static final String[] COLUMNS = {"probe_draws", "probe_dom_mean", "probe_dom_se", "probe_dom_z",
        "probe_dom_sign_agrees", "probe_dom_draws_agree", "probe_bulk_mean", "probe_bulk_se", "probe_bulk_z",
        "probe_bulk_sign_agrees", "probe_bulk_draws_agree"};

    /**
     * One subspace's outcome.
     *
     * @param predicted   the monitor's E ΔL of the projected step
     * @param mean        mean realised ΔL over the draws
     * @param se          its standard error
     * @param z           (mean − predicted.value)/√(se² + predicted.se²)
     * @param signAgrees  sign(mean) = sign(predicted)
     * @param drawsAgree  fraction of draws with sign(ΔL_j) = sign(predicted)
     */
    public record Outcome(Estimate predicted, double mean, double se, double z, boolean signAgrees, double drawsAgree) {
    }

    /** Both subspaces at one state. */
    public record Result(int draws, Outcome dom, Outcome bulk) {
        /**
         * The {@code dom} and {@code bulk} rows of {@code probe.csv} for the state at {@code step} probed with step
         * size {@code eta}: predicted E ΔL<sub>S</sub>, realised mean ΔL and its standard error.
         */
        List<ProbeRow> rows(long step, double eta) {
            return List.of(new ProbeRow(step, "dom", eta, dom.predicted.value(), dom.mean, dom.se),
                    new ProbeRow(step, "bulk", eta, bulk.predicted.value(), bulk.mean, bulk.se));
        }

        /** The values of {@link #COLUMNS}, in order. */
        Object[] values() {
            return new Object[] {(long) draws, dom.mean, dom.se, dom.z, dom.signAgrees, dom.drawsAgree, bulk.mean,
                bulk.se, bulk.z, bulk.signAgrees, bulk.drawsAgree};
        }
    }

    private ProjectedProbe() {
    }

    /**
     * @param reference the reference set (L and g)
     * @param data      the dataset whose first n samples are the reference set
     * @param model     the trajectory's model at w (restored on return)
     * @param batchSize the training batch size
     * @param r         the monitor's evaluation at w (its k eigenvectors and predictions)
     * @param vectors   the monitor's eigenvectors at w (the first k span D)
     * @param draws     R ≥ 2
     * @param sampler   the law of the training loop's next batch
     * @param trainingSize the training set's size N
     */
    static Result run(ReferenceSet reference, Dataset data, Model model, int batchSize, MonitorResult r,
                      double[][] vectors, int draws, long seed, int trajectory, long step, SamplerState sampler,
                      int trainingSize) {
        if (draws < 2) {
            throw new IllegalArgumentException("probe steps must be >= 2, got " + draws);
        }
        int k = r.main().k();
        int p = model.parameterCount();
        double[] w = model.parameters();
        double[] w0 = w.clone();
        double l0 = reference.loss(model);
        ModelBatches batches = ReferenceSource.batches(data, reference.size(), model, batchSize, sampler,
                trainingSize, RandomStream.of(seed, STREAM, trajectory, step));
        double eta = r.eta();
        double[] batchGradient = new double[p];
        double[] dom = new double[draws];
        double[] bulk = new double[draws];
        double[] gd = new double[p];
        for (int j = 0; j < draws; j++) {
            batches.nextGradient(batchGradient);
            java.util.Arrays.fill(gd, 0);
            for (int i = 0; i < k; i++) {
                double c = 0;
                double[] v = vectors[i];
                for (int l = 0; l < p; l++) {
                    c += v[l] * batchGradient[l];
                }
                for (int l = 0; l < p; l++) {
                    gd[l] += c * v[l];
                }
            }
            for (int l = 0; l < p; l++) {
                w[l] = w0[l] - eta * gd[l];
            }
            dom[j] = reference.loss(model) - l0;
            for (int l = 0; l < p; l++) {
                w[l] = w0[l] - eta * (batchGradient[l] - gd[l]);
            }
            bulk[j] = reference.loss(model) - l0;
            System.arraycopy(w0, 0, w, 0, p);
        }
        return new Result(draws, outcome(r.main().dlossDom(), dom), outcome(r.main().dlossBulk(), bulk));
    }

    private static Outcome outcome(Estimate pred, double[] x) {
        SampleMean m = SampleMean.of(x);
        int agree = 0;
        for (double v : x) {
            agree += Math.signum(v) == Math.signum(pred.value()) ? 1 : 0;
        }
        double pse = Double.isFinite(pred.stdError()) ? pred.stdError() : 0;
        double z = (m.mean() - pred.value()) / Math.sqrt(m.standardError() * m.standardError() + pse * pse);
        return new Outcome(pred, m.mean(), m.standardError(), z, Math.signum(m.mean()) == Math.signum(pred.value()),
                agree / (double) x.length);
    }
}
