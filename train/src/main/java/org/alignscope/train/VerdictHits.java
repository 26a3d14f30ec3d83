package org.alignscope.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.alignscope.io.CsvTable;
import org.alignscope.io.CsvWriter;
import org.alignscope.monitor.ConfidenceInterval;
import org.alignscope.monitor.Verdict;
import org.alignscope.monitor.VerdictRule;
import org.alignscope.monitor.VerdictTracker;

/**
 * How often each verdict the monitor printed was right about what training did next ({@code verdict-hits.csv}).
 * Each verdict makes a claim, and each claim has its test at the state the verdict was given:
 * <ul>
 *   <li>{@code healthy} — the run's next step lowers the loss in expectation: the {@code loss@eta} probe's mean
 *       ΔL over R replicate steps is below 0 (a hit) or above 0 (a miss), resolved at 2 SE;</li>
 *   <li>{@code suspicious-alignment} — dominant steps raise the loss while bulk steps lower it: the {@code dom}
 *       probe's mean ΔL above 0 and the {@code bulk} probe's below 0, both resolved (a hit), either resolved the
 *       other way (a miss);</li>
 *   <li>{@code edge-of-stability} — steps overshoot along the top directions: the {@code dom} probe's mean ΔL
 *       above 0 (a hit) or below 0 (a miss), resolved;</li>
 *   <li>{@code stalled} — the stall goes on: the reference loss falls by less than
 *       {@link VerdictRule#STALL_FALL} of its value again by the next evaluation (a hit) or by more (a miss);</li>
 *   <li>{@code undetermined} claims nothing and is only counted.</li>
 * </ul>
 * A verdict without its probe ({@code monitor.probe_steps: 0}) or, for {@code stalled}, without a next evaluation is
 * untested. Two tables: the verdicts {@code shown} (the {@code verdict} column, after the two-evaluation hysteresis)
 * and each {@code evaluation}'s own verdict (its rule's, read back from {@code verdict_reason}). The rows are read back from the {@code monitor.csv} and {@code probe.csv} files, so any set of run
 * folders can be tallied together; the base phase's rows, repeated in every monitored arm's file of a seed, count
 * once.
 */
public final class VerdictHits {
    /** The file's name in the run folder. */
    public static final String FILE = "verdict-hits.csv";

    /** The columns of {@link #FILE}. */
    static final String[] COLUMNS = {"basis", "verdict", "evaluations", "hits", "misses", "unresolved", "untested",
        "hit_rate", "ci_low", "ci_high"};

    private VerdictHits() {
    }

    /** The two bases: the verdict shown, and each evaluation's own. */
    public static final List<String> BASES = List.of("shown", "evaluation");

    /**
     * Both tables over {@code monitorFiles} ({@code RUN/ARM/seed_N/monitor.csv}, each with its {@code probe.csv}
     * beside it where the run probed), by basis ({@link #BASES}): per verdict — shown, or the evaluation's own — its
     * evaluations and the outcomes of its claim.
     */
    public static Map<String, Map<Verdict, HitCount>> tally(List<Path> monitorFiles) {
        Map<Verdict, HitCount> shown = new EnumMap<>(Verdict.class);
        Map<Verdict, HitCount> own = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            shown.put(v, HitCount.NONE);
            own.put(v, HitCount.NONE);
        }
        Set<String> seen = new HashSet<>();
        for (Path file : monitorFiles) {
            Map<String, ProbeRow> probes = probes(file.resolveSibling(Trainer.PROBE + ".csv"));
            CsvTable t = CsvTable.read(file);
            for (int i = 0; i < t.rows().size(); i++) {
                String verdict = t.text(i, "verdict");
                if (verdict.isEmpty() || !seen.add(seedOf(file) + "/" + String.join(",", t.rows().get(i)))) {
                    continue;
                }
                Verdict v = Verdict.of(verdict);
                Verdict w = VerdictTracker.Call.ruleOf(v, t.text(i, "verdict_reason"));
                String step = t.text(i, "step");
                double loss = t.number(i, "loss");
                double next = i + 1 < t.rows().size() ? t.number(i + 1, "loss") : Double.NaN;
                shown.compute(v, (key, c) -> c.plus(outcome(v, probes, step, loss, next)));
                own.compute(w, (key, c) -> c.plus(outcome(w, probes, step, loss, next)));
            }
        }
        Map<String, Map<Verdict, HitCount>> m = new LinkedHashMap<>();
        m.put(BASES.get(0), shown);
        m.put(BASES.get(1), own);
        return m;
    }

    /** The run folder and seed of {@code RUN/ARM/seed_N/monitor.csv}: "RUN/seed_N". */
    static String seedOf(Path monitorFile) {
        Path seedFolder = monitorFile.toAbsolutePath().getParent();
        return seedFolder.getParent().getParent() + "/" + seedFolder.getFileName();
    }

    /** The outcome of verdict {@code v}'s claim at {@code step} (class comment). */
    static Outcome outcome(Verdict v, Map<String, ProbeRow> probes, String step, double loss, double nextLoss) {
        return switch (v) {
            case HEALTHY -> sign(probes.get(step + "/loss@eta"), -1);
            case EDGE_OF_STABILITY -> sign(probes.get(step + "/dom"), 1);
            case SUSPICIOUS_ALIGNMENT -> both(sign(probes.get(step + "/dom"), 1), sign(probes.get(step + "/bulk"), -1));
            case STALLED -> Double.isNaN(nextLoss) ? Outcome.UNTESTED
                    : (loss - nextLoss) / Math.abs(loss) < VerdictRule.STALL_FALL ? Outcome.HIT : Outcome.MISS;
            case UNDETERMINED -> Outcome.UNTESTED;
        };
    }

    /** The sign test of a probe's realised mean against {@code sign}; untested without the probe. */
    private static Outcome sign(ProbeRow probe, double sign) {
        return probe == null ? Outcome.UNTESTED : Outcome.ofSign(probe.realisedMean(), probe.realisedSe(), sign);
    }

    /** Two claims that must both hold: a miss if either missed, a hit if both hit. */
    private static Outcome both(Outcome a, Outcome b) {
        if (a == Outcome.MISS || b == Outcome.MISS) {
            return Outcome.MISS;
        }
        if (a == Outcome.UNTESTED || b == Outcome.UNTESTED) {
            return Outcome.UNTESTED;
        }
        return a == Outcome.HIT && b == Outcome.HIT ? Outcome.HIT : Outcome.UNRESOLVED;
    }

    /** The probe rows of a file by "step/kind"; none where the file does not exist. */
    private static Map<String, ProbeRow> probes(Path file) {
        Map<String, ProbeRow> m = new HashMap<>();
        if (Files.exists(file)) {
            for (ProbeRow r : ProbeSummary.read(file)) {
                m.put(r.step() + "/" + r.kind(), r);
            }
        }
        return m;
    }

    /**
     * Writes {@code out/verdict-hits.csv} for the monitored trajectories of a run and returns the table as one
     * progress line; without a {@code monitor:} section writes nothing and returns null.
     */
    static String write(TrainConfig cfg, Path out) {
        if (cfg.monitor() == null) {
            return null;
        }
        Map<String, Map<Verdict, HitCount>> counts = tally(monitorFiles(cfg, out));
        write(counts, out.resolve(FILE));
        return line(counts);
    }

    /** The {@code monitor.csv} files of a run's monitored trajectories, seed by seed. */
    static List<Path> monitorFiles(TrainConfig cfg, Path out) {
        List<Path> files = new ArrayList<>();
        for (long seed : cfg.seeds()) {
            for (TrainConfig.Arm a : cfg.arms()) {
                Path f = out.resolve(a.name()).resolve("seed_" + seed).resolve("monitor.csv");
                if (cfg.monitor().monitors(a.name()) && Files.exists(f)) {
                    files.add(f);
                }
            }
        }
        return files;
    }

    /** Writes the tables of {@code counts} (by basis) to {@code file}. */
    public static void write(Map<String, Map<Verdict, HitCount>> counts, Path file) {
        try (CsvWriter w = new CsvWriter(file, false, COLUMNS)) {
            counts.forEach((basis, table) -> table.forEach((v, c) -> {
                ConfidenceInterval i = c.interval();
                w.row(basis, v.code(), c.hits() + c.misses() + c.unresolved() + c.untested(), c.hits(), c.misses(),
                        c.unresolved(), c.untested(), c.rate(), i.lower(), i.upper());
            }));
        }
    }

    /** The tables as one line: per basis and verdict that occurred, hits of resolved with the interval. */
    public static String line(Map<String, Map<Verdict, HitCount>> counts) {
        StringBuilder b = new StringBuilder("verdicts right (hits of resolved, 95 % Wilson):");
        counts.forEach((basis, table) -> {
            b.append(' ').append(basis).append(':');
            append(b, table);
        });
        b.setLength(b.length() - 1);
        return b.toString();
    }

    private static void append(StringBuilder b, Map<Verdict, HitCount> counts) {
        int start = b.length();
        counts.forEach((v, c) -> {
            long n = c.hits() + c.misses() + c.unresolved() + c.untested();
            if (n > 0 && v != Verdict.UNDETERMINED) {
                ConfidenceInterval i = c.interval();
                b.append(String.format(Locale.ROOT, " %s %d/%d [%.2f, %.2f] of %d;", v.code(), c.hits(),
                        c.hits() + c.misses(), i.lower(), i.upper(), n));
            }
        });
        if (b.length() == start) {
            b.append(" none but undetermined;");
        }
    }
}
