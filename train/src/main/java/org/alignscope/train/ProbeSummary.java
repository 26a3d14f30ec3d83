package org.alignscope.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.alignscope.io.CsvWriter;
import org.alignscope.monitor.ConfidenceInterval;
import org.alignscope.io.IoFailure;

/**
 * The run-level table of the probes ({@code probe-summary.csv}): per kind group — the θ-probes and the Theorem 10
 * probes ({@link ProbeRow#THETA_KINDS}, {@link ProbeRow#LOSS_KINDS}) — and per range — {@code near} η*
 * (|η/η* − 1| &lt; {@link ProbeRow#NEAR}) or {@code far} from it (which includes states without a finite positive
 * η*) — the hits, misses and unresolved rows ({@link ProbeRow#verdict}) and the hit rate among the resolved rows with
 * its 95 % Wilson interval. It is read back from the run folder's {@code probe.csv} files, with η* of each probed
 * state from the {@code monitor.csv} beside it, so a resumed run counts every row once; the base phase's rows,
 * repeated in every monitored arm's file, are counted once per seed.
 */
final class ProbeSummary {
    /** The file's name in the run folder. */
    static final String FILE = "probe-summary.csv";

    /** The columns of {@link #FILE}. */
    static final String[] COLUMNS = {"group", "range", "hits", "misses", "unresolved", "hit_rate", "ci_low",
        "ci_high"};

    /** The kind groups, in the table's order. */
    static final List<String> GROUPS = List.of("theta", "loss");

    /** The ranges, in the table's order. */
    static final List<String> RANGES = List.of("near", "far");

    /** One cell of the table. */
    record Cell(String group, String range, long hits, long misses, long unresolved) {
        ConfidenceInterval interval() {
            return ConfidenceInterval.wilson(hits, hits + misses);
        }

        /** hits/(hits + misses), NaN without resolved rows. */
        double rate() {
            return hits + misses == 0 ? Double.NaN : (double) hits / (hits + misses);
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
        List<Cell> cells = tally(cfg, out);
        try (CsvWriter w = new CsvWriter(out.resolve(FILE), false, COLUMNS)) {
            for (Cell c : cells) {
                ConfidenceInterval i = c.interval();
                w.row(c.group(), c.range(), c.hits(), c.misses(), c.unresolved(), c.rate(), i.lower(), i.upper());
            }
        }
        return line(cells);
    }

    /** The table of a run folder. */
    static List<Cell> tally(TrainConfig cfg, Path out) {
        long[][][] counts = new long[GROUPS.size()][RANGES.size()][3];
        for (long seed : cfg.seeds()) {
            Set<String> seen = new LinkedHashSet<>();
            for (TrainConfig.Arm a : cfg.arms()) {
                Path folder = out.resolve(a.name()).resolve("seed_" + seed);
                Path probes = folder.resolve(Trainer.PROBE + ".csv");
                if (!cfg.monitor().monitors(a.name()) || !Files.exists(probes)) {
                    continue;
                }
                Map<Long, Double> etaStar = etaStars(folder.resolve("monitor.csv"));
                List<String> lines = lines(probes);
                for (String line : lines.subList(1, lines.size())) {
                    if (!seen.add(line)) {
                        continue;
                    }
                    ProbeRow r = parse(line);
                    int g = ProbeRow.THETA_KINDS.contains(r.kind()) ? 0 : 1;
                    int range = r.near(etaStar.getOrDefault(r.step(), Double.NaN)) ? 0 : 1;
                    counts[g][range][r.verdict().ordinal()]++;
                }
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (int g = 0; g < GROUPS.size(); g++) {
            for (int r = 0; r < RANGES.size(); r++) {
                long[] c = counts[g][r];
                cells.add(new Cell(GROUPS.get(g), RANGES.get(r), c[ProbeRow.Verdict.HIT.ordinal()],
                        c[ProbeRow.Verdict.MISS.ordinal()], c[ProbeRow.Verdict.UNRESOLVED.ordinal()]));
            }
        }
        return cells;
    }

    /** The table as one line: per group and range, hits of resolved rows, the interval, and the unresolved. */
    static String line(List<Cell> cells) {
        StringBuilder b = new StringBuilder("probes (hits of resolved, 95 % Wilson):");
        for (Cell c : cells) {
            ConfidenceInterval i = c.interval();
            b.append(String.format(Locale.ROOT, " %s %s %d/%d [%.2f, %.2f], %d unresolved;", c.group(), c.range(),
                    c.hits(), c.hits() + c.misses(), i.lower(), i.upper(), c.unresolved()));
        }
        b.setLength(b.length() - 1);
        return b.toString();
    }

    /** η* of each evaluated step of a monitor file (NaN where the row has none). */
    private static Map<Long, Double> etaStars(Path monitor) {
        Map<Long, Double> m = new HashMap<>();
        if (!Files.exists(monitor)) {
            return m;
        }
        try {
            Map<String, double[]> c = TrainExperiment.readCsv(monitor);
            double[] step = c.get("step");
            double[] es = c.get("eta_star");
            for (int i = 0; i < step.length; i++) {
                m.put((long) step[i], es[i]);
            }
        } catch (IOException e) {
            throw IoFailure.of("read", monitor, e);
        }
        return m;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw IoFailure.of("read", file, e);
        }
    }

    /** A {@code probe.csv} line ({@link ProbeRow#COLUMNS}) read back. */
    static ProbeRow parse(String line) {
        String[] f = line.split(",", -1);
        return new ProbeRow(Long.parseLong(f[0]), f[1], number(f[2]), number(f[3]), number(f[4]), number(f[5]));
    }

    private static double number(String s) {
        switch (s) {
            case "": return Double.NaN;
            case "inf": return Double.POSITIVE_INFINITY;
            case "-inf": return Double.NEGATIVE_INFINITY;
            default: return Double.parseDouble(s);
        }
    }
}
