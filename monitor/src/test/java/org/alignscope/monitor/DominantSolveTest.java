package org.alignscope.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.spectral.EigenResult;
import org.alignscope.spectral.Lanczos;
import org.alignscope.spectral.LanczosOptions;
import org.alignscope.spectral.Which;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code k: auto} (the largest eigenvalue ratio), the {@code k_used} column, and the eigengap rule: the Davis–Kahan
 * bound holds, a loose tolerance is tightened until it is met, and where it cannot be the findings say
 * {@code unreliable-estimate: eigengap}.
 */
@Tag("reliability")
class DominantSolveTest {
    /** A diagonal quadratic (eigenvectors the coordinate axes) with the state's coordinates all 1. */
    static QuadraticSource diagonal(double[] lambda) {
        int d = lambda.length;
        double[] q = new double[d * d];
        for (int i = 0; i < d; i++) {
            q[i * d + i] = 1;
        }
        double[] ks = new double[d];
        Arrays.fill(ks, 0.1);
        double[] c = new double[d];
        Arrays.fill(c, 1.0);
        return QuadraticSource.of(lambda, ks, q, c, 3);
    }

    /** 10, 9.5, ... for the top {@code top}, then a bulk from {@code bulkTop} down to 0 over d − top eigenvalues. */
    private static double[] spectrum(int d, int top, double bulkTop) {
        double[] l = new double[d];
        for (int i = 0; i < d; i++) {
            l[i] = i < top ? 10 - 0.5 * i : bulkTop * (d - 1 - i) / (d - 1 - top);
        }
        return l;
    }

    @Test
    void autoPicksTheLargestRatioAmongPositiveEigenvalues() {
        assertEquals(7, DominantDimension.largestRatio(spectrum(60, 7, 2)), "the gap after 7: 7/2");
        // the first of two equal ratios
        assertEquals(2, DominantDimension.largestRatio(new double[] {8, 4, 2, 1, 1, 1}));
        // lambda_4 <= 0: only k = 2, 3 qualify, although lambda_3 / lambda_4 = 3 / 0.001 would not count below
        assertEquals(3, DominantDimension.largestRatio(new double[] {5, 4.5, 3, 0.001, -1, -2}));
        assertEquals(2, DominantDimension.largestRatio(new double[] {5, 4.5, 3, -0.5, -1, -2}));
        // no k qualifies (lambda_3 <= 0): the smallest candidate
        assertEquals(2, DominantDimension.largestRatio(new double[] {5, -1, -2, -3}));
        // a wider gap after k = 31 is no candidate: the ratio 1.3 after k = 12 is chosen
        double[] l = new double[80];
        for (int i = 0; i < l.length; i++) {
            l[i] = (10 - 0.05 * i) / (i >= 12 ? 1.3 : 1) / (i >= 31 ? 3 : 1);
        }
        assertEquals(12, DominantDimension.largestRatio(l));
    }

    @Test
    void autoChoosesKAtTheGapAndKUsedIsWrittenForEveryRow(@TempDir Path dir) throws Exception {
        QuadraticSource src = diagonal(spectrum(60, 7, 2));
        MonitorResult auto = new AlignmentMonitor(MonitorOptions.of(MonitorOptions.AUTO_K, 8)).evaluate(src, 0, 0.01);
        assertEquals(7, auto.eigen().k());
        assertEquals(7, auto.main().k());
        assertEquals(DominantDimension.PAIRS + 2, auto.eigen().values().length, "31 + k_spread pairs");
        assertEquals(List.of(5, 6, 7, 8, 9), auto.sensitivity().stream().map(BlockEstimate::k).toList());
        MonitorResult fixed = new AlignmentMonitor(MonitorOptions.of(6, 8)).evaluate(diagonal(spectrum(60, 7, 2)), 0,
                0.01);
        assertEquals(9, fixed.eigen().values().length, "k + k_spread + 1 pairs");

        Map<String, Object> a = MonitorColumn.values(new MonitorRow(auto, Double.NaN));
        assertEquals(7L, a.get("k_used"));
        assertTrue(Double.isNaN((Double) a.get("k")), "k: auto asks for no k");
        Map<String, Object> f = MonitorColumn.values(new MonitorRow(fixed, Double.NaN));
        assertEquals(6L, f.get("k_used"));
        assertEquals(6L, f.get("k"));

        Path csv = dir.resolve("monitor.csv");
        try (MonitorCsv w = new MonitorCsv(csv)) {
            w.write(new MonitorRow(auto, Double.NaN));
            w.write(new MonitorRow(fixed, Double.NaN));
        }
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(",", -1));
        int used = header.indexOf("k_used");
        int k = header.indexOf("k");
        assertTrue(used >= 0, lines.get(0));
        assertEquals("7", lines.get(1).split(",", -1)[used]);
        assertEquals("", lines.get(1).split(",", -1)[k]);
        assertEquals("6", lines.get(2).split(",", -1)[used]);
        assertEquals("6", lines.get(2).split(",", -1)[k]);
    }

    @Test
    void theDavisKahanBoundHoldsOnALooseSolve() {
        double[] lambda = spectrum(300, 6, 5.4);
        SymmetricOperator h = diagonal(lambda).hessian();
        for (double tol : new double[] {1e-1, 3e-2, 1e-2, 1e-3}) {
            EigenResult er = Lanczos.solve(h, new LanczosOptions(7, tol, 2000, 24, 1), Which.LARGEST, null);
            int k = 6;
            EigenGap gap = EigenGap.of(er.eigenvalues(), er.residuals(), k);
            double sin2 = 0;  // ||(I - P_true) V_k||_F^2: the true subspace is the first k coordinate axes
            for (int i = 0; i < k; i++) {
                for (int j = k; j < lambda.length; j++) {
                    sin2 += er.eigenvectors()[i][j] * er.eigenvectors()[i][j];
                }
            }
            assertTrue(Math.sqrt(sin2) <= gap.sinBound(), "tol " + tol + ": " + Math.sqrt(sin2) + " > "
                    + gap.sinBound());
        }
    }

    @Test
    void aLooseToleranceIsTightenedUntilTheGapIsResolved() {
        double[] lambda = spectrum(300, 6, 5.4);
        MonitorOptions o = MonitorOptions.of(6, 8).withLanczosTolerance(1e-1);
        MonitorResult r = new AlignmentMonitor(o).evaluate(diagonal(lambda), 0, 0.01);
        assertTrue(r.eigen().tolerance() < 1e-1, "tightened");
        assertTrue(r.eigen().subspaceSin() <= 0.05, "resolved: " + r.eigen().subspaceSin());
        assertFalse(r.findings().toString().contains("eigengap"), r.findings().toString());
    }

    /** k = 6, tolerance 1e-1, and this HVP budget (the other settings the defaults). */
    private static MonitorOptions loose(int budget) {
        MonitorOptions d = MonitorOptions.of(6, 8);
        return new MonitorOptions(6, 8, d.kSpread(), 1e-1, budget, d.thetaThreshold(), d.edgeMargin(),
                d.maxSubspaceSin(), d.maxRelativeError(), d.seed(), d.optimizer());
    }

    @Test
    void aGapTheBudgetDoesNotResolveIsReportedNamingIt() {
        double[] lambda = spectrum(300, 6, 5.4);
        // the first solve at 1e-1 takes 18 of these 28 HVPs; a tightening needs two per pair (18)
        MonitorResult r = new AlignmentMonitor(loose(28)).evaluate(diagonal(lambda), 0, 0.01);
        assertEquals(1e-1, r.eigen().tolerance(), "no tightening within the budget");
        assertTrue(r.eigen().subspaceSin() > 0.05);
        String detail = r.findings().stream().filter(x -> x.code() == FindingCode.UNRELIABLE_ESTIMATE).findFirst()
                .orElseThrow().message();
        assertTrue(detail.startsWith("eigengap: lambda_6 - lambda_7 = "), detail);
    }

    @Test
    void aKThatDoesNotFitTheParametersIsRefusedInOneLine() {
        IllegalArgumentException fixed = assertThrows(IllegalArgumentException.class,
                () -> new AlignmentMonitor(MonitorOptions.of(12, 8)).evaluate(diagonal(spectrum(12, 3, 1)), 0, 0.01));
        assertEquals("k: 12 does not fit the 12 parameters; allowed: an integer in [1, 11] (auto needs at least 32"
                + " parameters)", fixed.getMessage());
        IllegalArgumentException auto = assertThrows(IllegalArgumentException.class,
                () -> new AlignmentMonitor(MonitorOptions.of(MonitorOptions.AUTO_K, 8))
                        .evaluate(diagonal(spectrum(31, 3, 1)), 0, 0.01));
        assertEquals("k: auto does not fit the 31 parameters; allowed: an integer in [1, 30] (auto needs at least 32"
                + " parameters)", auto.getMessage());
    }
}
