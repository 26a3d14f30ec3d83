package org.alignscope.theory;

import static org.alignscope.theory.BlockMomentsTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alignscope.linalg.random.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * Landscape validation, hand-computed quantities, and the deterministic cores of Theorems 3, 4, 6 and 7 on random
 * instances. Where a rounding allowance is used it is a few units in the last place of the terms combined.
 */
class LandscapeTest {
    private static final long SEED = 3L;
    private static final double ULP = Math.ulp(1.0);
    // d = 4, k = 2: lambda = (4, 2, 1, 0.5), kappa^2 = (1, 2, 3, 4), s_min = 0.5, s_max = 5
    private static final double[] LAMBDA = {4, 2, 1, 0.5};
    private static final double[] KAPPA_SQ = {1, 2, 3, 4};

    private static Landscape small() {
        return new Landscape(LAMBDA, 2, KAPPA_SQ, 0.5, 5);
    }

    @Test
    void handComputedQuantities() {
        Landscape l = small();
        assertEquals(16 + 4, l.psiD());
        assertEquals(1 + 0.25, l.psiB());
        assertEquals(1.0, l.rho());
        assertEquals(2.0, l.gapRatio());
        assertEquals(1.0, l.gap1());
        assertEquals(3.0, l.gap2());
        assertEquals(16 * 1 + 4 * 2, l.eD());
        assertEquals(1 * 3 + 0.25 * 4, l.eB());
        assertEquals(4 * 1 + 2 * 2, l.nLossD());
        assertEquals(1 * 3 + 0.5 * 4, l.nLossB());
        // g_gap = 1/(1 + (5/0.5)(1/1)(1/2)^2) = 1/3.5; g_noise = 1/(1 + 5*1.25/(0.5*20)) = 1/1.625
        assertEquals(1 / 3.5, l.gGap(), ULP);
        assertEquals(1 / 1.625, l.gNoise(), ULP);
        // Theorem 8: (4 - 0.5)/(2*4 - 1*0.5) = 3.5/7.5; Corollary 9: 2/4
        assertEquals(3.5 / 7.5, l.thm8MainBound(), ULP);
        assertEquals(7 / 7.5, l.thm8AppendixBound(), ULP);
        assertEquals(0.5, l.cor9Bound());
        assertEquals(4.0 / 28.0, l.thm8Threshold(), ULP);
        assertTrue(l.thm8Applies(0.2) && !l.thm8Applies(0.1));
        // Theorem 13 at s = 10: n_B/(10*1 + 5 + 8) and n_B/(10*1)
        assertEquals(5.0 / 23.0, l.thm13Lower(10), ULP);
        assertEquals(0.5, l.thm13Upper(10), ULP);
        // Theorem 7 with theta = 0.5, ||x||^2 = 2: 2/((16 - 0.25) + 5*20/(0.25*2*0.5))
        assertEquals(2 / (15.75 + 400), l.thm7LowerBound(0.5, 2), ULP);
        // remark: 2/((16 - 0.25) + 16*5*20/(4*0.25*3))
        assertEquals(2 / (15.75 + 1600.0 / 3), l.thm7LowerBoundDominant(3), ULP);
        assertEquals(0.0, l.thm7LowerBound(0, 2));
    }

    @Test
    void thetaStarSolvesTheTheorem4Quadratic() {
        Landscape l = small();
        double a = 0.5 * l.psiB();
        double h = 5 * l.psiD();
        for (double s : new double[] {0, 1e-3, 1, 1e3, 1e8}) {
            double theta = l.thetaStar(s);
            double r = theta / l.oneMinusThetaStar(s);
            double m = s * (16 - 0.25);
            double residual = a * r * r + (a - m - h) * r - h;
            double scale = a * r * r + (a + m + h) * r + h;
            assertEquals(0, residual, 64 * ULP * scale, "s = " + s);
            assertTrue(theta > 0 && theta < 1);
            assertEquals(1.0, l.thetaStar(s) + l.oneMinusThetaStar(s), 4 * ULP);
        }
        // s = 0: (r + 1)(a r - h) = 0, r0 = h/a
        assertEquals((h / a) / (1 + h / a), l.thetaStar(0), 4 * ULP);
    }

    @Test
    void noiseWithoutALowerBoundMakesBothGuaranteesEmpty() {
        Landscape l = new Landscape(LAMBDA, 2, new double[] {0, 2, 3, 4}, 0, 5);
        assertEquals(0.0, l.gGap());
        assertEquals(0.0, l.gNoise());
        assertEquals(1.0, l.thetaStar(10));
        assertEquals(Regime.LOW, l.regime(0, 10));
        assertEquals(Regime.STABLE, l.regime(0.99, 10));
        assertEquals(Regime.HIGH, l.regime(1, 10));
    }

    @Test
    void regimeCodes() {
        assertEquals("low", Regime.LOW.code());
        assertEquals("stable", Regime.STABLE.code());
        assertEquals("high", Regime.HIGH.code());
        Landscape l = small();
        assertEquals(Regime.LOW, l.regime(l.gGap(), 1));
        assertEquals(Regime.HIGH, l.regime(l.thetaStar(1), 1));
        assertEquals(Regime.STABLE, l.regime(0.5 * (l.gGap() + l.thetaStar(1)), 1));
    }

    @Test
    void gGapIsAtMostGNoiseAndBelowThetaStar() {
        // proof of Theorem 3 (g_gap <= g_noise) and Theorem 6 (g_gap < theta*)
        RandomStream r = RandomStream.of(SEED, 1);
        for (int trial = 0; trial < 2000; trial++) {
            Landscape land = Instances.randomLandscape(r);
            assertTrue(land.gGap() <= land.gNoise() * (1 + 4 * ULP), land + ": " + land.gGap() + " > " + land.gNoise());
            double s = Math.exp(10 * (r.nextDouble() - 0.3));
            assertTrue(land.gGap() < land.thetaStar(s), land + " at s = " + s);
        }
    }

    @Test
    void lowRegimeGivesPositivePAndHighRegimeGivesNonPositiveP() {
        // Theorem 3's core: theta <= g_gap => p > 0.  Theorem 4's core: theta >= theta* => p <= 0.
        RandomStream r = RandomStream.of(SEED, 2);
        int low = 0;
        int high = 0;
        int stable = 0;
        for (int trial = 0; trial < 4000; trial++) {
            Landscape land = Instances.randomLandscape(r);
            double theta;
            double scale;
            if (r.nextDouble() < 0.5) {
                // theta uniform on (0, 1): mostly the low and stable regimes
                theta = r.nextDouble();
                scale = Math.exp(8 * (r.nextDouble() - 0.5));
            } else {
                // theta above theta*(0) = inf_s theta*(s), and a small ||Ax||: mostly the high regime
                theta = 1 - land.oneMinusThetaStar(0) * (1 - r.nextDouble());
                scale = Math.exp(-12 * r.nextDouble());
            }
            double[] c = Instances.coordinatesWithTheta(r, land, theta, scale);
            AlignmentState st = land.state(c);
            CriticalStep cs = CriticalStep.of(st);
            Regime regime = land.regime(st.theta(), st.s());
            double pScale = st.bulk().s() * (st.dom().u() + st.dom().e()) + st.dom().s() * (st.bulk().u() + st.bulk().e());
            switch (regime) {
                case LOW:
                    low++;
                    assertTrue(cs.p() > 0, "low regime needs p > 0: " + cs + " theta = " + st.theta());
                    break;
                case HIGH:
                    high++;
                    assertTrue(cs.p() <= 16 * ULP * pScale, "high regime needs p <= 0: " + cs + " theta = " + st.theta());
                    break;
                default:
                    stable++;
            }
        }
        assertTrue(low > 300 && high > 300 && stable > 300, "regimes seen: " + low + " low, " + stable + " stable, "
                + high + " high");
    }

    @Test
    void theorem7LowerBoundsHoldWheneverPIsPositive() {
        RandomStream r = RandomStream.of(SEED, 3);
        int checked = 0;
        for (int trial = 0; trial < 2000; trial++) {
            Landscape land = Instances.randomLandscape(r);
            double scale = Math.exp(8 * (r.nextDouble() - 0.5));
            double[] c = Instances.coordinatesWithTheta(r, land, Instances.randomTheta(r), scale);
            AlignmentState st = land.state(c);
            CriticalStep cs = CriticalStep.of(st);
            if (cs.signCase() != SignCase.CRITICAL) {
                continue;
            }
            checked++;
            double xNormSq = 0;
            double domNormSq = 0;
            for (int i = 0; i < c.length; i++) {
                xNormSq += c[i] * c[i];
                if (i < land.k()) {
                    domNormSq += c[i] * c[i];
                }
            }
            double star = cs.etaStar();
            assertTrue(star >= land.thm7LowerBound(st.theta(), xNormSq) * (1 - 16 * ULP), "Theorem 7");
            assertTrue(star >= land.thm7LowerBoundDominant(domNormSq) * (1 - 16 * ULP), "Theorem 7 remark");
        }
        assertTrue(checked > 1000, "checked " + checked);
    }

    @Test
    void printedTheorem8AndCorollary9BoundsFailOnATwoDimensionalState() {
        // lambda = (2, 1), k = 1, kappa^2 = (1, 1); c^2 = (0.5, 0.25): s^D = 2, s^B = 0.25, theta = 8/9 >= e_B/(e_B + e_D) = 0.2.
        // q = 2 s^D s^B (lambda_2 - lambda_1) = -1; p = s^B s^D (lambda_1^2 - lambda_2^2) + s^B lambda_1^2 - s^D lambda_2^2 = 0.5
        // so eta* = 2, above the main-text bound 1/3, the appendix bound 2/3 and Corollary 9's 2/lambda_1 = 1.
        // The accessors report the bounds as printed; this pins a counterexample to them (cf. digest §5 item 11).
        Landscape l = Landscape.withIsotropicNoise(new double[] {2, 1}, 1, 1);
        AlignmentState st = l.state(new double[] {Math.sqrt(0.5), 0.5});
        CriticalStep cs = CriticalStep.of(st);
        assertEquals(-1, cs.q(), 4 * ULP);
        assertEquals(0.5, cs.p(), 4 * ULP);
        assertTrue(l.thm8Applies(st.theta()));
        assertEquals(2, cs.etaStar(), 16 * ULP);
        assertEquals(1.0 / 3, l.thm8MainBound(), ULP);
        assertTrue(cs.etaStar() > l.thm8MainBound() && cs.etaStar() > l.thm8AppendixBound() && cs.etaStar() > l.cor9Bound());
    }

    @Test
    void printedTheorem13LowerBoundFailsWhenLambda1IsFarAboveLambdaK() {
        // lambda = (10, 2, 1), k = 2, kappa^2 = 1, c = (1, 1, 1): alpha = 105 (1008/104 - 1) ~ 912.7 >> s gap1 = 105,
        // so 1 - theta_crit ~ n_B/alpha ~ 1.08e-3 is below the printed lower bound n_B/(s gap1 + n_B + n_D) = 1/118.
        // The upper bound holds (alpha >= s gap1). The accessor reports the lower bound as printed.
        Landscape l = Landscape.withIsotropicNoise(new double[] {10, 2, 1}, 2, 1);
        AlignmentState st = l.state(new double[] {1, 1, 1});
        double delta = CriticalAlignment.of(st).oneMinusThetaCrit().getAsDouble();
        assertEquals(1.0 / 118, l.thm13Lower(st.s()), ULP);
        assertTrue(delta < l.thm13Lower(st.s()), "delta = " + delta);
        assertTrue(delta <= l.thm13Upper(st.s()));
    }

    @Test
    void arraysAreCopiedAndEqualityIsByValue() {
        double[] lambda = LAMBDA.clone();
        Landscape l = new Landscape(lambda, 2, KAPPA_SQ, 0.5, 5);
        lambda[0] = 100;
        assertEquals(4, l.eigenvalue(0));
        double[] out = l.lambda();
        out[0] = 100;
        assertEquals(4, l.eigenvalue(0));
        assertNotSame(l.kappaSq(), l.kappaSq());
        assertArrayEquals(KAPPA_SQ, l.kappaSq());
        assertEquals(small(), l);
        assertEquals(small().hashCode(), l.hashCode());
        assertEquals(Landscape.withDiagonalNoise(LAMBDA, 2, new double[] {1, 2, 3, 4}).sMax(), 4.0);
        assertEquals(0.25, Landscape.withIsotropicNoise(LAMBDA, 1, 0.25).sMin());
    }

    @Test
    void validationErrorsNameTheField() {
        double[] k4 = KAPPA_SQ;
        assertMessage("lambda", () -> new Landscape(null, 1, k4, 0, 5));
        assertMessage("lambda", () -> new Landscape(new double[] {1}, 1, new double[] {1}, 1, 1));
        assertMessage("k", () -> new Landscape(LAMBDA, 0, k4, 0.5, 5));
        assertMessage("k", () -> new Landscape(LAMBDA, 4, k4, 0.5, 5));
        assertMessage("lambda[3]", () -> new Landscape(new double[] {4, 2, 1, 0}, 2, k4, 0.5, 5));
        assertMessage("lambda[0]", () -> new Landscape(new double[] {Double.NaN, 2, 1, 0.5}, 2, k4, 0.5, 5));
        assertMessage("lambda", () -> new Landscape(new double[] {4, 2, 3, 0.5}, 2, k4, 0.5, 5));
        assertMessage("lambda", () -> new Landscape(new double[] {4, 2, 2, 0.5}, 2, k4, 0.5, 5));
        assertMessage("kappaSq", () -> new Landscape(LAMBDA, 2, new double[] {1, 2, 3}, 0.5, 5));
        assertMessage("kappaSq[1]", () -> new Landscape(LAMBDA, 2, new double[] {1, -2, 3, 4}, 0, 5));
        assertMessage("kappaSq[3]", () -> new Landscape(LAMBDA, 2, new double[] {1, 2, 3, 6}, 0.5, 5));
        assertMessage("sMin", () -> new Landscape(LAMBDA, 2, k4, -1, 5));
        assertMessage("sMin", () -> new Landscape(LAMBDA, 2, k4, 6, 5));
        assertMessage("sMax", () -> new Landscape(LAMBDA, 2, k4, 0.5, Double.POSITIVE_INFINITY));
        // the messages also state the allowed range
        IllegalArgumentException ex = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Landscape(LAMBDA, 5, k4, 0.5, 5));
        assertTrue(ex.getMessage().contains("[1, 3]"), ex.getMessage());
        assertMessage("theta", () -> small().regime(1.5, 1));
        assertMessage("s", () -> small().thetaStar(-1));
    }
}
