package org.alignscope.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.alignscope.linalg.random.RandomStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * (S1)–(S2) of {@link LossChangeSpread} on a diagonal quadratic L = ½Σλ<sub>i</sub>x<sub>i</sub>² with Gaussian
 * noise ε ~ N(0, diag κ²), a mean offset m and a step projected on the coordinates [from, to): there
 * Var(ΔL | x) = Σ<sub>S</sub>w<sub>i</sub>²κ<sub>i</sub>² + ½η⁴Σ<sub>S</sub>λ<sub>i</sub>²κ<sub>i</sub>⁴ exactly
 * (no third moment), w = −ηg + η²λ(g + m) on S.
 */
@Tag("reliability")
class LossChangeSpreadTest {
    private static final int D = 6;
    private static final double[] LAMBDA = {3.0, 1.5, 0.8, 0.4, -0.2, 0.1};
    private static final double[] KAPPA = {0.9, 0.5, 1.2, 0.3, 0.7, 0.4};
    private static final double[] X = {0.4, -0.7, 0.2, 1.1, -0.5, 0.3};
    private static final double[] M = {0.05, -0.1, 0.2, 0.0, 0.1, -0.05};
    private static final double ETA = 0.3;

    /** The realised change of the quadratic for batch gradient ĝ along the step projected on [from, to). */
    private static double realised(double[] gHat, int from, int to) {
        double delta = 0;
        for (int i = from; i < to; i++) {
            double next = X[i] - ETA * gHat[i];
            delta += 0.5 * LAMBDA[i] * (next * next - X[i] * X[i]);
        }
        return delta;
    }

    /** The deviation of draw ζ with factor f for the step projected on [from, to). */
    private static double deviation(double[] zeta, double f, int from, int to) {
        double gz = 0;
        double muQz = 0;
        double zQz = 0;
        for (int i = from; i < to; i++) {
            double g = LAMBDA[i] * X[i];
            gz += g * zeta[i];
            muQz += LAMBDA[i] * (g + M[i]) * zeta[i];
            zQz += LAMBDA[i] * zeta[i] * zeta[i];
        }
        return LossChangeSpread.deviation(gz, muQz, zQz, f, ETA);
    }

    private static double exactVariance(int from, int to) {
        double v = 0;
        for (int i = from; i < to; i++) {
            double g = LAMBDA[i] * X[i];
            double w = -ETA * g + ETA * ETA * LAMBDA[i] * (g + M[i]);
            v += w * w * KAPPA[i] * KAPPA[i] + 0.5 * Math.pow(ETA, 4) * Math.pow(LAMBDA[i] * KAPPA[i] * KAPPA[i], 2);
        }
        return v;
    }

    @Test
    void theDeviationIsTheRealisedChangeLessAConstant() {
        RandomStream r = RandomStream.of(4, 1);
        double[] zeta = new double[D];
        double[] gHat = new double[D];
        double constant = Double.NaN;
        for (int n = 0; n < 20; n++) {
            for (int i = 0; i < D; i++) {
                zeta[i] = KAPPA[i] * r.nextGaussian();
                gHat[i] = LAMBDA[i] * X[i] + M[i] + zeta[i];
            }
            double c = realised(gHat, 1, 4) - deviation(zeta, 1, 1, 4);
            if (n > 0) {
                assertEquals(constant, c, 1e-14, "draw " + n);
            }
            constant = c;
        }
    }

    /** The sample variance of the deviations over many draws against the exact variance, for f = 1 and f = 1/4. */
    @Test
    void theSampleVarianceOfTheDeviationsIsTheSpreadOfTheRealisedChange() {
        for (double f : new double[] {1, 0.25}) {
            for (int[] block : new int[][] {{0, D}, {0, 2}, {2, D}}) {
                RandomStream r = RandomStream.of(4, 2, block[0], (long) (4 * f));
                double[] zeta = new double[D];
                int n = 200_000;
                double mean = 0;
                double m2 = 0;
                for (int j = 1; j <= n; j++) {
                    for (int i = 0; i < D; i++) {
                        zeta[i] = KAPPA[i] / Math.sqrt(f) * r.nextGaussian(); // Cov ζ = Cov ε / f
                    }
                    double d = deviation(zeta, f, block[0], block[1]);
                    double delta = d - mean;
                    mean += delta / j;
                    m2 += delta * (d - mean);
                }
                double exact = exactVariance(block[0], block[1]);
                // the sample variance of n Gaussian-quadratic draws: relative error well below 2 % at n = 2e5
                assertEquals(exact, m2 / (n - 1), 0.02 * exact, "f = " + f + ", block " + block[0] + ".." + block[1]);
            }
        }
    }

    @Test
    void aDeterminedBatchHasNoSpread() {
        assertEquals(0, LossChangeSpread.deviation(1.3, -0.4, 2.2, 0, ETA));
        assertThrows(IllegalArgumentException.class, () -> LossChangeSpread.deviation(1, 1, 1, -0.1, ETA));
    }
}
