package org.alignscope.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alignscope.linalg.random.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * Theorem 11 and Lemmas 23–24 on random states with exact eigen-coordinates. Comparisons that could tie are
 * skipped only when the two sides agree to 1e-9 relative (counted and bounded), a rounding allowance rather than
 * a fitted tolerance.
 */
class CriticalAlignmentTest {
    private static final long SEED = 11L;
    private static final double ULP = Math.ulp(1.0);

    /** A random state whose θ<sup>crit</sup> is not always within rounding of 1 (small scale, large noise). */
    private static AlignmentState randomState(RandomStream r, Landscape land) {
        double scale = Math.exp(-6 + 8 * r.nextDouble());
        return land.state(Instances.coordinatesWithTheta(r, land, Instances.randomTheta(r), scale));
    }

    @Test
    void handComputedExample() {
        // D: s=4, tau=8, n=2;  B: s=1, tau=1, n=1;  s = 5
        AlignmentState st = AlignmentState.of(new double[] {2, 1}, new double[] {1, 1}, new double[] {1, 1}, 1);
        CriticalAlignment ca = CriticalAlignment.of(st);
        assertEquals(5 * (8.0 / 4 - 1.0 / 1), ca.alpha()); // 5
        assertEquals(-5 + 1 + 2, ca.beta()); // -2
        assertEquals(-2, ca.gamma());
        assertEquals(ca.gamma(), ca.h(0));
        assertEquals(1, ca.h(1)); // n_B
        // s h(theta_t) = s^D (tau^B + n_B) - s^B (tau^D + n_D) = 4 * 2 - 1 * 10; theta_t = 4/5
        assertEquals(-2, ca.sTimesH());
        assertEquals(5 * ca.h(0.8), ca.sTimesH(), 1e-15);
        // 5 t^2 - 2 t - 2 = 0: t = (2 + sqrt(44))/10
        double exact = (2 + Math.sqrt(44)) / 10;
        assertEquals(exact, ca.thetaCrit().getAsDouble(), 2 * ULP);
        assertEquals(1 - exact, ca.oneMinusThetaCrit().getAsDouble(), 4 * ULP);
    }

    @Test
    void polynomialEndpointsAndLemma23Signs() {
        RandomStream r = RandomStream.of(SEED, 1);
        for (int trial = 0; trial < 1000; trial++) {
            Landscape land = Instances.randomLandscape(r);
            AlignmentState st = randomState(r, land);
            CriticalAlignment ca = CriticalAlignment.of(st);
            assertTrue(ca.alpha() > 0, "Lemma 23: alpha > 0");
            assertTrue(ca.gamma() < 0, "gamma = -n_D < 0");
            assertEquals(ca.gamma(), ca.h(0));
            double nB = st.bulk().nLoss();
            double scale = Math.abs(ca.alpha()) + Math.abs(ca.beta()) + Math.abs(ca.gamma());
            assertEquals(nB, ca.h(1), 8 * ULP * scale, "h(1) = n_B");
        }
    }

    @Test
    void signOfLossThresholdDifferenceIsSignOfHAndThetaCritSeparatesThem() {
        RandomStream r = RandomStream.of(SEED, 2);
        int below = 0;
        int above = 0;
        int ties = 0;
        for (int trial = 0; trial < 3000; trial++) {
            Landscape land = Instances.randomLandscape(r);
            AlignmentState st = randomState(r, land);
            CriticalAlignment ca = CriticalAlignment.of(st);
            double etaD = ProjectedLoss.etaLoss(st.dom());
            double etaB = ProjectedLoss.etaLoss(st.bulk());
            double theta = st.theta();
            double thetaCrit = ca.thetaCrit().getAsDouble();
            double relGap = Math.abs(etaD - etaB) / Math.max(etaD, etaB);
            double thetaGap = Math.abs(theta - thetaCrit);
            if (relGap < 1e-9 || thetaGap < 1e-9) {
                ties++;
                continue;
            }
            assertEquals(Math.signum(etaD - etaB), Math.signum(ca.h(theta)), "sign(eta_D - eta_B) = sign(h(theta))");
            assertEquals(theta < thetaCrit, etaD < etaB, "theta < theta_crit iff eta^loss_D < eta^loss_B");
            if (theta < thetaCrit) {
                below++;
            } else {
                above++;
            }
        }
        assertTrue(below > 200 && above > 200, "both sides must be exercised: " + below + " below, " + above + " above");
        assertTrue(ties < 30, "too many near-ties skipped: " + ties);
    }

    @Test
    void thetaCritAndOneMinusThetaCritAgreeAndSolveTheirQuadratics() {
        RandomStream r = RandomStream.of(SEED, 3);
        for (int trial = 0; trial < 2000; trial++) {
            Landscape land = Instances.randomLandscape(r);
            AlignmentState st = randomState(r, land);
            CriticalAlignment ca = CriticalAlignment.of(st);
            double t = ca.thetaCrit().getAsDouble();
            double delta = ca.oneMinusThetaCrit().getAsDouble();
            assertTrue(t >= 0 && t < 1, "theta_crit in [0, 1): " + t);
            assertEquals(t, 1 - delta, 8 * ULP, "theta_crit vs 1 - (1 - theta_crit)");
            double a = ca.alpha();
            double nB = st.bulk().nLoss();
            double nD = st.dom().nLoss();
            // h(theta_crit) = 0 up to rounding of its terms
            double hScale = a * t * t + Math.abs(ca.beta()) * t + nD;
            assertEquals(0, ca.h(t), 16 * ULP * hScale, "h(theta_crit)");
            // delta solves a d^2 - (a + nB + nD) d + nB = 0 to rounding of its terms
            double residual = a * delta * delta - (a + nB + nD) * delta + nB;
            double rScale = a * delta * delta + (a + nB + nD) * delta + nB;
            assertEquals(0, residual, 16 * ULP * rScale, "delta quadratic residual");
            // the exact-alpha bracket n_B/(alpha + n_B + n_D) <= delta <= n_B/alpha, and Theorem 13's upper bound
            assertTrue(delta >= nB / (a + nB + nD) * (1 - 8 * ULP), "lower bracket");
            assertTrue(delta <= nB / a * (1 + 8 * ULP), "upper bracket");
            assertTrue(delta <= land.thm13Upper(st.s()) * (1 + 8 * ULP), "Theorem 13 upper bound");
        }
    }

    @Test
    void oneMinusThetaCritStaysAccurateWhenThetaCritRoundsToOne() {
        // alpha = 2e14, n_B = 1, n_D = 2: delta ~ 5e-15, which 1 - thetaCrit resolves only to about 2e-16 absolute
        // (4% relative). The bracket n_B/(alpha + 3) <= delta <= n_B/alpha pins delta to 1.5e-14 relative.
        BlockMoments dom = new BlockMoments(1, 1e14 + 1, 1, 0, 2);
        BlockMoments bulk = new BlockMoments(1, 1, 1, 0, 1);
        CriticalAlignment ca = CriticalAlignment.of(new AlignmentState(dom, bulk));
        double a = ca.alpha();
        assertEquals(2e14, a); // s (tau^D/s^D - tau^B/s^B) = 2 * 1e14
        double delta = ca.oneMinusThetaCrit().getAsDouble();
        assertTrue(delta >= 1 / (a + 3) && delta <= 1 / a, "delta = " + delta);
        assertEquals(1 - 5e-15, ca.thetaCrit().getAsDouble(), ULP);
    }

    @Test
    void theSingleFormTwoNdOverBetaPlusRootCancelsWhenBetaIsNegative() {
        // Why thetaCrit switches forms: with alpha >> n, beta ~ -alpha < 0 and beta + sqrt(beta^2 + 4 alpha n_D)
        // subtracts two numbers of size alpha. alpha = 7.6e13, n_B = 1.5, n_D = 0.0125: the single form
        // 2 n_D/(beta + sqrt(...)) returns 1.6 (outside [0, 1]); the switched form matches 1 - delta.
        BlockMoments dom = new BlockMoments(1, 3.8e13 + 1, 1, 0, 0.0125);
        BlockMoments bulk = new BlockMoments(1, 1, 1, 0, 1.5);
        CriticalAlignment ca = CriticalAlignment.of(new AlignmentState(dom, bulk));
        double a = ca.alpha();
        double b = ca.beta();
        double singleForm = 2 * 0.0125 / (b + Math.sqrt(b * b + 4 * a * 0.0125));
        double delta = ca.oneMinusThetaCrit().getAsDouble();
        assertTrue(delta >= 1.5 / (a + 1.5125) && delta <= 1.5 / a, "delta = " + delta);
        assertTrue(Math.abs(singleForm - (1 - delta)) > 0.1, "single form: " + singleForm);
        assertEquals(1 - delta, ca.thetaCrit().getAsDouble(), ULP);
    }

    @Test
    void degenerateStatesGiveEmptyResultsNotNaN() {
        BlockMoments bulk = new BlockMoments(1, 1, 1, 1, 1);
        BlockMoments dom = new BlockMoments(1, 3, 9, 1, 1);
        // s^D = 0
        CriticalAlignment noDom = CriticalAlignment.of(new AlignmentState(BlockMoments.ZERO, bulk));
        assertFalse(noDom.hasPolynomial());
        assertTrue(noDom.thetaCrit().isEmpty() && noDom.oneMinusThetaCrit().isEmpty());
        assertThrows(IllegalStateException.class, noDom::alpha);
        // s^B = 0
        assertTrue(CriticalAlignment.of(new AlignmentState(dom, BlockMoments.ZERO)).thetaCrit().isEmpty());
        // n_B = 0
        assertTrue(CriticalAlignment.of(new AlignmentState(dom, new BlockMoments(1, 1, 1, 0, 0))).thetaCrit().isEmpty());
        // alpha <= 0 (approximate subspace: mu^D(3,2) <= mu^B(3,2))
        CriticalAlignment inverted = CriticalAlignment.of(new AlignmentState(new BlockMoments(1, 1, 1, 1, 1), dom));
        assertTrue(inverted.alpha() <= 0);
        assertTrue(inverted.thetaCrit().isEmpty() && inverted.oneMinusThetaCrit().isEmpty());
        // n_D < 0: h(0) > 0 = no unique crossing
        assertTrue(CriticalAlignment.of(new AlignmentState(new BlockMoments(1, 3, 9, 1, -0.1), bulk)).thetaCrit().isEmpty());
    }

    @Test
    void theExistenceRuleDependsOnlyOnTheSigns() {
        assertTrue(CriticalAlignment.rootExists(1, 1, 0));
        assertTrue(CriticalAlignment.rootExists(5, 1, 2));
        assertFalse(CriticalAlignment.rootExists(0, 1, 1));
        assertFalse(CriticalAlignment.rootExists(Double.POSITIVE_INFINITY, 1, 1));
        assertFalse(CriticalAlignment.rootExists(1, 0, 1));
        assertFalse(CriticalAlignment.rootExists(1, 1, -1));
    }

    @Test
    void zeroDominantNoiseGivesTheLinearRoot() {
        // n_D = 0: h(theta) = theta (alpha theta + beta); root 1 - n_B/alpha if alpha > n_B, else 0.
        BlockMoments bulk = new BlockMoments(1, 1, 1, 0, 1);
        CriticalAlignment ca = CriticalAlignment.of(new AlignmentState(new BlockMoments(1, 3, 9, 0, 0), bulk));
        assertEquals(4, ca.alpha()); // 2 * (3 - 1)
        assertEquals(0.75, ca.thetaCrit().getAsDouble(), ULP);
        assertEquals(0.25, ca.oneMinusThetaCrit().getAsDouble(), ULP);
        CriticalAlignment flat = CriticalAlignment.of(new AlignmentState(new BlockMoments(1, 1.25, 9, 0, 0), bulk));
        assertEquals(0.5, flat.alpha()); // < n_B = 1
        assertEquals(0.0, flat.thetaCrit().getAsDouble());
        assertEquals(1.0, flat.oneMinusThetaCrit().getAsDouble());
    }
}
