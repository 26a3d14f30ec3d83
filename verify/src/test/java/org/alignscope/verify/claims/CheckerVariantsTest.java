package org.alignscope.verify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.verify.Budget;
import org.alignscope.verify.ClaimChecker;
import org.alignscope.verify.ClaimResult;
import org.alignscope.verify.Evaluation;
import org.alignscope.verify.Instance;
import org.alignscope.verify.Status;
import org.junit.jupiter.api.Test;

/**
 * Every checker must report violated on a deliberately broken variant of its claim and holds on a true
 * statement (the claim as printed where it holds, else its corrected form).
 */
class CheckerVariantsTest {
    static final Budget SMALL = new Budget(300, false);
    static final Budget TRENDS = new Budget(1600, false);

    static ClaimResult run(ClaimChecker c, Budget b) {
        return c.check(b, RandomStream.of(2024, c.id().hashCode()));
    }

    static void holds(ClaimChecker c, Budget b) {
        ClaimResult r = run(c, b);
        assertEquals(Status.HOLDS, r.status(), c.id() + ": " + r);
        assertTrue(r.instances() > 0 && r.worstMargin() >= 0, c.id() + ": " + r);
    }

    static void violated(ClaimChecker c, Budget b) {
        ClaimResult r = run(c, b);
        assertEquals(Status.VIOLATED, r.status(), c.id() + ": " + r);
        assertTrue(r.worstMargin() < -1e-9, c.id() + ": " + r);
        assertEquals(Status.VIOLATED, c.evaluate(r.worst()).status(), "the worst instance replays as violated");
    }

    @Test
    void lemma21() {
        holds(new Lemma21(), SMALL);
        violated(new Lemma21(0.5), SMALL);
    }

    @Test
    void lemma22() {
        holds(new Lemma22(), SMALL);
        violated(new Lemma22(0.5), SMALL);
    }

    @Test
    void thm2AndThm3() {
        holds(new AlignmentDrift(AlignmentDrift.Kind.DECREASE), TRENDS);
        violated(new AlignmentDrift(AlignmentDrift.Kind.DECREASE, 4), TRENDS);
        holds(new AlignmentDrift(AlignmentDrift.Kind.INCREASE), TRENDS);
        violated(new AlignmentDrift(AlignmentDrift.Kind.INCREASE, 0.25), TRENDS);
    }

    @Test
    void thm4() {
        holds(new Thm4(), SMALL);
        violated(new Thm4(0.5), SMALL);
    }

    @Test
    void thm5AndItsCorrection() {
        violated(new GapLimit(GapLimit.Kind.THM5), TRENDS);
        holds(new GapLimit(GapLimit.Kind.THM5_CORRECTED), SMALL);
        violated(new GapLimit(GapLimit.Kind.THM5_CORRECTED, 0.5), SMALL);
    }

    @Test
    void thm6() {
        holds(new Thm6(), SMALL);
        violated(new Thm6(0.5), SMALL);
    }

    @Test
    void thm7() {
        holds(new Thm7(), SMALL);
        violated(new Thm7(2), SMALL);
    }

    @Test
    void thm8Cor9AndTheCorrectedBound() {
        violated(new Thm8(Thm8.Form.MAIN), SMALL);
        violated(new Thm8(Thm8.Form.APPENDIX), SMALL);
        violated(new Thm8(Thm8.Form.COR9), SMALL);
        holds(new Thm8(Thm8.Form.CORRECTED), SMALL);
        violated(new Thm8(Thm8.Form.CORRECTED, 0.5), SMALL);
    }

    @Test
    void thm8CounterexampleOfTheTheoryTestsIsFound() {
        // lambda = (2, 1), kappa^2 = 1, c^2 = (0.5, 0.25): eta* = 2 against the bounds 1/3, 2/3 and 1
        Instance inst = org.alignscope.verify.Generator.instance("thm8-main", "two_level", new double[] {2, 1}, 1,
                new double[] {1, 1}, new double[] {Math.sqrt(0.5), 0.5}, new java.util.LinkedHashMap<>());
        Evaluation e = new Thm8(Thm8.Form.MAIN).evaluate(inst);
        assertEquals(Status.VIOLATED, e.status());
        assertEquals(2, e.left(), 1e-12);
        assertEquals(1.0 / 3, e.right(), 1e-15);
        assertEquals(-5, e.margin(), 1e-9);
    }

    @Test
    void thm10AndTheBoxTypo() {
        holds(new Thm10(), SMALL);
        Budget more = new Budget(1200, false);
        violated(new Thm10(0.5, false), more);
        violated(new Thm10(1, true), more);
    }

    @Test
    void thm11() {
        holds(new Thm11(), SMALL);
        violated(new Thm11(0.5), SMALL);
    }

    @Test
    void thm12() {
        holds(new GapLimit(GapLimit.Kind.THM12), TRENDS);
        violated(new GapLimit(GapLimit.Kind.THM12, 3), TRENDS);
    }

    @Test
    void thm13() {
        violated(new Thm13(Thm13.Bound.LOWER), SMALL);
        holds(new Thm13(Thm13.Bound.LOWER_CORRECTED), SMALL);
        violated(new Thm13(Thm13.Bound.LOWER_CORRECTED, 2), SMALL);
        holds(new Thm13(Thm13.Bound.UPPER), SMALL);
        violated(new Thm13(Thm13.Bound.UPPER, 0.5), SMALL);
    }

    @Test
    void thm15() {
        holds(new Thm15(), SMALL);
        violated(new Thm15(50), SMALL);
    }

    @Test
    void thm16() {
        holds(new Thm16(), SMALL);
        violated(new Thm16(0.9), SMALL);
    }

    @Test
    void isotropicApproximation() {
        holds(new IsotropicApprox(), SMALL);
        violated(new IsotropicApprox(0.9), SMALL);
    }

    @Test
    void sec8HeuristicOnTwoRuns() {
        Sec8Heuristic printed = new Sec8Heuristic();
        Sec8Heuristic corrected = new Sec8Heuristic(1, true);
        List<Instance> runs = printed.generate(SMALL, RandomStream.of(1, 2));
        Instance paper = runs.stream().filter(i -> i.param("authors_m") == 50 && i.param("eta") == 0.003).findFirst().get()
                .with("steps", 6000);
        Instance large = runs.stream().filter(i -> i.param("authors_m") == 50 && i.param("eta") == 0.015).findFirst().get()
                .with("steps", 6000);
        assertEquals(Status.HOLDS, printed.evaluate(paper).status(), "at the paper's eta = 0.003");
        assertEquals(Status.VIOLATED, printed.evaluate(large).status(), "eta* follows eta = 0.015 > 1/(lambda_1 + lambda_d)");
        assertEquals(Status.HOLDS, corrected.evaluate(large).status());
        assertEquals(Status.VIOLATED, new Sec8Heuristic(0.01, true).evaluate(large).status());
    }
}
