package org.alignscope.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alignscope.io.AtomicFile;
import org.alignscope.io.CsvTable;
import org.alignscope.io.CsvWriter;
import org.alignscope.monitor.Verdict;
import org.alignscope.monitor.VerdictSummary;
import org.alignscope.monitor.VerdictTracker;

/**
 * The run-level summary of the monitor's verdicts ({@link VerdictSummary}) for every monitored trajectory of a run
 * folder and for all of them together, read from the {@code monitor.csv} files (so that a resumed run summarises every
 * row it wrote) and written to {@code verdicts.txt} and {@code verdicts.csv} in the run folder.
 */
public final class VerdictReport {
    /** The text file in the run folder. */
    public static final String FILE = "verdicts.txt";
    /** The same as a table (one row per trajectory, then the run), which the report page shows. */
    public static final String TABLE = "verdicts.csv";

    private VerdictReport() {
    }

    /** Writes {@link #FILE} and {@link #TABLE} and returns the text's lines; none without a {@code monitor:} section. */
    public static List<String> write(TrainConfig cfg, Path out) {
        if (cfg.monitor() == null) {
            return List.of();
        }
        List<Verdict> all = new ArrayList<>();
        List<Verdict> allOwn = new ArrayList<>();
        List<Double> allRatios = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        List<VerdictSummary> summaries = new ArrayList<>();
        for (TrainConfig.Arm a : cfg.arms()) {
            for (long seed : cfg.seeds()) {
                Path f = out.resolve(a.name()).resolve("seed_" + seed).resolve("monitor.csv");
                if (!cfg.monitor().monitors(a.name()) || !Files.exists(f)) {
                    continue;
                }
                List<Verdict> verdicts = new ArrayList<>();
                List<Verdict> own = new ArrayList<>();
                List<Double> ratios = new ArrayList<>();
                read(f, verdicts, own, ratios);
                all.addAll(verdicts);
                allOwn.addAll(own);
                allRatios.addAll(ratios);
                summaries.add(VerdictSummary.of(a.name() + " seed " + seed, verdicts, own, array(ratios)));
                lines.addAll(summaries.get(summaries.size() - 1).lines());
            }
        }
        VerdictSummary run = VerdictSummary.of("run", all, allOwn, array(allRatios));
        summaries.add(run);
        lines.addAll(0, run.lines());
        AtomicFile.writeString(out.resolve(FILE), String.join("\n", lines) + "\n");
        table(out.resolve(TABLE), summaries);
        return lines;
    }

    private static void table(Path file, List<VerdictSummary> summaries) {
        List<String> head = new ArrayList<>(List.of("trajectory", "evaluations"));
        for (Verdict v : Verdict.values()) {
            head.add(v.code());
        }
        head.addAll(List.of("median_eta_over_eta_star", "suggests"));
        try (CsvWriter w = new CsvWriter(file, false, head.toArray(String[]::new))) {
            for (VerdictSummary s : summaries) {
                List<Object> row = new ArrayList<>(List.of(s.name(), (long) s.evaluations()));
                for (Verdict v : Verdict.values()) {
                    row.add(s.evaluations() == 0 ? Double.NaN : (double) s.counts().get(v) / s.evaluations());
                }
                row.add(s.medianEtaOverEtaStar());
                row.add(s.suggestion());
                w.row(row.toArray());
            }
        }
    }

    /**
     * The verdict shown, the evaluation's own and eta_over_eta_star of every evaluated row (a not-evaluated row has
     * no verdict).
     */
    private static void read(Path csv, List<Verdict> verdicts, List<Verdict> own, List<Double> ratios) {
        CsvTable t = CsvTable.read(csv);
        for (int i = 0; i < t.rows().size(); i++) {
            if (!t.text(i, "verdict").isEmpty()) {
                Verdict shown = Verdict.of(t.text(i, "verdict"));
                verdicts.add(shown);
                own.add(VerdictTracker.Call.ruleOf(shown, t.text(i, "verdict_reason")));
                ratios.add(t.number(i, "eta_over_eta_star"));
            }
        }
    }

    private static double[] array(List<Double> x) {
        return x.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
