package org.alignscope.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.alignscope.io.CsvTable;
import org.alignscope.io.CsvWriter;
import org.alignscope.monitor.ConfidenceInterval;

/**
 * The run-level table of the probes ({@code probe-summary.csv}): per kind group ({@link ProbeRow#group}: the
 * θ-probes, the Theorem 10 probes of the projected steps, the plain step's loss probe) and per range — {@code near}
 * η* (|η/η* − 1| &lt; {@link ProbeRow#NEAR}) or {@code far} from it (which includes states without a finite
 * positive η*) — the hits, misses and unresolved rows ({@link ProbeRow#outcome}) and the hit rate among the resolved
 * rows with its 95 % Wilson interval. It is read back from the run folder's {@code probe.csv} files, with η* of each
 * probed state from the {@code monitor.csv} beside it, so a resumed run counts every row once; the base phase's
 * rows, repeated in every monitored arm's file, are counted once per seed.
 */
public final class ProbeSummary {
    /** The file's name in the run folder. */
    public static final String FILE = "probe-summary.csv";

    /** The columns of {@link #FILE}. */
    static final String[] COLUMNS = {"group", "range", "hits", "misses", "unresolved", "hit_rate", "ci_low",
        "ci_high", "z_beyond_2"};

    /** The kind groups, in the table's order. */
    static final List<String> GROUPS = List.of("theta", "loss", "step");

    /** The ranges, in the table's order. */
    static final List<String> RANGES = List.of("near", "far");

    /**
     * One cell of the table.
     *
     * @param group     the kind group
     * @param range     near or far
     * @param count     the rows' outcomes
     * @param zBeyond2  the rows with |z| &gt; 2 (about 5 % where the standard errors are right)
     */
    public record Cell(String group, String range, HitCount count, long zBeyond2) {
        /** This cell with one more row. */
        Cell plus(ProbeRow r) {
            return new Cell(group, range, count.plus(r.outcome()), zBeyond2 + (Math.abs(r.z()) > 2 ? 1 : 0));
        }
    }

    private ProbeSummary() {
    }

    /**
     * Writes {@code out/probe-summary.csv} from the probe files of a run with {@code monitor.probe_steps} ≥ 2 and
     * returns the table as one progress line; without probes writes nothing and returns null.
     */
    static String write(TrainConfig cfg, Path out) {
        if (cfg.monitor() == null || cfg.monitor().probeSteps() == 0) {
            return null;
        }
        List<Cell> cells = tally(VerdictHits.monitorFiles(cfg, out));
        write(cells, out.resolve(FILE));
        return line(cells);
    }

    /** Writes the table {@code cells} to {@code file}. */
    static void write(List<Cell> cells, Path file) {
        try (CsvWriter w = new CsvWriter(file, false, COLUMNS)) {
            for (Cell c : cells) {
                HitCount n = c.count();
                ConfidenceInterval i = n.interval();
                w.row(c.group(), c.range(), n.hits(), n.misses(), n.unresolved(), n.rate(), i.lower(), i.upper(),
                        c.zBeyond2());
            }
        }
    }

    /**
     * The table over {@code monitorFiles} ({@code RUN/ARM/seed_N/monitor.csv}), each with the {@code probe.csv}
     * beside it where the trajectory was probed; a probe row repeated in the files of one run's seed counts once.
     */
    static List<Cell> tally(List<Path> monitorFiles) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (String g : GROUPS) {
            for (String r : RANGES) {
                cells.put(g + " " + r, new Cell(g, r, HitCount.NONE, 0));
            }
        }
        Set<String> seen = new HashSet<>();
        for (Path monitor : monitorFiles) {
            Path probes = monitor.resolveSibling(Trainer.PROBE + ".csv");
            if (!Files.exists(probes)) {
                continue;
            }
            Map<Long, Double> etaStar = etaStars(monitor);
            for (ProbeRow r : read(probes)) {
                if (seen.add(VerdictHits.seedOf(monitor) + "/" + r)) {
                    String range = r.near(etaStar.getOrDefault(r.step(), Double.NaN)) ? "near" : "far";
                    cells.computeIfPresent(r.group() + " " + range, (key, c) -> c.plus(r));
                }
            }
        }
        return new ArrayList<>(cells.values());
    }

    /** The table as one line: per group and range, hits of resolved, the interval, and the unresolved. */
    static String line(List<Cell> cells) {
        StringBuilder b = new StringBuilder("probes (hits of resolved, 95 % Wilson):");
        for (Cell c : cells) {
            HitCount n = c.count();
            ConfidenceInterval i = n.interval();
            b.append(String.format(Locale.ROOT, " %s %s %d/%d [%.2f, %.2f], %d unresolved, |z| > 2 in %d;", c.group(),
                    c.range(), n.hits(), n.hits() + n.misses(), i.lower(), i.upper(), n.unresolved(), c.zBeyond2()));
        }
        b.setLength(b.length() - 1);
        return b.toString();
    }

    /** η* of each evaluated step of a monitor file (NaN where the row has none). */
    private static Map<Long, Double> etaStars(Path monitor) {
        Map<Long, Double> m = new HashMap<>();
        if (Files.exists(monitor)) {
            CsvTable t = CsvTable.read(monitor);
            for (int i = 0; i < t.rows().size(); i++) {
                m.put((long) t.number(i, "step"), t.number(i, "eta_star"));
            }
        }
        return m;
    }

    /** The rows of a {@code probe.csv} file ({@link ProbeRow#COLUMNS}). */
    static List<ProbeRow> read(Path file) {
        CsvTable t = CsvTable.read(file);
        List<ProbeRow> rows = new ArrayList<>();
        for (int i = 0; i < t.rows().size(); i++) {
            rows.add(new ProbeRow((long) t.number(i, "step"), t.text(i, "kind"), t.number(i, "eta"),
                    t.number(i, "predicted"), t.number(i, "realised_mean"), t.number(i, "realised_se")));
        }
        return rows;
    }
}
