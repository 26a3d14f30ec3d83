package org.alignscope.theory;

import static org.alignscope.theory.BlockMomentsTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.OptionalLong;
import org.alignscope.linalg.random.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * Lemma 26, Theorems 15–16 and Assumption 14. The moment formula is checked against the exact one-step recursion
 * E[c<sub>t+1</sub>²] = (1 − ηλ)²E[c<sub>t</sub>²] + η²κ² (Lemma 21 with c<sub>t</sub> random, whose own Monte Carlo
 * check is in {@link CriticalStepMonteCarloTest}); comparisons allow rounding of the order of the number of
 * operations times the unit roundoff.
 */
class ConstantStepTheoryTest {
    private static final double ULP = Math.ulp(1.0);

    /**
     * The authors' spectrum (quad_sim.py, as described in the digest §1.6): d = 500, k = 50, dominant
     * linspace(100, 80), bulk linspace(7, 1) rescaled to maximum 80/(m + 0.1); isotropic noise Σ = 0.25 I.
     */
    static Landscape paperLandscape(double m) {
        int d = 500;
        int k = 50;
        double[] lambda = new double[d];
        for (int i = 0; i < k; i++) {
            lambda[i] = 100 - 20.0 * i / (k - 1);
        }
        double top = 80 / (m + 0.1);
        for (int j = 0; j < d - k; j++) {
            lambda[k + j] = (7 - 6.0 * j / (d - k - 1)) / 7 * top;
        }
        return Landscape.withIsotropicNoise(lambda, k, 0.25);
    }

    private static double[] ones(int d) {
        return Instances.constant(d, 1);
    }

    @Test
    void betaByHandAndInfiniteBeyondTheStabilityEdge() {
        Landscape l = new Landscape(new double[] {4, 1}, 1, new double[] {2, 0.5}, 0.5, 2);
        ConstantStepTheory c = ConstantStepTheory.of(l, 0.25);
        assertEquals(0.25 * 2 / (8 - 0.25 * 16), c.beta(0)); // 0.125
        assertEquals(0.25 * 0.5 / (2 - 0.25), c.beta(1));
        ConstantStepTheory edge = ConstantStepTheory.of(l, 0.5); // eta lambda_1 = 2
        assertEquals(Double.POSITIVE_INFINITY, edge.beta(0));
        assertThrows(IllegalStateException.class, edge::thetaInf);
        assertMessage("eta", () -> ConstantStepTheory.of(l, 0));
    }

    @Test
    void expectedSquareMatchesTheExactRecursionForEveryStepRegime() {
        // eta lambda in {1e-4, 0.3, 1, 1.7, 2, 2.1}: slow decay, fast decay, one-step kill, oscillation, edge, blow-up
        double[] lambda = {2.1, 2, 1.7, 1, 0.3, 1e-4};
        double[] kappaSq = {0.7, 0.2, 1.1, 0.4, 0.9, 0.3};
        Landscape l = new Landscape(lambda, 3, kappaSq, 0.2, 1.1);
        ConstantStepTheory c = ConstantStepTheory.of(l, 1.0);
        double c0Sq = 2.5;
        for (int i = 0; i < lambda.length; i++) {
            double m = c0Sq;
            for (int t = 0; t <= 60; t++) {
                double formula = c.expectedSquare(i, c0Sq, t);
                assertEquals(m, formula, 256 * ULP * Math.max(m, 1), "i = " + i + ", t = " + t);
                m = ConstantStepTheory.nextSecondMoment(m, 1.0, lambda[i], kappaSq[i]);
            }
        }
    }

    @Test
    void nextSecondMomentByHand() {
        // (1 - 0.5 * 3)^2 * 2.5 + 0.5^2 * 0.4 = 0.625 + 0.1
        assertEquals(0.725, ConstantStepTheory.nextSecondMoment(2.5, 0.5, 3, 0.4), 1e-16);
        // eta lambda = 1 kills the start; only the injected noise eta^2 kappa^2 remains
        assertEquals(0.25 * 0.8, ConstantStepTheory.nextSecondMoment(7, 0.5, 2, 0.8));
        assertEquals(9.0, ConstantStepTheory.nextSecondMoment(9, 0, 2, 0.8));
    }

    @Test
    void expectedSquareEqualsTheLemma26FormBelowTheEdge() {
        Landscape l = paperLandscape(20);
        ConstantStepTheory c = ConstantStepTheory.of(l, 0.003);
        for (int i : new int[] {0, 49, 50, 499}) {
            double beta = c.beta(i);
            double rho = 1 - 0.003 * l.eigenvalue(i);
            for (long t : new long[] {0, 1, 10, 1000, 100_000}) {
                double lemma26 = Math.pow(rho, 2 * t) * (3.0 - beta) + beta;
                assertEquals(lemma26, c.expectedSquare(i, 3.0, t), 64 * ULP * Math.max(lemma26, 1), "i = " + i + " t = " + t);
            }
        }
    }

    @Test
    void limitThetaAtZeroIsTheAlignmentOfTheStart() {
        RandomStream r = RandomStream.of(15L, 1);
        for (int trial = 0; trial < 200; trial++) {
            Landscape land = Instances.randomLandscape(r);
            double[] c0 = Instances.gaussian(r, land.d());
            double[] c0Sq = Arrays.stream(c0).map(v -> v * v).toArray();
            ConstantStepTheory c = ConstantStepTheory.of(land, 0.5 / land.eigenvalue(0));
            assertEquals(land.state(c0).theta(), c.limitTheta(c0Sq, 0), 8 * ULP);
        }
    }

    @Test
    void thetaInfIsTheLimitOfLimitTheta() {
        for (double m : new double[] {5, 50, 500}) {
            Landscape l = paperLandscape(m);
            ConstantStepTheory c = ConstantStepTheory.of(l, 0.003);
            // slowest mode: (1 - eta lambda_d)^(2t) with eta lambda_d ~ 5e-5..5e-3; t = 1e9 drives it below 1e-40
            assertEquals(c.thetaInf(), c.limitTheta(ones(500), 1_000_000_000L), 64 * ULP, "m = " + m);
        }
    }

    @Test
    void thetaInfTendsToTheIsotropicSmallStepApproximation() {
        // isotropic noise: beta_i = eta sigma^2/(lambda_i (2 - eta lambda_i)) ~ (eta sigma^2/2) / lambda_i (1 + eta lambda_i/2)
        // so theta_inf - sum_D lambda / sum lambda = O(eta): the error falls monotonically and like eta
        Landscape l = paperLandscape(50);
        double iso = ConstantStepTheory.of(l, 1e-3).thetaInfIsotropicSmallEta();
        double previous = Double.POSITIVE_INFINITY;
        double[] etas = {3e-3, 1e-3, 1e-4, 1e-6, 1e-8};
        double[] errs = new double[etas.length];
        for (int j = 0; j < etas.length; j++) {
            errs[j] = Math.abs(ConstantStepTheory.of(l, etas[j]).thetaInf() - iso);
            assertTrue(errs[j] < previous, "error must fall with eta: " + Arrays.toString(errs));
            previous = errs[j];
        }
        // error/eta converges (first-order): the ratio at 1e-6 and 1e-8 agree to 1%
        assertEquals(errs[3] / etas[3], errs[4] / etas[4], 0.01 * errs[3] / etas[3]);
        assertTrue(errs[4] < 1e-7, "error at eta = 1e-8: " + errs[4]);
    }

    @Test
    void theorem15HoldsOnThePaperInstanceWhereAssumption14Holds() {
        // m = 5, eta = 0.003, c_{i,0}^2 = 1 (the mean of the authors' x_0 ~ N(0, I)): Assumption 14 holds,
        // t* = 5 and the deterministic alignment falls for t < t*.
        Landscape l = paperLandscape(5);
        ConstantStepTheory c = ConstantStepTheory.of(l, 0.003);
        Assumption14 a = c.checkAssumption14(ones(500));
        assertTrue(a.holds(), a.violations().toString());
        OptionalLong tStar = c.tStar(ones(500));
        assertEquals(OptionalLong.of(5), tStar);
        for (long t = 0; t < tStar.getAsLong(); t++) {
            assertTrue(c.limitTheta(ones(500), t + 1) < c.limitTheta(ones(500), t), "theta bar must fall at t = " + t);
        }
    }

    @Test
    void assumption14InitialisationFailsOnThePaperInstanceWithMEqual50() {
        // m = 50: delta ~ 72 exceeds sum_D c_{i,0}^2 = k = 50, so the initialisation inequality fails and t* is empty.
        ConstantStepTheory c = ConstantStepTheory.of(paperLandscape(50), 0.003);
        Assumption14 a = c.checkAssumption14(ones(500));
        assertFalse(a.holds());
        assertTrue(a.paperViolations().size() == 1 && a.paperViolations().get(0).startsWith("rho_D > delta - sum_D beta"),
                a.violations().toString());
        assertTrue(c.tStar(ones(500)).isEmpty());
        assertEquals(c.rhoD(ones(500)) + sumBetaD(c), 50.0, 1e-12, "rho_D + sum_D beta = sum_D c0^2");
    }

    private static double sumBetaD(ConstantStepTheory c) {
        double s = 0;
        for (int i = 0; i < c.landscape().k(); i++) {
            s += c.beta(i);
        }
        return s;
    }

    @Test
    void assumption14ReportsEachFailedInequalityWithItsNumbers() {
        Landscape l = paperLandscape(5);
        double[] c0Sq = ones(500);
        c0Sq[3] = 0;
        c0Sq[7] = 0;
        ConstantStepTheory c = ConstantStepTheory.of(l, 0.003);
        Assumption14 a = c.checkAssumption14(c0Sq);
        assertEquals(1, a.paperViolations().size(), a.violations().toString());
        assertTrue(a.paperViolations().get(0).contains("fails for 2 of 50"), a.violations().toString());
        // eta in [1/lambda_1, 2/lambda_1): Assumption 14's stability bound holds, the extra log condition fails
        ConstantStepTheory mid = ConstantStepTheory.of(l, 0.015);
        Assumption14 m = mid.checkAssumption14(ones(500));
        assertEquals(1, m.extraViolations().size());
        assertTrue(m.extraViolations().get(0).contains("eta < 1/lambda_1"));
        assertTrue(mid.tStar(ones(500)).isEmpty());
        // eta beyond 2/lambda_1: both step bounds, the extra condition, and delta = +inf
        ConstantStepTheory big = ConstantStepTheory.of(l, 0.03);
        Assumption14 b = big.checkAssumption14(ones(500));
        String all = String.join("\n", b.violations());
        assertTrue(all.contains("eta < 2/lambda_1 fails: eta = 0.03 >= 2/lambda_1 = 0.02"), all);
        assertTrue(all.contains("eta < 2(lambda_k - lambda_{k+1})/(lambda_1^2 - lambda_d^2) fails"), all);
        assertTrue(all.contains("eta < 1/lambda_1"), all);
        assertEquals(Double.POSITIVE_INFINITY, big.delta());
        assertEquals(b.violations().isEmpty(), b.holds());
        assertMessage("c0Sq", () -> c.checkAssumption14(new double[3]));
    }

    @Test
    void noiseFreeThetaInfIsReportedAsUndefined() {
        Landscape l = new Landscape(new double[] {2, 1}, 1, new double[] {0, 0}, 0, 0);
        ConstantStepTheory c = ConstantStepTheory.of(l, 0.1);
        assertThrows(IllegalStateException.class, c::thetaInf);
        assertEquals(0.0, c.limitTheta(new double[] {0, 0}, 10));
    }
}
