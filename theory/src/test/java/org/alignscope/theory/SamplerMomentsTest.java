package org.alignscope.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.function.Consumer;
import org.alignscope.linalg.random.RandomStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The sampler-true moments on a finite least-squares problem (1/N)Σ½(x<sub>i</sub>ᵀw − y<sub>i</sub>)² with Hessian
 * diag(λ), the dominant block D = {0, 1} and the bulk B = {2, 3}: the expected loss change and the next
 * s<sup>S</sup> of one step, over every batch the sampler can draw, against the sampler-true forms of
 * {@link ProjectedLoss} and {@link CriticalStep}.
 */
@Tag("reliability")
class SamplerMomentsTest {
    private static final double[] LAMBDA = {4, 2, 0.5, 0.25};
    /** D, B and the whole space last. */
    private static final int[][] BLOCKS = {{0, 2}, {2, 4}, {0, 4}};
    private static final double ETA = 0.3;

    /** Per-sample gradients g<sub>i</sub> = x<sub>i</sub>(x<sub>i</sub>ᵀw − y<sub>i</sub>) of n samples at fixed w. */
    private static double[][] perSampleGradients(int n, long seed) {
        RandomStream r = RandomStream.of(seed);
        int d = LAMBDA.length;
        double[][] col = new double[d][n];
        for (int j = 0; j < d; j++) {
            r.fillGaussian(col[j], 0, n);
            for (int k = 0; k < j; k++) {
                double dot = dot(col[j], col[k]);
                for (int i = 0; i < n; i++) {
                    col[j][i] -= dot * col[k][i];
                }
            }
            double norm = Math.sqrt(dot(col[j], col[j]));
            for (int i = 0; i < n; i++) {
                col[j][i] /= norm;
            }
        }
        double[] w = {1, -0.5, 2, 1.5};
        double[][] g = new double[n][d];
        for (int i = 0; i < n; i++) {
            double residual = 2 * r.nextGaussian();
            for (int j = 0; j < d; j++) {
                residual += Math.sqrt(n * LAMBDA[j]) * col[j][i] * w[j];
            }
            for (int j = 0; j < d; j++) {
                g[i][j] = Math.sqrt(n * LAMBDA[j]) * col[j][i] * residual;
            }
        }
        return g;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] mean(double[][] g, int[] idx) {
        double[] m = new double[g[0].length];
        for (int i : idx) {
            for (int j = 0; j < m.length; j++) {
                m[j] += g[i][j] / idx.length;
            }
        }
        return m;
    }

    private static int[] all(int n) {
        int[] idx = new int[n];
        Arrays.setAll(idx, i -> i);
        return idx;
    }

    /** The realised ΔL<sub>S</sub> = Σ<sub>j∈S</sub> −η g<sub>j</sub>ĝ<sub>j</sub> + ½η²λ<sub>j</sub>ĝ<sub>j</sub>². */
    private static double lossChange(double[] g, double[] batchMean, int[] block) {
        double dl = 0;
        for (int j = block[0]; j < block[1]; j++) {
            dl += -ETA * g[j] * batchMean[j] + 0.5 * ETA * ETA * LAMBDA[j] * batchMean[j] * batchMean[j];
        }
        return dl;
    }

    /** The realised s<sup>S</sup><sub>t+1</sub> = Σ<sub>j∈S</sub> (g<sub>j</sub> − ηλ<sub>j</sub>ĝ<sub>j</sub>)². */
    private static double nextS(double[] g, double[] batchMean, int[] block) {
        double s = 0;
        for (int j = block[0]; j < block[1]; j++) {
            double next = g[j] - ETA * LAMBDA[j] * batchMean[j];
            s += next * next;
        }
        return s;
    }

    /**
     * The block's sampler-true moments for batches drawn from {@code population} with covariance factor c: s, τ, u
     * of g, the non-centred e = ‖P<sub>S</sub>Hm‖² + c·tr(H<sub>S</sub>²S) and n<sup>loss</sup> =
     * m<sub>S</sub>ᵀHm<sub>S</sub> + c·tr(H<sub>S</sub>S), and the offset's linear terms.
     */
    private static BlockMoments moments(double[][] gs, int[] population, double factor, int[] block) {
        double[] g = mean(gs, all(gs.length));
        double[] gp = mean(gs, population);
        double[] m = SamplerMoments.meanOffset(gp, g);
        double s = 0;
        double tau = 0;
        double u = 0;
        double gm = 0;
        double gHm = 0;
        double hgHm = 0;
        double mHm = 0;
        double mH2m = 0;
        double traceHS = 0;
        double traceH2S = 0;
        for (int j = block[0]; j < block[1]; j++) {
            double l = LAMBDA[j];
            s += g[j] * g[j];
            tau += l * g[j] * g[j];
            u += l * l * g[j] * g[j];
            gm += g[j] * m[j];
            gHm += l * g[j] * m[j];
            hgHm += l * l * g[j] * m[j];
            mHm += l * m[j] * m[j];
            mH2m += l * l * m[j] * m[j];
            double var = 0;
            for (int i : population) {
                var += (gs[i][j] - gp[j]) * (gs[i][j] - gp[j]) / population.length;
            }
            traceHS += l * var;
            traceH2S += l * l * var;
        }
        return new BlockMoments(s, tau, u, SamplerMoments.noiseQuadratic(mH2m, factor, traceH2S),
                SamplerMoments.noiseQuadratic(mHm, factor, traceHS), new MeanOffset(gm, gHm, hgHm));
    }

    /** The closed form of E ΔL<sub>S</sub> for batches drawn from {@code population} with covariance factor c. */
    private static double expected(double[][] gs, int[] population, double factor, int[] block) {
        return ProjectedLoss.expectedChange(moments(gs, population, factor, block), ETA);
    }

    /** The closed form of E s<sup>S</sup><sub>t+1</sub> for those batches. */
    private static double expectedNextS(double[][] gs, int[] population, double factor, int[] block) {
        return CriticalStep.expectedNextS(moments(gs, population, factor, block), ETA);
    }

    /** The samples an epoch has not used after {@code batches} batches of size b: the rest of its permutation. */
    private static int[] remainingAfter(int n, int b, int batches) {
        int[] perm = RandomStream.of(11, 1).permutation(n);
        return Arrays.copyOfRange(perm, batches * b, n);
    }

    /** Every B-subset of {@code from}, each passed as its indices. */
    private static void subsets(int[] from, int b, int start, int[] chosen, int depth, Consumer<int[]> each) {
        if (depth == b) {
            each.accept(chosen.clone());
            return;
        }
        for (int i = start; i < from.length; i++) {
            chosen[depth] = from[i];
            subsets(from, b, i + 1, chosen, depth + 1, each);
        }
    }

    @Test
    void covarianceFactors() {
        assertEquals(50.0 / (50 * 99), SamplerMoments.withoutReplacement(100, 50), 1e-18);
        assertEquals(0, SamplerMoments.withoutReplacement(50, 50), "the last batch of an epoch is determined");
        assertEquals(1.0 / 50, SamplerMoments.withReplacement(50));
    }

    @Test
    void enumerationOverEveryBatchMatchesTheClosedFormUnderBothSamplers() {
        int n = 12;
        int b = 3;
        double[][] gs = perSampleGradients(n, 5);
        double[] g = mean(gs, all(n));
        int[] rest = remainingAfter(n, b, 2);
        for (int[] block : BLOCKS) {
            double[] sum = new double[3];
            subsets(rest, b, 0, new int[b], 0, idx -> {
                sum[0] += lossChange(g, mean(gs, idx), block);
                sum[1] += nextS(g, mean(gs, idx), block);
                sum[2]++;
            });
            assertEquals(20, sum[2], "C(6, 3) batches");
            double epochFactor = SamplerMoments.withoutReplacement(rest.length, b);
            assertEquals(expected(gs, rest, epochFactor, block), sum[0] / sum[2], 1e-12,
                    "E dL, epoch, block " + Arrays.toString(block));
            assertEquals(expectedNextS(gs, rest, epochFactor, block), sum[1] / sum[2], 1e-12,
                    "E s', epoch, block " + Arrays.toString(block));

            double withReplacement = 0;
            double nextWithReplacement = 0;
            int[] idx = new int[b];
            for (int code = 0; code < n * n * n; code++) {
                idx[0] = code % n;
                idx[1] = code / n % n;
                idx[2] = code / (n * n);
                withReplacement += lossChange(g, mean(gs, idx), block) / (n * n * n);
                nextWithReplacement += nextS(g, mean(gs, idx), block) / (n * n * n);
            }
            assertEquals(expected(gs, all(n), SamplerMoments.withReplacement(b), block), withReplacement, 1e-12,
                    "E dL, replacement, block " + Arrays.toString(block));
            assertEquals(expectedNextS(gs, all(n), SamplerMoments.withReplacement(b), block), nextWithReplacement,
                    1e-12, "E s', replacement, block " + Arrays.toString(block));

            int[] last = remainingAfter(n, b, 3);
            double lastFactor = SamplerMoments.withoutReplacement(last.length, b);
            assertEquals(lossChange(g, mean(gs, last), block), expected(gs, last, lastFactor, block), 1e-12,
                    "R = B: the last batch of the epoch is determined");
            assertEquals(nextS(g, mean(gs, last), block), expectedNextS(gs, last, lastFactor, block), 1e-12,
                    "R = B: s' is determined");
        }
    }

    @Test
    void monteCarloAtMidEpochMatchesTheSamplerTrueMeanAndNotTheIidOne() {
        int n = 200;
        int b = 50;
        int draws = 20_000;
        double[][] gs = perSampleGradients(n, 7);
        double[] g = mean(gs, all(n));
        int[] rest = remainingAfter(n, b, 2);
        RandomStream r = RandomStream.of(3);
        MeanEstimate[] epoch = new MeanEstimate[BLOCKS.length];
        MeanEstimate[] replacement = new MeanEstimate[BLOCKS.length];
        for (int s = 0; s < BLOCKS.length; s++) {
            epoch[s] = new MeanEstimate();
            replacement[s] = new MeanEstimate();
        }
        int[] idx = new int[b];
        for (int k = 0; k < draws; k++) {
            int[] perm = r.permutation(rest.length);
            for (int i = 0; i < b; i++) {
                idx[i] = rest[perm[i]];
            }
            double[] eg = mean(gs, idx);
            for (int i = 0; i < b; i++) {
                idx[i] = r.nextInt(n);
            }
            double[] rg = mean(gs, idx);
            for (int s = 0; s < BLOCKS.length; s++) {
                epoch[s].add(lossChange(g, eg, BLOCKS[s]));
                replacement[s].add(lossChange(g, rg, BLOCKS[s]));
            }
        }
        for (int s = 0; s < BLOCKS.length; s++) {
            double epochTrue = expected(gs, rest, SamplerMoments.withoutReplacement(rest.length, b), BLOCKS[s]);
            double iid = expected(gs, all(n), SamplerMoments.withReplacement(b), BLOCKS[s]);
            String block = Arrays.toString(BLOCKS[s]);
            epoch[s].assertAgrees("epoch, block " + block, epochTrue);
            replacement[s].assertAgrees("replacement, block " + block, iid);
            if (s == BLOCKS.length - 1) {
                epoch[s].assertRejects("the i.i.d. mean-zero formula under epoch, block " + block, iid);
            }
        }
    }
}
