package org.alignscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.alignscope.data.Dataset;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.monitor.AlignmentMonitor;
import org.alignscope.monitor.MonitorOptions;
import org.alignscope.monitor.MonitorResult;
import org.alignscope.monitor.SamplerState;
import org.alignscope.nn.Batch;
import org.alignscope.nn.LinearLeastSquares;
import org.alignscope.nn.Model;
import org.alignscope.nn.ReferenceSet;
import org.alignscope.theory.SignCase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The θ-probe on a linear least-squares problem, where the loss is exactly quadratic and E s<sup>D′</sup>,
 * E s<sup>B′</sup> of one SGD step with a with-replacement mini-batch follow in closed form from the per-sample
 * gradients: g′ = g − ηHĝ, E ĝ = g, Cov ĝ = Σ/B, so E‖Pg′‖² = ‖P(g − ηHg)‖² + (η²/B)(1/n)Σ<sub>s</sub>‖PH(g<sub>s</sub>
 * − g)‖² for P = VVᵀ (D) and I − VVᵀ (B).
 */
@Tag("reliability")
class ThetaProbeTest {
    static final int N = 60;
    static final int D = 4;
    static final int K = 2;
    static final int BATCH = 20;
    static final int DRAWS = 16_000;

    @Test
    void theRealisedAlignmentChangeConvergesToThePredictionAndItsSignFlipsAtEtaStar() {
        RandomStream rng = RandomStream.of(21, 4);
        double[] x = new double[N * D];
        int[] y = new int[N];
        for (int s = 0; s < N; s++) {
            for (int j = 0; j < D; j++) {
                x[s * D + j] = rng.nextGaussian() * (1 + j);
            }
            y[s] = rng.nextInt(K);
        }
        Dataset data = new Dataset("lls", x, y, new int[] {D}, K);
        ReferenceSet reference = ReferenceSet.of(x, y, 16);
        Model model = new LinearLeastSquares(D, K);
        double[] w = model.parameters();
        for (int l = 0; l < w.length; l++) {
            w[l] = rng.nextGaussian();
        }
        double eta = 0.05;
        AlignmentMonitor monitor = new AlignmentMonitor(MonitorOptions.of(2, 20_000));
        MonitorResult r = monitor.evaluate(new ReferenceSource(reference, data, N, model, BATCH, 3, 0, 0,
                SamplerState.replacement(), N), 0, eta);
        double[][] vectors = monitor.eigenvectors();
        assertEquals(SignCase.CRITICAL, r.main().signCase(), "this state has a critical step");
        double etaStar = r.main().etaStar().value();

        double[] before = w.clone();
        List<ProbeRow> rows = ThetaProbe.run(reference, data, model, BATCH, r, vectors, DRAWS, 3, 0, 0,
                SamplerState.replacement(), N);
        assertArrayEquals(bits(before), bits(model.parameters()), "the parameters are restored bit for bit");

        assertEquals(List.of("theta@0.5", "theta@2", "theta@eta", "loss@eta"),
                rows.stream().map(ProbeRow::kind).toList());
        assertEquals(List.of(0.5 * etaStar, 2 * etaStar, eta, eta), rows.stream().map(ProbeRow::eta).toList());
        // the plain step's loss change on a quadratic loss: its mean converges to E ΔL, the monitor's dloss_pred
        ProbeRow step = rows.remove(3);
        assertEquals(r.main().dlossPred().value(), step.predicted(), 0, step.toString());
        assertTrue(Math.abs(step.z()) < 4, "the realised loss change converges to dloss_pred: " + step);
        assertEquals(Outcome.HIT, step.outcome(), step.toString());
        double[] exact = exactThetaChange(reference, data, model, vectors, r.main().k(), rows);
        for (int m = 0; m < rows.size(); m++) {
            ProbeRow row = rows.get(m);
            assertTrue(Math.abs(row.z()) < 4, "the realised mean converges to the prediction: " + row);
            assertEquals(exact[m], row.realisedMean(), 4 * row.realisedSe(), "the exact E s' ratio: " + row);
            assertEquals(exact[m], row.predicted(), 0.1 * Math.abs(exact[m]), "the monitor's θ̂: " + row);
        }
        // below η* the alignment falls, above it rises (q < 0 < p), and the replicates resolve both
        assertTrue(rows.get(0).predicted() < 0 && rows.get(1).predicted() > 0, rows.toString());
        assertEquals(Outcome.HIT, rows.get(0).outcome(), rows.get(0).toString());
        assertEquals(Outcome.HIT, rows.get(1).outcome(), rows.get(1).toString());
    }

    /** θ̂(η) − θ from the closed form, per row's η. */
    private static double[] exactThetaChange(ReferenceSet reference, Dataset data, Model model, double[][] v, int k,
                                             List<ProbeRow> rows) {
        int p = model.parameterCount();
        double[] w = model.parameters();
        double[] g = new double[p];
        reference.gradient(model, g);
        double[][] h = new double[p][];
        for (int i = 0; i < p; i++) {
            double[] col = new double[p];
            w[i] += 1;
            reference.gradient(model, col);
            w[i] -= 1;
            for (int l = 0; l < p; l++) {
                col[l] -= g[l];
            }
            h[i] = col;
        }
        double[][] hNoise = new double[N][];
        Batch all = new Batch(data.features(), data.labels(), N);
        for (int s = 0; s < N; s++) {
            double[] gs = new double[p];
            model.gradient(all.rows(new int[] {s}), gs);
            for (int l = 0; l < p; l++) {
                gs[l] -= g[l];
            }
            hNoise[s] = times(h, gs);
        }
        double[] hg = times(h, g);
        double[] split0 = split(g, v, k);
        double theta = split0[0] / (split0[0] + split0[1]);
        double[] out = new double[rows.size()];
        for (int m = 0; m < rows.size(); m++) {
            double eta = rows.get(m).eta();
            double[] mean = new double[p];
            for (int l = 0; l < p; l++) {
                mean[l] = g[l] - eta * hg[l];
            }
            double[] e = split(mean, v, k);
            for (double[] hn : hNoise) {
                double[] sn = split(hn, v, k);
                e[0] += eta * eta / BATCH * sn[0] / N;
                e[1] += eta * eta / BATCH * sn[1] / N;
            }
            out[m] = e[0] / (e[0] + e[1]) - theta;
        }
        return out;
    }

    /** H x with H given by its columns. */
    private static double[] times(double[][] columns, double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int l = 0; l < x.length; l++) {
                out[l] += columns[i][l] * x[i];
            }
        }
        return out;
    }

    private static double[] split(double[] g, double[][] v, int k) {
        double sd = 0;
        for (int i = 0; i < k; i++) {
            double c = 0;
            for (int l = 0; l < g.length; l++) {
                c += v[i][l] * g[l];
            }
            sd += c * c;
        }
        return new double[] {sd, Arrays.stream(g).map(a -> a * a).sum() - sd};
    }

    private static long[] bits(double[] x) {
        return Arrays.stream(x).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
