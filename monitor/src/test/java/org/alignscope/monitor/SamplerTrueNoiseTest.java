package org.alignscope.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.nn.Batch;
import org.alignscope.nn.LinearLeastSquares;
import org.alignscope.nn.Model;
import org.alignscope.theory.SamplerMoments;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The monitor's predictions against the exact sampler-true expectations on a finite least-squares problem
 * (N = 200 samples, batch B = 50, the linear model {@code lls:4-2}, whose loss is exactly quadratic), at a state after
 * the second batch of an epoch (R = 100 samples left). The exact values use the true per-sample gradients: g, the
 * remaining samples' mean g<sub>R</sub> and covariance S<sub>R</sub> (ddof 0), and the explicit Hessian; every
 * projected step's loss change ΔL = −ηgᵀPĝ + ½η²ĝᵀPHPĝ and next s<sup>S</sup> = ‖P<sub>S</sub>(g − ηHĝ)‖² then have
 * closed-form expectations over E ĝ = g + m, Cov ĝ = c S.
 */
@Tag("reliability")
class SamplerTrueNoiseTest {
    static final int N = 200;
    private static final int B = 50;
    private static final int FEATURES = 4;
    private static final int K = 2;
    private static final int R = 1024;
    private static final double ETA = 0.8;

    private final Batch data = data();
    private final Model model = model();
    private final int[] remaining = Arrays.copyOfRange(RandomStream.of(5, 1).permutation(N), 2 * B, N);

    /** The least-squares data set: N samples of 4 features with decreasing scales, 2 classes. */
    static Batch data() {
        RandomStream r = RandomStream.of(3, 7);
        double[] scale = {2.0, 1.2, 0.5, 0.2};
        double[] x = new double[N * FEATURES];
        int[] y = new int[N];
        for (int i = 0; i < N; i++) {
            for (int f = 0; f < FEATURES; f++) {
                x[i * FEATURES + f] = scale[f] * r.nextGaussian() + (f == 0 ? 0.3 : 0);
            }
            y[i] = r.nextInt(2);
        }
        return new Batch(x, y, N);
    }

    /** {@code lls:4-2} at a random point, so that g ≠ 0. */
    static Model model() {
        Model m = new LinearLeastSquares(FEATURES, 2);
        RandomStream r = RandomStream.of(9);
        double[] w = m.parameters();
        for (int i = 0; i < w.length; i++) {
            w[i] = 0.7 * r.nextGaussian();
        }
        return m;
    }

    /** The dominant eigenvectors of the last evaluation. */
    private double[][] dominant;

    private MonitorResult evaluate(SamplerState state) {
        ModelSource src = new ModelSource(model, data, B, 11, state, N);
        AlignmentMonitor monitor = new AlignmentMonitor(MonitorOptions.of(K, R).withKSpread(0));
        MonitorResult r = monitor.evaluate(src, 0, ETA);
        dominant = Arrays.copyOf(monitor.eigenvectors(), K);
        return r;
    }

    /** The exact expectations of one step under a batch law: E ΔL for D, B and the full step, and θ̂ = E s^D'/(E s'). */
    private double[] exact(int[] population, double factor, double[][] dominant) {
        int p = model.parameterCount();
        double[][] grads = new double[N][p];
        for (int i = 0; i < N; i++) {
            model.gradient(data.rows(new int[] {i}), grads[i]);
        }
        double[] g = mean(grads, all(N));
        double[] mu = mean(grads, population);
        double[][] cov = new double[p][p];
        for (int i : population) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    cov[a][b] += (grads[i][a] - mu[a]) * (grads[i][b] - mu[b]) / population.length;
                }
            }
        }
        double[][] h = hessian(model.hessian(data));
        double[][] pd = new double[p][p];
        for (double[] v : dominant) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    pd[a][b] += v[a] * v[b];
                }
            }
        }
        double[][] pb = new double[p][p];
        double[][] id = new double[p][p];
        for (int a = 0; a < p; a++) {
            id[a][a] = 1;
            for (int b = 0; b < p; b++) {
                pb[a][b] = id[a][b] - pd[a][b];
            }
        }
        double[] out = new double[4];
        out[0] = lossChange(g, mu, cov, factor, h, pd);
        out[1] = lossChange(g, mu, cov, factor, h, pb);
        out[2] = lossChange(g, mu, cov, factor, h, id);
        double sDom = nextS(g, mu, cov, factor, h, pd);
        out[3] = sDom / (sDom + nextS(g, mu, cov, factor, h, pb));
        return out;
    }

    /** E[−ηgᵀPĝ + ½η²ĝᵀPHPĝ] = −ηgᵀPμ + ½η²(μᵀPHPμ + c tr(PHP S)). */
    private static double lossChange(double[] g, double[] mu, double[][] cov, double c, double[][] h, double[][] proj) {
        double[][] php = times(proj, times(h, proj));
        return -ETA * dot(g, apply(proj, mu)) + 0.5 * ETA * ETA * (dot(mu, apply(php, mu)) + c * trace(php, cov));
    }

    /** E‖P(g − ηHĝ)‖² = ‖P(g − ηHμ)‖² + η²c tr(HPH S). */
    private static double nextS(double[] g, double[] mu, double[][] cov, double c, double[][] h, double[][] proj) {
        double[] hmu = apply(h, mu);
        double[] d = new double[g.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = g[i] - ETA * hmu[i];
        }
        double[] pd = apply(proj, d);
        return dot(pd, pd) + ETA * ETA * c * trace(times(h, times(proj, h)), cov);
    }

    @Test
    void midEpochPredictionsMatchTheExactExpectationsAndTheIidModelMissesThem() {
        MonitorResult epoch = evaluate(SamplerState.epoch(remaining));
        double[] truth = exact(remaining, SamplerMoments.withoutReplacement(remaining.length, B), dominant);
        assertWithin("epoch", epoch.main(), truth, 3);

        MonitorResult iid = evaluate(SamplerState.unknown());
        BlockEstimate e = iid.main();
        report("epoch, exact vs sampler-true", epoch.main(), truth);
        report("epoch, exact vs i.i.d. model", e, truth);
        double miss = Math.abs(e.dlossPred().value() - truth[2]) / e.dlossPred().stdError();
        assertTrue(miss > 5, "the i.i.d. model under epoch misses the full step's E dL by " + miss + " SE (want > 5)");
    }

    @Test
    void withReplacementPredictionsMatchTheExactExpectations() {
        MonitorResult rep = evaluate(SamplerState.replacement());
        double[] truth = exact(all(N), SamplerMoments.withReplacement(B), dominant);
        report("replacement, exact vs sampler-true", rep.main(), truth);
        assertWithin("replacement", rep.main(), truth, 3);
    }

    @Test
    void theLastBatchOfAnEpochIsPredictedExactlyWithNoError() {
        int[] last = Arrays.copyOfRange(remaining, B, remaining.length);
        MonitorResult r = evaluate(SamplerState.epoch(last));
        double[] truth = exact(last, 0, dominant);
        BlockEstimate e = r.main();
        Estimate[] predicted = {e.dlossDom(), e.dlossBulk(), e.dlossPred(), e.thetaNext()};
        for (int i = 0; i < predicted.length; i++) {
            assertEquals(0, predicted[i].stdError(), "R = B: no noise, output " + i);
            assertEquals(truth[i], predicted[i].value(), 1e-9 * Math.abs(truth[i]), "R = B: output " + i);
        }
    }

    @Test
    void callbacksThatExposeTheirSamplerGetTheSamePredictionsAsTheModelSource() {
        SamplerState state = SamplerState.epoch(remaining);
        TrainingSampler sampler = new TrainingSampler() {
            @Override
            public SamplerState state() {
                return state;
            }

            @Override
            public int trainingSize() {
                return N;
            }

            @Override
            public int batchSize() {
                return B;
            }

            @Override
            public void meanGradient(int[] trainingIndices, double[] out) {
                model.gradient(data.rows(trainingIndices), out);
            }
        };
        TrainingCallbacks callbacks = new TrainingCallbacks() {
            @Override
            public double[] parameters() {
                return model.parameters();
            }

            @Override
            public double referenceGradient(double[] out) {
                return model.gradient(data, out);
            }

            @Override
            public void batchGradient(double[] out) {
                throw new AssertionError("a sampler-true source draws its own batches");
            }

            @Override
            public boolean hasHvp() {
                return true;
            }

            @Override
            public void referenceHvp(double[] v, double[] out) {
                model.hessian(data).apply(v, out);
            }

            @Override
            public TrainingSampler sampler() {
                return sampler;
            }
        };
        MonitorOptions options = MonitorOptions.of(K, R).withKSpread(0);
        BlockEstimate viaModel = new AlignmentMonitor(options)
                .evaluate(new ModelSource(model, data, B, 0, state, N), 0, ETA).main();
        BlockEstimate viaCallbacks = new AlignmentMonitor(options).evaluate(CallbackSource.of(callbacks), 0, ETA).main();
        assertEquals(viaModel.dlossPred(), viaCallbacks.dlossPred());
        assertEquals(viaModel.dlossDom(), viaCallbacks.dlossDom());
        assertEquals(viaModel.thetaNext(), viaCallbacks.thetaNext());
    }

    /** Prints each prediction against the exact value, for docs/results/monitor.md. */
    private static void report(String law, BlockEstimate e, double[] truth) {
        Estimate[] predicted = {e.dlossDom(), e.dlossBulk(), e.dlossPred(), e.thetaNext()};
        String[] names = {"E dL_D", "E dL_B", "E dL", "theta_next"};
        for (int i = 0; i < predicted.length; i++) {
            System.out.printf(java.util.Locale.ROOT, "%s: %s exact %.6g predicted %s z %.2f%n", law, names[i], truth[i],
                    predicted[i], (predicted[i].value() - truth[i]) / predicted[i].stdError());
        }
    }

    private static void assertWithin(String law, BlockEstimate e, double[] truth, double z) {
        Estimate[] predicted = {e.dlossDom(), e.dlossBulk(), e.dlossPred(), e.thetaNext()};
        String[] names = {"E dL_D", "E dL_B", "E dL", "theta_next"};
        for (int i = 0; i < predicted.length; i++) {
            double se = predicted[i].stdError();
            assertTrue(se > 0, law + " " + names[i] + " has a standard error");
            assertTrue(Math.abs(predicted[i].value() - truth[i]) <= z * se, law + " " + names[i] + ": predicted "
                    + predicted[i] + ", exact " + truth[i] + " (" + (predicted[i].value() - truth[i]) / se + " SE)");
        }
    }

    private static double[][] hessian(SymmetricOperator op) {
        int n = op.dimension();
        double[][] h = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] e = new double[n];
            e[i] = 1;
            h[i] = new double[n];
            op.apply(e, h[i]);
        }
        return h;
    }

    private static double[] mean(double[][] rows, int[] idx) {
        double[] m = new double[rows[0].length];
        for (int i : idx) {
            for (int j = 0; j < m.length; j++) {
                m[j] += rows[i][j] / idx.length;
            }
        }
        return m;
    }

    private static int[] all(int n) {
        int[] idx = new int[n];
        Arrays.setAll(idx, i -> i);
        return idx;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] apply(double[][] m, double[] x) {
        double[] y = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            y[i] = dot(m[i], x);
        }
        return y;
    }

    private static double[][] times(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    private static double trace(double[][] a, double[][] b) {
        double t = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                t += a[i][j] * b[j][i];
            }
        }
        return t;
    }
}
