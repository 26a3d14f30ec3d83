package org.alignscope.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alignscope.io.AtomicFile;

/**
 * {@code claims.json}: what {@code report.md} says about each claim, as data for the run folder's page — its
 * statement, verdict, instance counts, worst margin, counterexample (file, replay command, smallest violating
 * instance) and corrected statement with its own verdict. Margins are written unrounded (null where none was
 * computed); the page rounds them.
 */
final class ClaimsFile {
    /** The file's name in the output folder. */
    static final String NAME = "claims.json";

    private ClaimsFile() {
    }

    /** Writes {@code out/claims.json} atomically: {@code {"claims": [claim...]}} in the order of the entries. */
    static void write(Path out, List<VerifySuite.Entry> entries) {
        List<Map<String, Object>> claims = new ArrayList<>();
        for (VerifySuite.Entry e : entries) {
            claims.add(claim(e));
        }
        AtomicFile.write(out.resolve(NAME), o -> VerifySuite.JSON.writeValue(o, Map.of("claims", claims)));
    }

    private static Map<String, Object> claim(VerifySuite.Entry e) {
        ClaimResult r = e.result();
        Map<String, Object> c = verdict(r, e.checker());
        c.put("violated", r.violated());
        c.put("inconclusive", r.inconclusive());
        c.put("worst", r.worst() == null ? null : Report.describe(r.worst(), r.worstEval()));
        Map<String, Object> counter = null;
        if (r.status() == Status.VIOLATED) {
            counter = new LinkedHashMap<>();
            String file = "counterexamples/" + r.id() + ".json";
            counter.put("file", file);
            counter.put("replay", VerifySuite.replayCommand("DIR/" + file));
            counter.put("smallest", r.smallest() == null ? null : Report.describe(r.smallest(), r.smallestEval()));
        }
        c.put("counterexample", counter);
        c.put("corrected", e.corrected() == null ? null : verdict(e.corrected(), e.correctedChecker()));
        return c;
    }

    /** id, statement, status, instances and worst margin of one checked claim. */
    private static Map<String, Object> verdict(ClaimResult r, ClaimChecker checker) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", r.id());
        c.put("statement", checker.statement());
        c.put("status", r.status().word());
        c.put("instances", r.instances());
        c.put("worst_margin", Double.isFinite(r.worstMargin()) ? r.worstMargin() : null);
        return c;
    }
}
