package org.alignscope.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alignscope.linalg.random.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * Theorem 10: exact identities, and Monte Carlo of one DSGD and one BSGD step x<sub>t+1</sub> = x<sub>t</sub> −
 * ηP<sup>S</sup>(Ax<sub>t</sub> + ξ<sub>t</sub>) on a diagonal quadratic (A = diag(λ), so P<sup>S</sup> keeps the
 * coordinates in S). Tolerance: Z = 5 Monte Carlo standard errors (see {@link MeanEstimate}).
 */
class ProjectedLossTest {
    private static final long SEED = 10L;
    private static final int N = 200_000;

    @Test
    void expectedChangeByHandAndItsRoots() {
        BlockMoments b = new BlockMoments(4, 8, 16, 4, 2);
        assertEquals(-0.5 * 4 + 0.5 * 0.25 * (8 + 2), ProjectedLoss.expectedChange(b, 0.5));
        assertEquals(ProjectedLoss.expectedChange(b, 0.5), ProjectedLoss.expectedChange(4, 8, 2, 0.5));
        assertEquals(0.8, ProjectedLoss.etaLoss(b), 1e-16);
        assertEquals(0.0, ProjectedLoss.expectedChange(b, ProjectedLoss.etaLoss(b)), 1e-15);
        assertTrue(ProjectedLoss.expectedChange(b, 0.7) < 0);
        assertTrue(ProjectedLoss.expectedChange(b, 0.9) > 0);
    }

    @Test
    void nonPositiveCurvatureMeansEveryStepLowersTheLoss() {
        BlockMoments b = new BlockMoments(1, -3, 1, 0, 1);
        assertEquals(Double.POSITIVE_INFINITY, ProjectedLoss.etaLoss(b));
        for (double eta : new double[] {1e-3, 1, 1e3}) {
            assertTrue(ProjectedLoss.expectedChange(b, eta) < 0);
        }
        assertEquals(Double.POSITIVE_INFINITY, ProjectedLoss.etaLoss(new BlockMoments(1, -1, 1, 0, 1)));
    }

    /** ΔL = ½Σ<sub>i∈S</sub>λ<sub>i</sub>(c'<sub>i</sub>² − c<sub>i</sub>²) of one step projected on [from, to). */
    private static MeanEstimate lossChange(double[] lambda, double[] c, double kappa, int from, int to, double eta,
            RandomStream r) {
        MeanEstimate est = new MeanEstimate();
        for (int n = 0; n < N; n++) {
            double delta = 0;
            for (int i = from; i < to; i++) {
                double next = (1 - eta * lambda[i]) * c[i] - eta * kappa * r.nextGaussian();
                delta += 0.5 * lambda[i] * (next * next - c[i] * c[i]);
            }
            est.add(delta);
        }
        return est;
    }

    @Test
    void theorem10MonteCarloForDsgdAndBsgdInTheSuspiciousWindow() {
        // Digest §5 item 2 instance; eta between eta^loss_D and eta^loss_B (claim 14): DSGD raises the loss in
        // expectation, BSGD lowers it.
        RandomStream r = RandomStream.of(SEED, 0);
        double[] lambda = Instances.digestSpectrum(r);
        double[] c = Instances.gaussian(r, lambda.length);
        double kappaSq = 0.3;
        AlignmentState st = AlignmentState.of(lambda, c, Instances.constant(40, kappaSq), 8);
        double etaD = ProjectedLoss.etaLoss(st.dom());
        double etaB = ProjectedLoss.etaLoss(st.bulk());
        assertTrue(etaD < etaB, "instance should have eta^loss_D < eta^loss_B: " + etaD + ", " + etaB);
        double eta = Math.sqrt(etaD * etaB);
        MeanEstimate dsgd = lossChange(lambda, c, Math.sqrt(kappaSq), 0, 8, eta, RandomStream.of(SEED, 1));
        MeanEstimate bsgd = lossChange(lambda, c, Math.sqrt(kappaSq), 8, 40, eta, RandomStream.of(SEED, 2));
        dsgd.assertAgrees("E dL (DSGD)", ProjectedLoss.expectedChange(st.dom(), eta));
        bsgd.assertAgrees("E dL (BSGD)", ProjectedLoss.expectedChange(st.bulk(), eta));
        dsgd.assertPositive("E dL (DSGD)");
        bsgd.assertNegative("E dL (BSGD)");
    }

    @Test
    void theorem10MonteCarloBelowBothThresholdsAndRejectsTheLambda4Typo() {
        // The informal box on p. 3 writes sum lambda^4 c^2 where Theorem 10 has tau = sum lambda^3 c^2:
        // the Monte Carlo check accepts tau and rejects the lambda^4 form.
        RandomStream r = RandomStream.of(SEED, 3);
        double[] lambda = Instances.concat(Instances.uniformDescending(r, 6, 3, 5), Instances.uniformDescending(r, 14, 0.5, 1));
        double[] c = Instances.gaussian(r, lambda.length);
        double kappaSq = 0.5;
        AlignmentState st = AlignmentState.of(lambda, c, Instances.constant(20, kappaSq), 6);
        double eta = 0.5 * ProjectedLoss.etaLoss(st.dom());
        MeanEstimate dsgd = lossChange(lambda, c, Math.sqrt(kappaSq), 0, 6, eta, RandomStream.of(SEED, 4));
        BlockMoments d = st.dom();
        dsgd.assertAgrees("E dL (DSGD)", ProjectedLoss.expectedChange(d, eta));
        dsgd.assertNegative("E dL (DSGD)");
        double typo = -eta * d.s() + 0.5 * eta * eta * (d.u() + d.nLoss());
        dsgd.assertRejects("E dL (DSGD) with lambda^4", typo);
        MeanEstimate bsgd = lossChange(lambda, c, Math.sqrt(kappaSq), 6, 20, eta, RandomStream.of(SEED, 5));
        bsgd.assertAgrees("E dL (BSGD)", ProjectedLoss.expectedChange(st.bulk(), eta));
    }
}
