package org.alignscope.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.alignscope.linalg.random.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * Exact identities of eq. 2 and Lemma 22. Floating-point comparisons use a rounding allowance of a few units in
 * the last place of the terms being combined; none is a fitted tolerance.
 */
class CriticalStepTest {
    private static final long SEED = 7L;
    private static final double ULP = Math.ulp(1.0);

    @Test
    void handComputedTwoDimensionalExample() {
        // lambda = (2, 1), c = (1, 1), kappa^2 = (1, 1), k = 1
        // D: s=4, tau=8, u=16, e=4, n=2;  B: s=1, tau=1, u=1, e=1, n=1
        AlignmentState st = AlignmentState.of(new double[] {2, 1}, new double[] {1, 1}, new double[] {1, 1}, 1);
        CriticalStep cs = CriticalStep.of(st);
        assertEquals(2 * (4 * 1 - 1 * 8), cs.q()); // -8
        assertEquals(1 * (16 + 4) - 4 * (1 + 1), cs.p()); // 12
        assertEquals(8.0 / 12.0, cs.etaStar(), 1e-15);
        assertEquals(SignCase.CRITICAL, cs.signCase());
        assertEquals(12 * 0.25 - 8 * 0.5, cs.expectedDrift(0.5));
        // E s^D' = 4 - 2*0.5*8 + 0.25*20 = 1, E s^B' = 1 - 1 + 0.25*2 = 0.5
        assertEquals(1.0, CriticalStep.expectedNextS(st.dom(), 0.5));
        assertEquals(0.5, CriticalStep.expectedNextS(st.bulk(), 0.5));
        assertEquals(1.0 / 1.5, cs.predictedTheta(0.5), 1e-15);
    }

    @Test
    void parabolaPassesThroughTheOrigin() {
        RandomStream r = RandomStream.of(SEED, 1);
        for (int trial = 0; trial < 200; trial++) {
            Landscape land = Instances.randomLandscape(r);
            CriticalStep cs = CriticalStep.of(land.state(Instances.gaussian(r, land.d())));
            assertTrue(cs.expectedDrift(0.0) == 0, "E f(0) = " + cs.expectedDrift(0.0));
            assertEquals(cs.state().theta(), cs.predictedTheta(0.0), 4 * ULP);
        }
    }

    @Test
    void qIsNegativeAndBelowTheGapBoundForExactEigenCoordinates() {
        // eq. 20: q <= 2 s^B s^D (lambda_{k+1} - lambda_k) < 0
        RandomStream r = RandomStream.of(SEED, 2);
        for (int trial = 0; trial < 2000; trial++) {
            Landscape land = Instances.randomLandscape(r);
            AlignmentState st = land.state(Instances.gaussian(r, land.d()));
            CriticalStep cs = CriticalStep.of(st);
            double bound = -2 * st.bulk().s() * st.dom().s() * land.gap1();
            double roundingAllowance = 16 * ULP * 2 * (st.dom().s() * st.bulk().tau() + st.bulk().s() * st.dom().tau());
            assertTrue(cs.q() < 0, "q = " + cs.q());
            assertTrue(cs.q() <= bound + roundingAllowance, "q = " + cs.q() + " > bound " + bound);
        }
    }

    @Test
    void driftVanishesAtEtaStarAndHasTheLemma22SignsAroundIt() {
        RandomStream r = RandomStream.of(SEED, 3);
        int critical = 0;
        int fallsForAll = 0;
        for (int trial = 0; trial < 2000; trial++) {
            Landscape land = Instances.randomLandscape(r);
            double theta = Instances.randomTheta(r);
            double scale = Math.exp(6 * (r.nextDouble() - 0.5));
            AlignmentState st = land.state(Instances.coordinatesWithTheta(r, land, theta, scale));
            CriticalStep cs = CriticalStep.of(st);
            double p = cs.p();
            double q = cs.q();
            if (cs.signCase() == SignCase.CRITICAL) {
                critical++;
                double star = cs.etaStar();
                assertEquals(-q / p, star);
                assertTrue(star > 0);
                double scaleOfTerms = q * q / p;
                assertEquals(0.0, cs.expectedDrift(star), 8 * ULP * scaleOfTerms);
                for (double f : new double[] {0.5, 0.9}) {
                    assertTrue(cs.expectedDrift(f * star) < 0, "below eta*: " + cs);
                }
                for (double f : new double[] {1.1, 2}) {
                    assertTrue(cs.expectedDrift(f * star) > 0, "above eta*: " + cs);
                }
            } else {
                assertEquals(SignCase.FALLS_FOR_ALL, cs.signCase(), "exact eigenvectors give q < 0");
                fallsForAll++;
                assertEquals(Double.POSITIVE_INFINITY, cs.etaStar());
                for (double eta : new double[] {1e-4, 1e-2, 1, 100}) {
                    assertTrue(cs.expectedDrift(eta) < 0, "p <= 0 must give a falling alignment: " + cs);
                }
            }
        }
        assertTrue(critical > 100 && fallsForAll > 50, "both cases must be exercised: " + critical + ", " + fallsForAll);
    }

    @Test
    void predictedThetaMovesInTheDirectionOfTheDrift() {
        // sign(E f) = sign(E s^D'/E s^B' - s^D/s^B), so predictedTheta > theta iff expectedDrift > 0
        RandomStream r = RandomStream.of(SEED, 4);
        for (int trial = 0; trial < 500; trial++) {
            Landscape land = Instances.randomLandscape(r);
            AlignmentState st = land.state(Instances.coordinatesWithTheta(r, land, r.nextDouble(), 1));
            CriticalStep cs = CriticalStep.of(st);
            for (double eta : new double[] {1e-3, 0.05, 0.3, 2}) {
                double drift = cs.expectedDrift(eta);
                double move = cs.predictedTheta(eta) - st.theta();
                if (Math.abs(move) > 1e-12) {
                    assertEquals(Math.signum(drift), Math.signum(move), "eta = " + eta + ", " + cs);
                }
            }
        }
    }

    @Test
    void allFourSignCasesFromApproximateSubspaceMoments() {
        // Hand-made moments in which q >= 0 (possible only with an inexact dominant subspace).
        BlockMoments dom = new BlockMoments(1, 1, 1, 0, 0);
        Set<SignCase> seen = EnumSet.noneOf(SignCase.class);
        // p = sB(uD+eD) - sD(uB+eB) = sB*1 - (uB+eB); q = 2(sD tauB - sB tauD) = 2(tauB - sB)
        CriticalStep critical = CriticalStep.of(new AlignmentState(dom, new BlockMoments(1, 0.5, 0.1, 0, 0)));
        CriticalStep falls = CriticalStep.of(new AlignmentState(dom, new BlockMoments(1, 0.5, 2, 0, 0)));
        CriticalStep rises = CriticalStep.of(new AlignmentState(dom, new BlockMoments(1, 2, 0.5, 0, 0)));
        CriticalStep risesBelow = CriticalStep.of(new AlignmentState(dom, new BlockMoments(1, 2, 3, 0, 0)));
        assertEquals(SignCase.CRITICAL, critical.signCase());
        assertEquals(1.0 / 0.9, critical.etaStar(), 1e-15);
        assertEquals(SignCase.FALLS_FOR_ALL, falls.signCase());
        assertEquals(Double.POSITIVE_INFINITY, falls.etaStar());
        assertEquals(SignCase.RISES_FOR_ALL, rises.signCase());
        assertEquals(Double.POSITIVE_INFINITY, rises.etaStar());
        assertTrue(rises.expectedDrift(0.1) > 0 && rises.expectedDrift(10) > 0);
        assertEquals(SignCase.RISES_BELOW, risesBelow.signCase());
        assertEquals(2.0 / 2.0, risesBelow.etaStar(), 1e-15); // q = 2, p = -2
        assertTrue(risesBelow.expectedDrift(0.5) > 0 && risesBelow.expectedDrift(2) < 0);
        for (CriticalStep cs : new CriticalStep[] {critical, falls, rises, risesBelow}) {
            seen.add(cs.signCase());
        }
        assertEquals(EnumSet.allOf(SignCase.class), seen);
        // codes are short, lowercase and distinct
        Set<String> codes = new java.util.HashSet<>();
        for (SignCase c : SignCase.values()) {
            assertEquals(c.code().toLowerCase(java.util.Locale.ROOT), c.code());
            assertTrue(!c.description().isBlank() && !c.description().contains("\n"));
            codes.add(c.code());
        }
        assertEquals(4, codes.size());
    }

    @Test
    void boundaryCasesOfTheSignPartition() {
        assertEquals(SignCase.FALLS_FOR_ALL, SignCase.of(0, -1));
        assertEquals(SignCase.RISES_FOR_ALL, SignCase.of(0, 0));
        assertEquals(SignCase.RISES_FOR_ALL, SignCase.of(1, 0));
        assertEquals(SignCase.RISES_BELOW, SignCase.of(-1, 0));
        // q = 0, p < 0: the drift -|p| eta^2 is negative for every eta > 0, and the sign change is at 0
        CriticalStep cs = CriticalStep.of(new AlignmentState(new BlockMoments(1, 1, 1, 0, 0),
                new BlockMoments(1, 1, 2, 0, 0)));
        assertEquals(SignCase.RISES_BELOW, cs.signCase());
        assertEquals(0.0, cs.etaStar());
        assertEquals(0.0, Math.copySign(1.0, cs.etaStar()) - 1.0, "eta* must be +0.0, not -0.0");
    }

    @Test
    void zeroIterateHasZeroAlignmentAndNoNaN() {
        AlignmentState st = AlignmentState.of(new double[] {3, 1}, new double[] {0, 0}, new double[] {1, 1}, 1);
        CriticalStep cs = CriticalStep.of(st);
        assertEquals(0.0, st.theta());
        assertEquals(0.0, cs.p());
        assertEquals(0.0, cs.q());
        assertEquals(SignCase.RISES_FOR_ALL, cs.signCase());
        assertTrue(Double.isFinite(cs.predictedTheta(0.1)));
    }

    @Test
    void etaStarRangeIsTheImageOfThePInterval() {
        double q = -2;
        double[] inside = CriticalStep.etaStarRange(0.5, 4, q);
        assertEquals(0.5, inside[0], 1e-15, "-q/pHigh");
        assertEquals(4, inside[1], 1e-15, "-q/pLow");
        double[] across = CriticalStep.etaStarRange(-1, 4, q);
        assertEquals(0.5, across[0], 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, across[1], "p = 0 inside: no critical step is possible");
        double[] below = CriticalStep.etaStarRange(-4, -0.5, 2);
        assertEquals(0.5, below[0], 1e-15, "rises-below: -q/p increasing towards p = 0");
        assertEquals(4, below[1], 1e-15);
        RandomStream r = RandomStream.of(4);
        for (int i = 0; i < 1000; i++) {
            double lo = 4 * r.nextGaussian();
            double hi = lo + Math.abs(r.nextGaussian());
            double qi = r.nextGaussian();
            double[] range = CriticalStep.etaStarRange(lo, hi, qi);
            for (int j = 0; j <= 10; j++) {
                double e = CriticalStep.etaStar(Math.min(hi, lo + (hi - lo) * j / 10), qi);
                assertTrue(range[0] <= e && e <= range[1], "eta* of a p inside lies in the range");
            }
        }
    }
}
