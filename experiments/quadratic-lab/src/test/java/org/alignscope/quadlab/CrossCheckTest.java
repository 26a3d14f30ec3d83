package org.alignscope.quadlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.alignscope.monitor.AlignmentMonitor;
import org.alignscope.monitor.BlockEstimate;
import org.alignscope.monitor.Estimate;
import org.alignscope.monitor.MonitorOptions;
import org.alignscope.monitor.MonitorResult;
import org.alignscope.monitor.QuadraticSource;
import org.alignscope.theory.AlignmentState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 6's cross-check as a test, and checks that the checker rejects wrong estimates. */
class CrossCheckTest {
    static final List<String> NAMES = List.of("s_D", "s_B", "theta", "tau_D", "tau_B", "u_D", "u_B", "e_D", "e_B",
            "nloss_D", "nloss_B", "eta_star", "eta_loss_dom", "eta_loss_bulk", "theta_crit");

    private static CrossCheck issueSettings() {
        QuadraticSource src = AuthorsQuadratic.source(200, 20, 10, 0.5, 1);
        AlignmentMonitor monitor = new AlignmentMonitor(MonitorOptions.of(20, 4000).withLanczosTolerance(1e-10));
        return CrossCheck.run(src, monitor, 0.003);
    }

    @Test
    void generalPathMatchesTheExactFormulasAtTheIssueSettings(@TempDir Path dir) throws Exception {
        CrossCheck cc = issueSettings();
        assertEquals(NAMES, cc.rows().stream().map(CrossCheck.Row::quantity).collect(Collectors.toList()));
        assertTrue(cc.passes(), () -> String.join("\n", cc.failures()));
        for (CrossCheck.Row r : cc.rows()) {
            if (r.noiseFree()) {
                assertTrue(r.relError() <= 1e-9, r.toString());
            } else {
                assertTrue(r.stdError() > 0, "noise term without a standard error: " + r);
                assertTrue(r.relError() <= 0.05 && Math.abs(r.estimated() - r.exact()) <= 4 * r.stdError() + 1e-9 * r.exact(),
                        r.toString());
            }
        }
        assertTrue(cc.result().eigen().maxRelativeResidual() < 1e-9);
        Path f = dir.resolve("crosscheck.csv");
        cc.write(f);
        List<String> lines = Files.readAllLines(f);
        assertEquals("quantity,exact,estimated,rel_error,std_error", lines.get(0));
        assertEquals(16, lines.size());
        assertFalse(lines.stream().anyMatch(l -> l.contains("NaN")));
    }

    @Test
    void checkerRejectsAWrongNoiseTerm() {
        CrossCheck cc = issueSettings();
        BlockEstimate e = cc.result().main();
        AlignmentState exact = AuthorsQuadratic.source(200, 20, 10, 0.5, 1).exactState(20);
        // 6 % too much dominant noise energy: outside 5 % and far outside 4 standard errors.
        BlockEstimate wrong = new BlockEstimate(e.k(), e.sD(), e.sB(), e.tauD(), e.tauB(), e.uD(), e.uB(),
                new Estimate(e.eD().value() * 1.06, e.eD().stdError(), e.eD().samples()), e.eB(), e.nLossD(),
                e.nLossB(), e.p(), e.q(),
                e.signCase(), e.etaStar(), e.thetaNext(), e.etaLossDom(), e.etaLossBulk(), e.thetaCrit(),
                e.oneMinusThetaCrit(), e.dlossDom(), e.dlossBulk(), e.dlossPred(), e.moments());
        assertFailsOnly(CrossCheck.compare(exact, wrong), Set.of("e_D"));
        // A noise-free term off by 1e-8 relative (e.g. a subspace two orders of magnitude less accurate) fails too.
        BlockEstimate offS = new BlockEstimate(e.k(), e.sD(), e.sB() * (1 + 1e-8), e.tauD(), e.tauB(), e.uD(), e.uB(),
                e.eD(), e.eB(), e.nLossD(), e.nLossB(), e.p(), e.q(), e.signCase(), e.etaStar(), e.thetaNext(),
                e.etaLossDom(), e.etaLossBulk(), e.thetaCrit(), e.oneMinusThetaCrit(), e.dlossDom(), e.dlossBulk(),
                e.dlossPred(), e.moments());
        assertFailsOnly(CrossCheck.compare(exact, offS), Set.of("s_B")); // theta moves by (1 - theta) 1e-8 only
    }

    @Test
    void checkerRejectsAMismatchedNoiseModel() {
        // The monitor sees noise of variance 1.1 sigma^2; the exact side assumes sigma^2: every noise term is 10 % off.
        QuadraticSource truth = AuthorsQuadratic.source(200, 20, 10, 0.5, 1);
        QuadraticSource biased = AuthorsQuadratic.source(200, 20, 10, 0.5 * Math.sqrt(1.1), 1);
        MonitorResult r = new AlignmentMonitor(MonitorOptions.of(20, 1000).withLanczosTolerance(1e-10))
                .evaluate(biased, 0, 0.003);
        List<CrossCheck.Row> rows = CrossCheck.compare(truth.exactState(20), r.main());
        Set<String> failed = rows.stream().filter(x -> !x.passes()).map(CrossCheck.Row::quantity).collect(Collectors.toSet());
        assertTrue(failed.containsAll(Set.of("e_D", "e_B", "nloss_D", "nloss_B")), failed.toString());
        assertTrue(rows.stream().filter(CrossCheck.Row::noiseFree).allMatch(CrossCheck.Row::passes));
    }

    private static void assertFailsOnly(List<CrossCheck.Row> rows, Set<String> expected) {
        Set<String> failed = rows.stream().filter(x -> !x.passes()).map(CrossCheck.Row::quantity).collect(Collectors.toSet());
        assertEquals(expected, failed);
    }

    @Test
    void rowRules() {
        assertTrue(new CrossCheck.Row("x", Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN, false).passes());
        assertFalse(new CrossCheck.Row("x", Double.POSITIVE_INFINITY, 3.0, 0.1, false).passes());
        assertTrue(new CrossCheck.Row("x", Double.NaN, Double.NaN, Double.NaN, false).passes());
        assertFalse(new CrossCheck.Row("x", 0.5, Double.NaN, Double.NaN, false).passes());
        // Within 5 % but more than four standard errors away: fails.
        assertFalse(new CrossCheck.Row("x", 1.0, 1.01, 0.001, false).passes());
        // Within four standard errors but more than 5 % away: fails.
        assertFalse(new CrossCheck.Row("x", 1.0, 1.06, 0.1, false).passes());
        assertTrue(new CrossCheck.Row("x", 1.0, 1.01, 0.005, false).passes());
    }
}
