package org.alignscope.quadlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.alignscope.quadratic.Projection;
import org.alignscope.quadratic.QuadraticRun;
import org.alignscope.quadratic.StepSchedule;
import org.alignscope.settings.SchemaReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quad commands' settings: their text forms become typed values, with derived defaults and one-line errors. */
class QuadSettingsTest {

    private static QuadSettings run(Map<String, String> options) {
        return QuadSettings.of(QuadSettings.RUN.parse(options, null));
    }

    private static String refused(Map<String, String> options) {
        return assertThrows(IllegalArgumentException.class, () -> run(options).runs()).getMessage();
    }

    @Test
    void textFormsBecomeTypedValuesForTheSimulation() {
        QuadSettings s = run(Map.of("schedule", "Step:100:0.5", "eta", "0.01", "step", "0.5, 0.25", "steps", "900",
                "m", "20", "d", "100", "k", "10"));
        QuadraticRun r = s.runs().get(0);
        StepSchedule sched = r.schedule();
        assertEquals(0.01, sched.eta(99));
        assertEquals(0.005, sched.eta(100));
        assertFalse(sched.isConstant());
        assertEquals(new Projection(0.5, 0.25), r.projection());
        assertEquals(20.1, r.spectrum().lambdaRatio(), 1e-9);
        assertEquals(300, s.get(QuadSettings.STEADY), "T/3 by default");
        assertEquals(Runtime.getRuntime().availableProcessors(), s.get(QuadSettings.THREADS));
        assertEquals(0.5, ScheduleForm.parse("cosine:10").at(1).eta(5), 1e-12);
        assertEquals(0.5, ScheduleForm.parse("inverse:4").at(1).eta(4), 1e-12);
        assertEquals(Projection.DSGD, QuadTypes.projection().parse("DSGD"));
    }

    @Test
    void theManifestRecordsTheResolvedSettings() {
        Map<String, Object> m = run(Map.of("schedule", "cosine:50", "step", "bsgd", "steps", "90")).describe();
        assertEquals("cosine:50", m.get("schedule"));
        assertEquals("bsgd", m.get("step"));
        assertEquals("authors", m.get("spectrum"));
        assertEquals("isotropic", m.get("noise"));
        assertEquals("gaussian", m.get("init"));
        assertEquals(500, m.get("d"));
        assertEquals(30, m.get("steady"));
        assertEquals("50", m.get("m"));
        assertEquals(List.of("5", "10", "20", "50", "100", "200", "300", "400", "500"),
                QuadSettings.sweep(Map.of()).describe().get("m"));
    }

    @Test
    void aSpectrumFileGivesTheDimension(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("eig.txt"), "10 9 8 1 0.5 0.25\n");
        QuadSettings s = run(Map.of("spectrum", "file:" + f, "k", "3", "steps", "30"));
        assertEquals(6, s.get(QuadSettings.D));
        assertEquals(6, s.runs().get(0).spectrum().dimension());
        assertEquals("--d: the spectrum file has 6 eigenvalues, --d says 7",
                refused(Map.of("spectrum", "file:" + f, "k", "3", "d", "7")));
        assertEquals("--k: 6 is out of range; allowed: [1, 5]", refused(Map.of("spectrum", "file:" + f, "k", "6")));
    }

    @Test
    void badFormsAreNamedByTheirOptionWithTheirOldWording() {
        assertEquals("--schedule: must be constant, step:EVERY:FACTOR, cosine:T or inverse:TAU with positive numbers"
                + " (got 'cosine:-5')", refused(Map.of("schedule", "cosine:-5")));
        assertEquals("--step: must be sgd, dsgd, bsgd or 'a,b' (weights of P^D and P^B), got 'sideways'",
                refused(Map.of("step", "sideways")));
        assertEquals("--spectrum: must be authors, two-level:DOM:BULK or file:PATH (got 'flat')",
                refused(Map.of("spectrum", "flat")));
        assertEquals("--noise: must be isotropic, diag:PATH or cov:PATH (got 'pink')", refused(Map.of("noise", "pink")));
        assertEquals("--init: must be gaussian or file:PATH (got 'zero')", refused(Map.of("init", "zero")));
        assertEquals("--m: must be > 1 (got 0.5)", refused(Map.of("m", "0.5")));
        assertEquals("--threads: 0 is out of range; allowed: >= 1", refused(Map.of("threads", "0")));
        assertEquals("--m: each value at most once (5.0 is given twice)", assertThrows(IllegalArgumentException.class,
                () -> QuadSettings.SWEEP.parse(Map.of("m", "5,5.0"), null)).getMessage());
        assertTrue(refused(Map.of("spectrum", "two-level:1:2", "d", "20", "k", "2", "steps", "10"))
                .startsWith("--spectrum: "), "the spectrum's own check names the option");
    }

    @Test
    void theReferenceNamesTheDerivedDefaults() {
        String md = SchemaReference.markdown(QuadSettings.RUN, 2);
        assertTrue(md.contains("| `--d` | integer >= 2 | 500, or the spectrum file's length |"), md);
        assertTrue(md.contains("| `--k` | integer in [1, d - 1] | 50 |"), md);
        assertTrue(md.contains("| `--steady` | integer in [1, steps] | T/3 | steps |"), md);
        assertTrue(md.contains("| `--threads` | integer >= 1 | the number of cores |"), md);
    }
}
