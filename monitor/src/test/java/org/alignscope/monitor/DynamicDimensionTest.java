package org.alignscope.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dynamic_k: c}: on a diagonal quadratic with a known spectrum, k_dyn is the exact number of eigenvalues above
 * c/η — none (k_min is used and the finding says so), a count the solve reaches only by growing, and the cap 50 —
 * cold and warm-started; the {@code k_dyn} column; a budget that ends the growth makes the count a lower bound that
 * the findings name; and the options refuse what a dynamic k cannot use.
 */
@Tag("reliability")
class DynamicDimensionTest {
    private static final int D = 120;
    private static final double C = 2;

    /** λ_i = 100·0.9^(i−1), i = 1 … 120: well separated, so a threshold between two of them is clear. */
    private static double[] spectrum() {
        double[] l = new double[D];
        for (int i = 0; i < D; i++) {
            l[i] = 100 * Math.pow(0.9, i);
        }
        return l;
    }

    /** The exact number of eigenvalues above c/η, before the cap. */
    private static int above(double eta) {
        int n = 0;
        for (double l : spectrum()) {
            n += l > C / eta ? 1 : 0;
        }
        return n;
    }

    /** The step at which c/η lies halfway (geometrically) between λ_count and λ_count+1: exactly count above. */
    private static double etaFor(int count) {
        double threshold = 100 * Math.pow(0.9, count - 0.5);
        return C / threshold;
    }

    /** kSpread 2 and the budget monitor.max_hvps gives dynamic_k by default: 50(50 + 2 + 1) + 500. */
    private static MonitorOptions dynamic(int kMin) {
        return MonitorOptions.of(1, 8).withLanczosMaxApplications(50 * (DynamicDimension.LARGEST + 3) + 500)
                .withDynamicK(C, kMin);
    }

    private static MonitorResult evaluate(MonitorOptions o, double eta) {
        return new AlignmentMonitor(o).evaluate(DominantSolveTest.diagonal(spectrum()), 0, eta);
    }

    @Test
    void noEigenvalueAboveTheThresholdUsesKMinAndSaysSo() {
        double eta = 0.01;  // c/eta = 200 > lambda_1 = 100
        assertEquals(0, above(eta));
        MonitorResult r = evaluate(dynamic(1), eta);
        assertEquals(0, r.eigen().dynamic().count());
        assertTrue(r.eigen().dynamic().exact());
        assertEquals(1, r.eigen().k(), "k_min");
        assertEquals(1, r.main().k());
        assertEquals(4, r.eigen().values().length, "k_min + k_spread + 1 pairs");
        Finding f = r.findings().stream().filter(x -> x.code() == FindingCode.DYNAMIC_K_BELOW_MIN).findFirst()
                .orElseThrow(() -> new AssertionError(r.findings().toString()));
        assertTrue(f.message().startsWith("no eigenvalue above c/eta = 200.0: lambda_1 = 100.0; the dominant block"
                + " uses k_min = 1 (lambda_1 would count from a step above c/lambda_1 = 0.0200"), f.message());

        MonitorResult three = evaluate(dynamic(3), etaFor(1));
        assertEquals(1, three.eigen().dynamic().count());
        assertEquals(3, three.eigen().k(), "k_min = 3 above one eigenvalue");
        assertTrue(three.findings().stream().anyMatch(x -> x.message().startsWith("only 1 eigenvalue above c/eta")),
                three.findings().toString());
        MonitorResult enough = evaluate(dynamic(1), etaFor(1));
        assertFalse(enough.has(FindingCode.DYNAMIC_K_BELOW_MIN), enough.findings().toString());
    }

    @Test
    void aCountBeyondTheFirstSolveIsReachedByGrowingAndIsExact() {
        double eta = etaFor(12);
        assertEquals(12, above(eta));
        MonitorResult r = evaluate(dynamic(1), eta);
        assertTrue(12 > 1 + 2 + 1, "the cold solve holds k_min + k_spread + 1 = 4 pairs");
        assertEquals(12, r.eigen().dynamic().count());
        assertTrue(r.eigen().dynamic().exact());
        assertEquals(12, r.eigen().k());
        assertEquals(12, r.main().k());
        assertEquals(15, r.eigen().values().length, "cut to k_used + k_spread + 1");
        assertEquals(List.of(10, 11, 12, 13, 14), r.sensitivity().stream().map(BlockEstimate::k).toList());
        assertTrue(r.eigen().values()[11] > C / eta && r.eigen().values()[12] < C / eta);
        assertTrue(r.eigen().subspaceSin() <= 0.05, "the split at the count is resolved: " + r.eigen().subspaceSin());
        assertFalse(r.has(FindingCode.UNRELIABLE_ESTIMATE), r.findings().toString());
    }

    @Test
    void theCountIsCappedAtFifty() {
        double eta = 1e6;  // c/eta = 2e-6, below all 120 eigenvalues
        assertEquals(D, above(eta));
        MonitorResult r = evaluate(dynamic(1), eta);
        assertEquals(DynamicDimension.LARGEST, r.eigen().dynamic().count());
        assertTrue(r.eigen().dynamic().exact(), "the cap closes the count");
        assertEquals(DynamicDimension.LARGEST, r.eigen().k());
        assertEquals(DynamicDimension.LARGEST + 3, r.eigen().values().length);
    }

    @Test
    void aWarmStartedTrajectoryCountsExactlyAtEveryStep() {
        AlignmentMonitor m = new AlignmentMonitor(dynamic(1));
        QuadraticSource src = DominantSolveTest.diagonal(spectrum());
        for (int count : new int[] {3, 30, 7, 0, 41}) {
            double eta = etaFor(Math.max(count, 1)) * (count == 0 ? 0.5 : 1);
            MonitorResult r = m.evaluate(src, 0, eta);
            assertEquals(above(eta), r.eigen().dynamic().count(), "eta " + eta);
            assertEquals(Math.max(1, above(eta)), r.eigen().k());
            assertEquals(r.eigen().k() + 3, m.eigenvectors().length, "the next warm start: k_used + k_spread + 1");
        }
    }

    @Test
    void theColumnHoldsTheCountAndIsEmptyWithoutADynamicK(@TempDir Path dir) throws Exception {
        MonitorResult dyn = evaluate(dynamic(1), etaFor(5));
        MonitorResult fixed = evaluate(MonitorOptions.of(5, 8), etaFor(5));
        assertNull(fixed.eigen().dynamic());
        Map<String, Object> d = MonitorColumn.values(new MonitorRow(dyn, Double.NaN));
        assertEquals(5L, d.get("k_dyn"));
        assertEquals(5L, d.get("k_used"));
        assertTrue(Double.isNaN((Double) d.get("k")), "dynamic_k asks for no k");
        assertTrue(Double.isNaN((Double) MonitorColumn.values(new MonitorRow(fixed, Double.NaN)).get("k_dyn")));
        Path csv = dir.resolve("monitor.csv");
        try (MonitorCsv w = new MonitorCsv(csv)) {
            w.write(new MonitorRow(dyn, Double.NaN));
            w.write(new MonitorRow(fixed, Double.NaN));
        }
        List<String> lines = Files.readAllLines(csv);
        int col = List.of(lines.get(0).split(",", -1)).indexOf("k_dyn");
        assertEquals("5", lines.get(1).split(",", -1)[col]);
        assertEquals("", lines.get(2).split(",", -1)[col]);
    }

    @Test
    void aBudgetThatEndsTheGrowthMakesTheCountALowerBound() {
        MonitorOptions o = MonitorOptions.of(1, 8).withLanczosMaxApplications(30).withDynamicK(C, 1);
        MonitorResult r = evaluate(o, 1e6);
        DynamicDimension.Count c = r.eigen().dynamic();
        assertFalse(c.exact());
        assertEquals(r.eigen().values().length, c.count(), "every solved eigenvalue lies above c/eta");
        assertTrue(c.count() < DynamicDimension.LARGEST);
        String detail = r.findings().stream().filter(x -> x.code() == FindingCode.UNRELIABLE_ESTIMATE).findFirst()
                .orElseThrow().message();
        assertTrue(detail.contains("k_dyn >= " + c.count() + " is a lower bound"), detail);
    }

    @Test
    void theOptionsRefuseWhatADynamicKCannotUse() {
        MonitorOptions o = MonitorOptions.of(3, 8);
        assertFalse(o.dynamicK(), "off by default");
        assertThrows(IllegalArgumentException.class, () -> o.withDynamicK(0, 1));
        assertThrows(IllegalArgumentException.class, () -> o.withDynamicK(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> o.withDynamicK(2, 0));
        assertThrows(IllegalArgumentException.class, () -> o.withDynamicK(2, DynamicDimension.LARGEST + 1));
        assertThrows(IllegalArgumentException.class,
                () -> o.withOptimizer(OptimizerProfile.heavyBall(0.9)).withDynamicK(2, 1));
        assertTrue(o.withOptimizer(OptimizerProfile.heavyBall(0.9).withEffectiveStep()).withDynamicK(2, 1).dynamicK());
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> o.withDynamicK(2, 12).checkDimension(12));
        assertEquals("k_min: 12 does not fit the 12 parameters; allowed: an integer in [1, 11]", small.getMessage());
    }
}
