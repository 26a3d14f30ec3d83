package org.alignscope.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.alignscope.theory.CriticalStep;
import org.alignscope.theory.SignCase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * η* (eq. 2) has one definition, {@link CriticalStep#etaStar(double, double)}: the double-precision and the exact
 * sources of the verifier return it in all four sign cases, including q ≥ 0 &gt; p, where it is the step −q/p
 * above which the alignment falls (not +∞).
 *
 * <p>Each state is one dominant and one bulk direction with the eigenvalues, coordinates and noise chosen so that
 * the block moments, p and q are small integers: s<sup>S</sup> = λ²c², τ<sup>S</sup> = λ³c², u<sup>S</sup> =
 * λ⁴c², e<sub>S</sub> = λ²κ².
 */
@Tag("reliability")
class EtaStarAgreementTest {
    private static Instance instance(double lambdaD, double cD, double kappaSqD, double lambdaB, double cB,
                                     double kappaSqB) {
        return new Instance("test", "two directions", new double[] {lambdaD, lambdaB}, 1,
                new double[] {kappaSqD, kappaSqB}, 0, 1, null, new double[] {cD, cB}, Map.of(), null);
    }

    private static void assertEtaStar(Instance inst, SignCase expectedCase, double expected) {
        Quantities fast = Quantities.fast(inst);
        Quantities exact = Quantities.exact(inst);
        assertEquals(expectedCase, fast.signCase());
        assertEquals(expectedCase, exact.signCase());
        assertEquals(expected, CriticalStep.etaStar(fast.p(), fast.q()));
        assertEquals(expected, fast.etaStar());
        assertEquals(expected, exact.etaStar());
        assertEquals(expected, CriticalStep.of(inst.state()).etaStar());
    }

    @Test
    void risesBelowGivesMinusQOverPInBothSources() {
        // dominant λ = 1, c = 1: s = τ = u = 1; bulk λ = 2, c = 1/2: s = 1, τ = 2, u = 4; no noise.
        // q = 2(1·2 − 1·1) = 2 ≥ 0, p = 1·1 − 1·4 = −3 < 0: the drift −3η² + 2η changes sign at η = 2/3.
        Instance inst = instance(1, 1, 0, 2, 0.5, 0);
        assertEquals(-3.0, Quantities.fast(inst).p());
        assertEquals(2.0, Quantities.fast(inst).q());
        assertEtaStar(inst, SignCase.RISES_BELOW, 2.0 / 3);
    }

    @Test
    void risesBelowWithQZeroGivesZero() {
        // no bulk gradient (c_B = 0): q = 0, p = −s^D e_B = −1·4·1 < 0, so the alignment falls for every η > 0.
        assertEtaStar(instance(1, 1, 0, 2, 0, 1), SignCase.RISES_BELOW, 0.0);
    }

    @Test
    void criticalGivesMinusQOverP() {
        // dominant λ = 2, c = 1/2: s = 1, τ = 2, u = 4; bulk λ = 1, c = 1: s = τ = u = 1; no noise.
        // q = 2(1·1 − 1·2) = −2 < 0, p = 1·4 − 1·1 = 3 > 0: η* = 2/3.
        assertEtaStar(instance(2, 0.5, 0, 1, 1, 0), SignCase.CRITICAL, 2.0 / 3);
    }

    @Test
    void fallsForAllAndRisesForAllGiveInfinity() {
        // as in criticalGivesMinusQOverP with bulk noise κ² = 4: e_B = 4, p = 4 − 1·(1 + 4) = −1 ≤ 0.
        assertEtaStar(instance(2, 0.5, 0, 1, 1, 4), SignCase.FALLS_FOR_ALL, Double.POSITIVE_INFINITY);
        // as in risesBelowGivesMinusQOverPInBothSources with dominant noise κ² = 4: e_D = 4, p = 1·5 − 4 = 1 ≥ 0.
        assertEtaStar(instance(1, 1, 4, 2, 0.5, 0), SignCase.RISES_FOR_ALL, Double.POSITIVE_INFINITY);
    }
}
