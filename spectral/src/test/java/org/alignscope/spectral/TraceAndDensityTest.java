package org.alignscope.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TraceAndDensityTest {

    static final int N = 200;

    /** A few large outliers over an indefinite bulk, the shape of a network Hessian. */
    static double[] hessianLike() {
        double[] s = new double[N];
        for (int i = 0; i < N; i++) {
            s[i] = i < 8 ? 40 - 4 * i : 0.5 * Math.sin(i) + 0.1;
        }
        return s;
    }

    @Test
    void hutchinsonAndHutchPlusPlusAreWithinTheirStandardErrors() {
        double[] s = hessianLike();
        double trace = Arrays.stream(s).sum();
        DenseSymmetricOperator op = new DenseSymmetricOperator(TestMatrices.withSpectrum(s, 31));
        for (long seed = 1; seed <= 3; seed++) {
            TraceEstimate h = TraceEstimator.hutchinson(op, 90, seed);
            TraceEstimate hpp = TraceEstimator.hutchPlusPlus(op, 90, seed);
            assertEquals(90, h.operatorApplications());
            assertEquals(90, hpp.operatorApplications());
            assertTrue(Math.abs(h.estimate() - trace) <= 4 * h.standardError(), h + " vs " + trace);
            assertTrue(Math.abs(hpp.estimate() - trace) <= 4 * hpp.standardError(), hpp + " vs " + trace);
            // the sketch removes the outliers: far smaller error bars for the same budget
            assertTrue(hpp.standardError() < 0.5 * h.standardError(), hpp + " vs " + h);
        }
    }

    @Test
    void hutchPlusPlusIsExactForLowRank() {
        double[] s = new double[N];
        s[0] = 7;
        s[1] = -3;
        s[2] = 2;
        DenseSymmetricOperator op = new DenseSymmetricOperator(TestMatrices.withSpectrum(s, 32));
        TraceEstimate hpp = TraceEstimator.hutchPlusPlus(op, 12, 1);
        assertEquals(6.0, hpp.estimate(), 1e-10);
        assertEquals(0.0, hpp.standardError(), 1e-10);
        assertThrows(IllegalArgumentException.class, () -> TraceEstimator.hutchinson(op, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> TraceEstimator.hutchPlusPlus(op, 5, 0));
    }

    @Test
    void slqDensityIntegratesToOneAndItsMomentsMatchTraces() {
        double[] s = hessianLike();
        DenseSymmetricOperator op = new DenseSymmetricOperator(TestMatrices.withSpectrum(s, 33));
        int probes = 20;
        SpectralDensity.Result r = SpectralDensity.estimate(op,
                SpectralDensity.Options.defaults().withProbes(probes).withLanczosSteps(30).withGridPoints(4000));
        assertEquals(probes * 30, r.operatorApplications());
        assertEquals(1.0, r.integral(), 1e-6);
        for (double[] w : r.weights()) {
            assertEquals(1.0, Arrays.stream(w).sum(), 1e-12);
        }
        for (int p = 1; p <= 4; p++) {
            final int pp = p;
            double exact = Arrays.stream(s).map(x -> Math.pow(x, pp)).sum() / N;
            double[] perProbe = new double[probes];
            for (int i = 0; i < probes; i++) {
                for (int j = 0; j < r.nodes()[i].length; j++) {
                    perProbe[i] += r.weights()[i][j] * Math.pow(r.nodes()[i][j], p);
                }
            }
            double mean = Arrays.stream(perProbe).average().orElseThrow();
            double sd = Math.sqrt(Arrays.stream(perProbe).map(x -> (x - mean) * (x - mean)).sum() / (probes - 1));
            assertEquals(mean, r.moment(p), 1e-12 * Math.abs(mean));
            assertEquals(exact, r.moment(p), 4 * sd / Math.sqrt(probes), "moment " + p);
        }
        // the broadened density has mean Σ τθ and second moment Σ τθ² + σ²
        double m1 = 0;
        double m2 = 0;
        double[] g = r.grid();
        double[] d = r.density();
        for (int i = 1; i < g.length; i++) {
            double dx = g[i] - g[i - 1];
            m1 += 0.5 * dx * (g[i] * d[i] + g[i - 1] * d[i - 1]);
            m2 += 0.5 * dx * (g[i] * g[i] * d[i] + g[i - 1] * g[i - 1] * d[i - 1]);
        }
        assertEquals(r.moment(1), m1, 1e-6 * Math.abs(r.moment(2)));
        assertEquals(r.moment(2) + r.sigma() * r.sigma(), m2, 1e-5 * r.moment(2));
    }

    @Test
    void slqOnASmallMatrixRecoversTheSpectrumAsNodes() {
        double[] s = {-2, 0.5, 1, 3, 4.5, 7};
        DenseSymmetricOperator op = new DenseSymmetricOperator(TestMatrices.withSpectrum(s, 34));
        SpectralDensity.Result r = SpectralDensity.estimate(op,
                SpectralDensity.Options.defaults().withProbes(2).withLanczosSteps(10).withSigma(0.05));
        for (double[] nodes : r.nodes()) {
            assertArrayEquals(s, nodes, 1e-9);
        }
        assertEquals(0.05, r.sigma());
        assertEquals(1.0, r.integral(), 1e-6);
    }
}
