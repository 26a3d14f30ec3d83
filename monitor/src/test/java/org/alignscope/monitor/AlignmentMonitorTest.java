package org.alignscope.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.alignscope.quadratic.Spectrum;
import org.alignscope.theory.SignCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlignmentMonitorTest {
    private static double[] identity(int d) {
        double[] q = new double[d * d];
        for (int i = 0; i < d; i++) {
            q[i * d + i] = 1;
        }
        return q;
    }

    private static List<FindingCode> codes(MonitorResult r) {
        return r.findings().stream().map(Finding::code).collect(Collectors.toList());
    }

    private static MonitorResult authors(double eta, MonitorOptions o) {
        return new AlignmentMonitor(o).evaluate(AuthorsQuadratic.source(200, 20, 10, 0.5, 1), 0, eta);
    }

    @Test
    void findingsOnTheAuthorsQuadratic() {
        MonitorOptions o = MonitorOptions.of(20, 200);
        // theta = 0.984, eta* = 0.0205, eta^loss_D = 0.0218, eta^loss_B = 0.350, lambda_1 = 100.
        MonitorResult small = authors(0.003, o);
        assertEquals(List.of(FindingCode.ALIGNMENT_FALLING), codes(small), small.findings().toString());
        assertEquals("stable", small.regime(), "Sigma is known: the paper's regime (p > 0, so not high)");

        MonitorResult large = authors(0.05, o);
        assertEquals(List.of(FindingCode.ALIGNMENT_RISING, FindingCode.SUSPICIOUS_ALIGNMENT,
                FindingCode.EDGE_OF_STABILITY), codes(large), large.findings().toString());
        assertEquals("alignment-rising;suspicious-alignment;edge-of-stability", large.findingCodes());
        String advice = large.findings().get(1).message();
        assertTrue(advice.contains("a step below 0.02184"), advice);
        assertTrue(large.findings().get(2).message().contains("a step below 0.02000"), large.findings().get(2).message());

        // The threshold is configurable.
        assertFalse(authors(0.05, o.withThetaThreshold(0.99)).has(FindingCode.SUSPICIOUS_ALIGNMENT));
    }

    @Test
    void optimizerAwareness() {
        MonitorOptions o = MonitorOptions.of(20, 50);
        MonitorResult hb = authors(0.003, o.withOptimizer(OptimizerProfile.heavyBall(0.9)));
        assertEquals(List.of(FindingCode.THEORY_NA), codes(hb));
        assertTrue(Double.isNaN(hb.main().dlossPred().value()), "no predicted loss change without a theory");
        assertEquals(3.8, hb.stabilityThreshold(), 1e-15);
        assertTrue(authors(0.036, o.withOptimizer(OptimizerProfile.heavyBall(0.9))).has(FindingCode.EDGE_OF_STABILITY));
        assertFalse(authors(0.03, o.withOptimizer(OptimizerProfile.heavyBall(0.9))).has(FindingCode.EDGE_OF_STABILITY));

        MonitorResult eff = authors(0.0003, o.withOptimizer(OptimizerProfile.heavyBall(0.9).withEffectiveStep()));
        assertEquals(0.003, eff.etaEffective(), 1e-15);
        assertEquals(List.of(FindingCode.ALIGNMENT_FALLING), codes(eff));

        double[] diag = new double[200];
        Arrays.fill(diag, 4.0);
        MonitorResult adam = authors(1.5, o.withOptimizer(OptimizerProfile.adam(0.9, () -> diag)));
        assertEquals(25.0, adam.sharpness(), 1e-6, "lambda_1(P^-1 H) = 100/4");
        assertEquals(List.of(FindingCode.EDGE_OF_STABILITY, FindingCode.THEORY_NA).stream().sorted().toList(),
                codes(adam).stream().sorted().toList());
        assertTrue(Double.isNaN(authors(1.5, o.withOptimizer(OptimizerProfile.adam(0.9, null))).sharpness()));
    }

    @Test
    void selfCorrectingWhenTheBulkGradientIsTiny() {
        int d = 60;
        Spectrum sp = Spectrum.authors(d, 6, 10);
        double[] c = new double[d];
        for (int i = 0; i < d; i++) {
            c[i] = i < 6 ? 1 : 1e-4;
        }
        double[] ks = new double[d];
        Arrays.fill(ks, 1.0);
        MonitorResult r = new AlignmentMonitor(MonitorOptions.of(6, 100))
                .evaluate(QuadraticSource.of(sp.lambda(), ks, identity(d), c, 3), 0, 0.001);
        assertEquals(SignCase.FALLS_FOR_ALL, r.main().signCase());
        assertEquals(Double.POSITIVE_INFINITY, r.main().etaStar().value());
        assertTrue(r.has(FindingCode.SELF_CORRECTING), r.findings().toString());
    }

    @Test
    void degenerateCasesAreValuesNotNaN(@TempDir Path dir) throws Exception {
        // Indefinite curvature: the bulk has negative eigenvalues, so tau^B + n^loss_B < 0.
        int d = 12;
        double[] lambda = {10, 9, 8, -1, -1.5, -2, -2.5, -3, -3.5, -4, -4.5, -5};
        double[] ks = new double[d];
        Arrays.fill(ks, 0.25);
        double[] c = new double[d];
        Arrays.fill(c, 1.0);
        MonitorResult r = new AlignmentMonitor(MonitorOptions.of(3, 50))
                .evaluate(QuadraticSource.of(lambda, ks, identity(d), c, 1), 0, 0.01);
        assertEquals(Double.POSITIVE_INFINITY, r.main().etaLossBulk().value(), "every bulk step lowers the loss");
        assertTrue(Double.isNaN(r.main().thetaCrit().value()), "n^loss_B <= 0: no theta^crit");
        assertNull(r.known(), "no Landscape for an indefinite Hessian: the regime is the sign case");
        assertEquals(r.main().signCase().code(), r.regime());

        // No noise: e = n^loss = 0, so no theta^crit and standard errors 0.
        MonitorResult quiet = new AlignmentMonitor(MonitorOptions.of(20, 4))
                .evaluate(AuthorsQuadratic.source(200, 20, 10, 0, 1), 0, 0.003);
        assertEquals(0.0, quiet.main().eD().value());
        assertEquals(0.0, quiet.main().etaLossDom().stdError());
        assertTrue(Double.isNaN(quiet.main().thetaCrit().value()));

        Path f = dir.resolve("m.csv");
        try (MonitorCsv csv = new MonitorCsv(f)) {
            csv.write(new MonitorRow(r, -0.5));
            csv.write(new MonitorRow(quiet, Double.NaN));
        }
        List<String> lines = Files.readAllLines(f);
        assertTrue(lines.get(0).startsWith("step,theta,chi,eta,eta_star,eta_loss_dom,eta_loss_bulk,theta_crit,regime,"
                + "lambda_1,eta_lambda1,dloss_pred,dloss_real,findings,"));
        assertTrue(lines.get(1).contains(",inf,"), lines.get(1));
        assertFalse(String.join("\n", lines).contains("NaN"));
    }

    @Test
    void sensitivityToKAndTheEigengap() {
        // eigenvalues to 1e-10 relative residual: the ratio below is checked to 1e-9
        MonitorResult r = authors(0.003, MonitorOptions.of(20, 100).withLanczosTolerance(1e-10));
        assertEquals(List.of(18, 19, 20, 21, 22), r.sensitivity().stream().map(BlockEstimate::k).toList());
        assertEquals(23, r.eigen().values().length, "k + 2 pairs and one more for the last gap");
        double[] t = r.sensitivity().stream().mapToDouble(BlockEstimate::theta).toArray();
        for (int i = 1; i < t.length; i++) {
            assertTrue(t[i] > t[i - 1], "theta grows with k: " + Arrays.toString(t));
        }
        // The authors' spectrum has its gap (ratio m + 0.1) at k = 20.
        double[] lam = r.eigen().values();
        assertEquals(10.1, lam[19] / lam[20], 1e-9);
        assertTrue(r.main().theta() == r.sensitivity().get(2).theta());
    }

    @Test
    void trainingMonitorWritesRowsAndRealisedLossMatchesOnANoiseFreeQuadratic(@TempDir Path dir) throws Exception {
        QuadraticSource src = AuthorsQuadratic.source(100, 10, 10, 0.0, 2);
        Path csv = dir.resolve("monitor.csv");
        double eta = 0.005;
        double[] g = new double[100];
        try (TrainingMonitor tm = new TrainingMonitor(src, MonitorOptions.of(10, 2), MonitorSchedule.every(5), csv)) {
            for (long t = 0; t < 20; t++) {
                tm.beforeStep(t, eta);
                src.gradient(g);
                double[] x = src.state();
                for (int i = 0; i < x.length; i++) {
                    x[i] -= eta * g[i];
                }
                tm.afterStep(t);
                if (t % 5 == 0) {
                    MonitorRow row = tm.last();
                    assertEquals(t, row.result().step());
                    double pred = row.result().main().dlossPred().value();
                    assertEquals(pred, row.dlossReal(), 1e-9 * Math.abs(pred), "a noise-free quadratic is exact");
                }
            }
        }
        List<String> lines = Files.readAllLines(csv);
        assertEquals(5, lines.size());
        assertEquals(MonitorCsv.HEADER.length, lines.get(1).split(",", -1).length);
    }

    @Test
    void warmStartReusesThePreviousEigenvectors() {
        QuadraticSource src = AuthorsQuadratic.source(200, 20, 10, 0.5, 1);
        AlignmentMonitor m = new AlignmentMonitor(MonitorOptions.of(20, 10));
        int cold = m.evaluate(src, 0, 0.003).eigen().applications();
        int warm = m.evaluate(src, 1, 0.003).eigen().applications();
        System.out.println("eigen-solve HVPs: cold " + cold + ", warm " + warm);
        assertTrue(warm <= cold, "cold " + cold + ", warm " + warm);
    }

    @Test
    void aNonFiniteStateIsOneDocumentedFinding() {
        Finding f = Finding.notEvaluated(0.01, "gradient is not finite");
        assertEquals(FindingCode.NOT_EVALUATED, f.code());
        assertEquals("not-evaluated", f.code().code());
        assertTrue(f.toString().startsWith("not-evaluated: "), f.toString());
        assertTrue(f.message().contains("gradient is not finite") && f.message().contains("eta = 0.01000"), f.message());
    }

    @Test
    void aWarmStartFromPerturbedEigenvectorsGivesTheColdResultsWithFewerProducts() {
        MonitorOptions o = MonitorOptions.of(20, 10).withLanczosTolerance(1e-5);
        MonitorResult cold = new AlignmentMonitor(o).evaluate(AuthorsQuadratic.source(200, 20, 10, 0.5, 1), 0, 0.003);
        // previous eigenvectors: the exact ones moved by a random 1e-5 perturbation each (a point nearby; the
        // perturbation is of the tolerance's size: well below it the Rayleigh-Ritz step alone certifies the pairs,
        // far above it the block expansion can cost more than a cold Lanczos run)
        AlignmentMonitor exact = new AlignmentMonitor(o.withLanczosTolerance(1e-12));
        exact.evaluate(AuthorsQuadratic.source(200, 20, 10, 0.5, 1), 0, 0.003);
        double[][] start = exact.eigenvectors();
        org.alignscope.linalg.random.RandomStream r = org.alignscope.linalg.random.RandomStream.of(5, 5);
        for (double[] v : start) {
            for (int i = 0; i < v.length; i++) {
                v[i] += 1e-5 * r.nextGaussian();
            }
        }
        AlignmentMonitor m = new AlignmentMonitor(o);
        m.warmStart(start);
        MonitorResult warm = m.evaluate(AuthorsQuadratic.source(200, 20, 10, 0.5, 1), 0, 0.003);
        System.out.println("HVPs: cold " + cold.eigen().applications() + ", warm " + warm.eigen().applications());
        assertTrue(warm.eigen().applications() < cold.eigen().applications());
        for (boolean c : warm.eigen().converged()) {
            assertTrue(c, "every warm pair is certified by its residual");
        }
        for (int i = 0; i < cold.sensitivity().size(); i++) {
            BlockEstimate a = cold.sensitivity().get(i);
            BlockEstimate b = warm.sensitivity().get(i);
            assertEquals(a.theta(), b.theta(), 1e-6, "theta k=" + a.k());
            assertEquals(a.etaStar().value(), b.etaStar().value(), 1e-4 * a.etaStar().value(), "eta* k=" + a.k());
            assertEquals(a.etaLossDom().value(), b.etaLossDom().value(), 1e-4 * a.etaLossDom().value());
            assertEquals(a.etaLossBulk().value(), b.etaLossBulk().value(), 1e-4 * a.etaLossBulk().value());
            assertEquals(a.dlossPred().value(), b.dlossPred().value(), 1e-9 * Math.abs(a.dlossPred().value()));
        }
        assertEquals(cold.findingCodes(), warm.findingCodes());
    }
}
