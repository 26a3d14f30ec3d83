package org.alignscope.train;

import java.util.ArrayList;
import java.util.List;
import org.alignscope.data.Dataset;
import org.alignscope.linalg.SampleMean;
import org.alignscope.linalg.SampleShare;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.monitor.BlockEstimate;
import org.alignscope.monitor.ModelBatches;
import org.alignscope.monitor.MonitorResult;
import org.alignscope.monitor.SamplerState;
import org.alignscope.nn.Model;
import org.alignscope.nn.ReferenceSet;

/**
 * Tests the monitor's alignment predictions one step ahead: from the parameters w of an evaluated state it takes R
 * SGD steps w′ = w − ηĝ<sub>j</sub> at each of three step sizes, one fresh mini-batch ĝ<sub>j</sub> per replicate
 * shared by the three (common random numbers), and measures s<sup>D′</sup> = Σ<sub>i&lt;k</sub>(v<sub>i</sub>ᵀg′)²
 * and s<sup>B′</sup> = ‖g′‖² − s<sup>D′</sup> of the reference gradient g′ at w′ in the basis V of the probed
 * state (the monitor's first k eigenvectors; no new eigen-solve). Each step is undone, the parameters restored bit
 * for bit.
 *
 * <p>The realised change is the share of the mean s<sup>D′</sup>, mean s<sup>D′</sup>/(mean s<sup>D′</sup> +
 * mean s<sup>B′</sup>), minus θ of the probed state in the same basis, with its delta-method standard error over
 * the R replicates ({@link SampleShare}); the prediction is θ̂(η) − θ, the monitor's ratio of expectations
 * ({@link BlockEstimate#predictedTheta}, Lemma 20). Where η* is finite and positive the step sizes are 0.5η* and
 * 2η*, on either side of the predicted sign change (kinds {@code theta@0.5}, {@code theta@2}), else 0.5η and 2η
 * ({@code theta@0.5eta}, {@code theta@2eta}); the run's own η is always probed ({@code theta@eta}). The
 * mini-batches are drawn under the training sampler's law from their own stream
 * {@code RandomStream.of(seed, STREAM, trajectory, step)}. The replicates at the run's η also give the plain step's
 * loss change, mean ΔL = mean L(w′) − L(w) of the reference loss with its standard error, against the monitor's
 * {@code dloss_pred} (kind {@code loss@eta}). On a quadratic loss θ̂ is exact; on a network it is
 * second order in η, so a miss at 2η* can be the curvature's change over the step.
 */
public final class ThetaProbe {
    /** Path element of the θ-probe's mini-batch draws ("THPR"). */
    static final long STREAM = 0x54485052L;
    /** The index of the run's own η among the probed step sizes. */
    private static final int RUN_ETA = 2;

    private ThetaProbe() {
    }

    /**
     * The θ-probe's rows of {@code probe.csv} at one state ({@code theta@0.5}, {@code theta@2},
     * {@code theta@eta}, or {@code theta@0.5eta}, {@code theta@2eta}, {@code theta@eta}), then {@code loss@eta}.
     *
     * @param reference    the reference set (g)
     * @param data         the dataset whose first n samples are the reference set
     * @param model        the trajectory's model at w (restored on return)
     * @param batchSize    the training batch size
     * @param r            the monitor's evaluation at w (its k, η, η* and moments)
     * @param vectors      the monitor's eigenvectors at w (the first k span D)
     * @param draws        R ≥ 2
     * @param sampler      the law of the training loop's next batch
     * @param trainingSize the training set's size N
     */
    static List<ProbeRow> run(ReferenceSet reference, Dataset data, Model model, int batchSize, MonitorResult r,
                              double[][] vectors, int draws, long seed, int trajectory, long step, SamplerState sampler,
                              int trainingSize) {
        if (draws < 2) {
            throw new IllegalArgumentException("probe steps must be >= 2, got " + draws);
        }
        BlockEstimate block = r.main();
        int k = block.k();
        double eta = r.eta();
        double etaStar = block.etaStar().value();
        boolean critical = etaStar > 0 && Double.isFinite(etaStar);
        double unit = critical ? etaStar : eta;
        String suffix = critical ? "" : "eta";
        String[] kinds = {"theta@0.5" + suffix, "theta@2" + suffix, "theta@eta"};
        double[] etas = {0.5 * unit, 2 * unit, eta};

        int p = model.parameterCount();
        double[] w = model.parameters();
        double[] w0 = w.clone();
        double[] g = new double[p];
        double loss = reference.gradient(model, g);
        double[] split = split(g, vectors, k);
        double theta = split[0] / (split[0] + split[1]);

        ModelBatches batches = ReferenceSource.batches(data, reference.size(), model, batchSize, sampler,
                trainingSize, RandomStream.of(seed, STREAM, trajectory, step));
        double[] batchGradient = new double[p];
        double[][] dom = new double[etas.length][draws];
        double[][] bulk = new double[etas.length][draws];
        double[] lossChange = new double[draws];
        for (int j = 0; j < draws; j++) {
            batches.nextGradient(batchGradient);
            for (int m = 0; m < etas.length; m++) {
                for (int l = 0; l < p; l++) {
                    w[l] = w0[l] - etas[m] * batchGradient[l];
                }
                double stepLoss = reference.gradient(model, g);
                if (m == RUN_ETA) {
                    lossChange[j] = stepLoss - loss;
                }
                double[] s = split(g, vectors, k);
                dom[m][j] = s[0];
                bulk[m][j] = s[1];
                System.arraycopy(w0, 0, w, 0, p);
            }
        }
        List<ProbeRow> rows = new ArrayList<>();
        for (int m = 0; m < etas.length; m++) {
            SampleShare share = SampleShare.of(dom[m], bulk[m]);
            rows.add(new ProbeRow(step, kinds[m], etas[m], block.predictedTheta(etas[m]) - block.theta(),
                    share.share() - theta, share.standardError()));
        }
        SampleMean change = SampleMean.of(lossChange);
        rows.add(new ProbeRow(step, ProbeRow.STEP_KINDS.get(0), eta, block.dlossPred().value(), change.mean(),
                change.standardError()));
        return rows;
    }

    /** (s<sup>D</sup>, s<sup>B</sup>) of {@code g} in the span of the first k {@code vectors}. */
    private static double[] split(double[] g, double[][] vectors, int k) {
        double sd = 0;
        for (int i = 0; i < k; i++) {
            double c = 0;
            double[] v = vectors[i];
            for (int l = 0; l < g.length; l++) {
                c += v[l] * g[l];
            }
            sd += c * c;
        }
        double gg = 0;
        for (double x : g) {
            gg += x * x;
        }
        return new double[] {sd, Math.max(0, gg - sd)};
    }
}
