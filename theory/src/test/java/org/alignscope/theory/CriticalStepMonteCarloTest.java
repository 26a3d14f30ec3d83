package org.alignscope.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.alignscope.linalg.random.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * Monte Carlo checks of Lemmas 21 and 22: one SGD step x<sub>t+1</sub> = x<sub>t</sub> − η(Ax<sub>t</sub> + ξ<sub>t</sub>)
 * from a fixed x<sub>t</sub>, in eigen-coordinates c<sub>i,t+1</sub> = (1 − ηλ<sub>i</sub>)c<sub>i,t</sub> − ηζ<sub>i</sub>,
 * ζ = Uᵀξ ~ N(0, C). Tolerances: Z = 5 standard errors of the Monte Carlo mean (see {@link MeanEstimate}).
 */
class CriticalStepMonteCarloTest {
    private static final long SEED = 20260116L;
    private static final int N = 200_000;

    /** One realised f_t(η) = s^B_t s^D_{t+1} − s^B_{t+1} s^D_t (eq. 12) per draw, for each η. */
    private static MeanEstimate[] driftEstimates(double[] lambda, double[] c, double kappa, int k, double[] etas,
            RandomStream r) {
        int d = lambda.length;
        AlignmentState st = AlignmentState.of(lambda, c, Instances.constant(d, kappa * kappa), k);
        double sD = st.dom().s();
        double sB = st.bulk().s();
        MeanEstimate[] est = new MeanEstimate[etas.length];
        for (int j = 0; j < etas.length; j++) {
            est[j] = new MeanEstimate();
        }
        double[] zeta = new double[d];
        for (int n = 0; n < N; n++) {
            for (int i = 0; i < d; i++) {
                zeta[i] = kappa * r.nextGaussian();
            }
            for (int j = 0; j < etas.length; j++) {
                double eta = etas[j];
                double nextD = 0;
                double nextB = 0;
                for (int i = 0; i < d; i++) {
                    double ci = (1 - eta * lambda[i]) * c[i] - eta * zeta[i];
                    double v = lambda[i] * lambda[i] * ci * ci;
                    if (i < k) {
                        nextD += v;
                    } else {
                        nextB += v;
                    }
                }
                est[j].add(sB * nextD - nextB * sD);
            }
        }
        return est;
    }

    @Test
    void lemma22ExpectedDriftMatchesMonteCarloOnDigestInstance() {
        // Digest §5 item 2: d = 40, k = 8, lambda_D ~ U(20,30), lambda_B ~ U(0.5,1.5), kappa^2 = 0.3;
        // x_t has standard normal eigen-coordinates (the authors' x_0 ~ N(0, I)).
        RandomStream r = RandomStream.of(SEED, 22, 0);
        double[] lambda = Instances.digestSpectrum(r);
        double[] c = Instances.gaussian(r, lambda.length);
        double[] etas = {0.01, 0.03, 0.06};
        MeanEstimate[] est = driftEstimates(lambda, c, Math.sqrt(0.3), 8, etas, RandomStream.of(SEED, 22, 1));
        CriticalStep cs = CriticalStep.of(AlignmentState.of(lambda, c, Instances.constant(40, 0.3), 8));
        for (int j = 0; j < etas.length; j++) {
            est[j].assertAgrees("E f(" + etas[j] + ")", cs.expectedDrift(etas[j]));
        }
    }

    @Test
    void lemma22MonteCarloRejectsAWrongP() {
        // The same check must fail for a deliberately wrong formula: p scaled by 1.5.
        RandomStream r = RandomStream.of(SEED, 22, 0);
        double[] lambda = Instances.digestSpectrum(r);
        double[] c = Instances.gaussian(r, lambda.length);
        double[] etas = {0.01, 0.03, 0.06};
        MeanEstimate[] est = driftEstimates(lambda, c, Math.sqrt(0.3), 8, etas, RandomStream.of(SEED, 22, 1));
        CriticalStep cs = CriticalStep.of(AlignmentState.of(lambda, c, Instances.constant(40, 0.3), 8));
        for (int j = 0; j < etas.length; j++) {
            double eta = etas[j];
            est[j].assertRejects("E f(" + eta + ") with 1.5 p", 1.5 * cs.p() * eta * eta + cs.q() * eta);
        }
    }

    @Test
    void lemma22HoldsOnBothSidesOfTheCriticalStep() {
        // Around eta*: the Monte Carlo mean of f has the sign Lemma 22 predicts, and agrees with p eta^2 + q eta.
        RandomStream r = RandomStream.of(SEED, 22, 2);
        double[] lambda = Instances.concat(Instances.uniformDescending(r, 5, 8, 10), Instances.uniformDescending(r, 15, 1, 2));
        double[] c = Instances.gaussian(r, lambda.length);
        double kappa = 1.0;
        CriticalStep cs = CriticalStep.of(AlignmentState.of(lambda, c, Instances.constant(20, kappa * kappa), 5));
        assertEquals(SignCase.CRITICAL, cs.signCase(), cs.toString());
        double star = cs.etaStar();
        double[] etas = {0.5 * star, 2 * star};
        MeanEstimate[] est = driftEstimates(lambda, c, kappa, 5, etas, RandomStream.of(SEED, 22, 3));
        est[0].assertAgrees("E f(0.5 eta*)", cs.expectedDrift(etas[0]));
        est[1].assertAgrees("E f(2 eta*)", cs.expectedDrift(etas[1]));
        est[0].assertNegative("E f(0.5 eta*)");
        est[1].assertPositive("E f(2 eta*)");
    }

    @Test
    void lemma21PerCoordinateSecondMomentWithCorrelatedNoise() {
        // Correlated noise zeta = L z, C = L L^T: only kappa_i^2 = C_ii enters Lemma 21.
        int d = 12;
        RandomStream r = RandomStream.of(SEED, 21, 0);
        double[] lambda = Instances.uniformDescending(r, d, 0.2, 5);
        double[] c = Instances.gaussian(r, d);
        double[][] chol = new double[d][d];
        double[] kappaSq = new double[d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                chol[i][j] = 0.4 * r.nextGaussian();
                kappaSq[i] += chol[i][j] * chol[i][j];
            }
        }
        double eta = 0.3; // eta * lambda spans about (0.06, 1.5): both sides of eta * lambda = 1
        MeanEstimate[] est = new MeanEstimate[d];
        for (int i = 0; i < d; i++) {
            est[i] = new MeanEstimate();
        }
        double[] z = new double[d];
        RandomStream draws = RandomStream.of(SEED, 21, 1);
        for (int n = 0; n < N; n++) {
            draws.fillGaussian(z, 0, d);
            for (int i = 0; i < d; i++) {
                double zeta = 0;
                for (int j = 0; j <= i; j++) {
                    zeta += chol[i][j] * z[j];
                }
                double next = (1 - eta * lambda[i]) * c[i] - eta * zeta;
                est[i].add(lambda[i] * lambda[i] * next * next);
            }
        }
        for (int i = 0; i < d; i++) {
            double a = 1 - eta * lambda[i];
            double l2 = lambda[i] * lambda[i];
            double formula = a * a * l2 * c[i] * c[i] + eta * eta * l2 * kappaSq[i];
            est[i].assertAgrees("E[lambda_" + i + "^2 c_" + i + "^2]", formula);
        }
        // and the block sums are CriticalStep.expectedNextS
        BlockMoments dom = BlockMoments.of(lambda, c, kappaSq, 0, 4);
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            double a = 1 - eta * lambda[i];
            sum += a * a * lambda[i] * lambda[i] * c[i] * c[i] + eta * eta * lambda[i] * lambda[i] * kappaSq[i];
        }
        assertEquals(sum, CriticalStep.expectedNextS(dom, eta), 1e-12 * sum);
    }
}
