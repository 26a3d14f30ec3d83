package org.alignscope.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One state per verdict, the hysteresis, and the run-level summary. */
@Tag("reliability")
class VerdictTest {
    private static double[] identity(int d) {
        double[] q = new double[d * d];
        for (int i = 0; i < d; i++) {
            q[i * d + i] = 1;
        }
        return q;
    }

    /** The authors' quadratic (σ = 0.5): θ = 0.984, η* = 0.0205, η^loss_D = 0.0218, λ_1 = 100. */
    private static QuadraticSource authors() {
        return AuthorsQuadratic.source(200, 20, 10, 0.5, 1);
    }

    private static VerdictRule.Assessment assess(QuadraticSource q, double eta, int r, double previousLoss) {
        MonitorResult res = new AlignmentMonitor(MonitorOptions.of(20, r)).evaluate(q, 0, eta);
        VerdictRule.Assessment a = VerdictRule.assess(res, previousLoss);
        assertFalse(a.reason().contains(","), "the reason is a CSV field without commas: " + a.reason());
        return a;
    }

    @Test
    void healthyWhereTheStepLowersTheLossResolved() {
        VerdictRule.Assessment a = assess(authors(), 0.003, 64, Double.NaN);
        assertEquals(Verdict.HEALTHY, a.verdict(), a.reason());
        assertTrue(a.reason().startsWith("dloss_pred = -"), a.reason());
    }

    @Test
    void edgeOfStabilityFromEtaLambda1() {
        VerdictRule.Assessment a = assess(authors(), 0.019, 64, Double.NaN);
        assertEquals(Verdict.EDGE_OF_STABILITY, a.verdict(), a.reason());
        assertTrue(a.reason().contains("sharpness_product = 1.900"), a.reason());
    }

    /** Heavy ball's edge is (2 + 2β)/η: η·λ_1 = 1.9 is not at β = 0.9's edge 3.8, 3.5 is. */
    @Test
    void edgeOfStabilityFollowsTheOptimizersEdge() {
        MonitorOptions hb = MonitorOptions.of(20, 16).withOptimizer(OptimizerProfile.heavyBall(0.9));
        MonitorResult below = new AlignmentMonitor(hb).evaluate(authors(), 0, 0.019);
        assertEquals(3.8 / 0.019, below.edgeSharpness(), 1e-9);
        assertEquals(Verdict.UNDETERMINED, VerdictRule.assess(below, Double.NaN).verdict());
        MonitorResult at = new AlignmentMonitor(hb).evaluate(authors(), 0, 0.035);
        assertEquals(Verdict.EDGE_OF_STABILITY, VerdictRule.assess(at, Double.NaN).verdict());
    }

    /**
     * Two stiff dominant directions (λ = 10) carrying large noise and 18 flat bulk ones (λ = 0.1): θ = 0.92,
     * η^loss_D ≈ 0.1, η^loss_B ≈ 10, η·λ_1 = 1.4 and the batch sharpness at most 10 < 0.9·2/η = 12.9.
     */
    @Test
    void suspiciousAlignmentBetweenResolvedEdges() {
        int d = 20;
        double[] lambda = new double[d];
        double[] kappaSq = new double[d];
        double[] c = new double[d];
        for (int i = 0; i < d; i++) {
            boolean dom = i < 2;
            lambda[i] = dom ? 10 : 0.1;
            kappaSq[i] = dom ? 100 : 1;
            c[i] = dom ? 1 : 10;
        }
        QuadraticSource q = QuadraticSource.of(lambda, kappaSq, identity(d), c, 4);
        MonitorResult res = new AlignmentMonitor(MonitorOptions.of(2, 400)).evaluate(q, 0, 0.14);
        VerdictRule.Assessment a = VerdictRule.assess(res, Double.NaN);
        assertEquals(Verdict.SUSPICIOUS_ALIGNMENT, a.verdict(), a.reason());
        assertTrue(res.gauges().batchSharpness().value() < 0.9 * 2 / 0.14, res.gauges().toString());
    }

    @Test
    void stalledWhereTheLossFellByLessThanATenthOfAPercent() {
        QuadraticSource q = authors();
        double before = q.loss();
        double[] g = new double[200];
        q.gradient(g);
        for (int i = 0; i < 200; i++) {
            q.state()[i] -= 1e-7 * g[i];
        }
        VerdictRule.Assessment a = assess(q, 0.003, 64, before);
        assertEquals(Verdict.STALLED, a.verdict(), a.reason());
        assertTrue(a.reason().contains("dloss_pred of the next step"), a.reason());
    }

    /**
     * Noise-dominated (σ = 400) with r = 4: the step is resolved to raise the loss, which no verdict's rule covers,
     * and the sentence says so.
     */
    @Test
    void undeterminedWhereNoRuleHolds() {
        VerdictRule.Assessment a = assess(AuthorsQuadratic.source(200, 20, 10, 400, 1), 0.003, 4, Double.NaN);
        assertEquals(Verdict.UNDETERMINED, a.verdict(), a.reason());
        assertTrue(a.reason().contains("is above 0: the step raises the loss in expectation"), a.reason());
    }

    /**
     * Along a gradient-descent path at η = 0.003 (10 steps between evaluations), evaluated at η = 0.003 (healthy)
     * or 0.019 (edge): the shown verdict changes only after two consecutive evaluations agree, and a tracker
     * restored from a saved state continues identically.
     */
    @Test
    void hysteresisNeedsTwoConsecutiveEvaluations() {
        QuadraticSource q = authors();
        double[] etas = {0.003, 0.003, 0.019, 0.019, 0.003, 0.019, 0.003, 0.003};
        List<Verdict> shown = new ArrayList<>();
        List<Verdict> rule = new ArrayList<>();
        VerdictTracker t = new VerdictTracker();
        VerdictTracker.State saved = null;
        List<MonitorResult> results = new ArrayList<>();
        double[] g = new double[200];
        for (double eta : etas) {
            MonitorResult r = new AlignmentMonitor(MonitorOptions.of(20, 32)).evaluate(q, 0, eta);
            results.add(r);
            if (results.size() == 4) {
                saved = t.state();
            }
            VerdictTracker.Call call = t.update(r);
            shown.add(call.shown());
            rule.add(call.rule().verdict());
            for (int s = 0; s < 10; s++) {
                q.gradient(g);
                for (int i = 0; i < 200; i++) {
                    q.state()[i] -= 0.003 * g[i];
                }
            }
        }
        Verdict h = Verdict.HEALTHY;
        Verdict e = Verdict.EDGE_OF_STABILITY;
        assertEquals(List.of(h, h, e, e, h, e, h, h), rule);
        assertEquals(List.of(Verdict.UNDETERMINED, h, h, e, e, e, e, h), shown);

        VerdictTracker resumed = new VerdictTracker();
        resumed.restore(saved);
        List<Verdict> tail = new ArrayList<>();
        for (MonitorResult r : results.subList(3, results.size())) {
            tail.add(resumed.update(r).shown());
        }
        assertEquals(shown.subList(3, shown.size()), tail);
        assertEquals(t.state(), resumed.state());
    }

    @Test
    void summarySharesMedianAndSuggestion() {
        List<Verdict> v = List.of(Verdict.HEALTHY, Verdict.EDGE_OF_STABILITY, Verdict.EDGE_OF_STABILITY,
                Verdict.STALLED);
        VerdictSummary s = VerdictSummary.of("base seed 1", v, new double[] {0.2, Double.NaN, 0.6, 1.0});
        assertEquals(4, s.evaluations());
        assertEquals(Verdict.EDGE_OF_STABILITY, s.mostFrequent());
        assertEquals(0.6, s.medianEtaOverEtaStar(), 1e-15);
        List<String> lines = s.lines();
        assertEquals("base seed 1: 4 evaluations: edge-of-stability 50% (2), suspicious-alignment 0% (0),"
                + " stalled 25% (1), healthy 25% (1), undetermined 0% (0); median eta/eta* 0.6000", lines.get(0));
        assertTrue(lines.get(1).contains("smaller step size"), lines.get(1));
        assertEquals(Verdict.UNDETERMINED, VerdictSummary.of("none", List.of(), new double[0]).mostFrequent());
        // undetermined shown while the evaluations' own verdicts were decisive: the hysteresis, not the noise
        List<Verdict> held = List.of(Verdict.UNDETERMINED, Verdict.UNDETERMINED, Verdict.UNDETERMINED);
        double[] none = {Double.NaN, Double.NaN, Double.NaN};
        String flipping = VerdictSummary.of("f", held, List.of(Verdict.HEALTHY, Verdict.SUSPICIOUS_ALIGNMENT,
                Verdict.HEALTHY), none).suggestion();
        assertTrue(flipping.contains("3 of 3 evaluations gave a verdict of their own") && flipping.contains(
                "monitor.every"), flipping);
        String noisy = VerdictSummary.of("n", held, none).suggestion();
        assertTrue(noisy.contains("more noise samples"), noisy);
    }
}
