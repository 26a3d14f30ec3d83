package org.alignscope.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alignscope.io.CsvWriter;
import org.alignscope.report.Heatmap;

/**
 * {@code summary.csv} (one row per cell: its grid values, status, final loss, final θ, regime fractions, λ₁, wall
 * seconds, message) and {@code plots/heatmap_<metric>.png} over the first two grid keys, each square the mean over
 * the other keys of the cells that completed, with how many of its cells diverged or failed.
 */
public final class SweepSummary {
    /** The summary's quantities, in the order of {@link Outcome#metrics()}. */
    public static final List<String> METRICS = List.of("final_loss", "final_theta", "frac_low", "frac_stable", "frac_high",
            "lambda_1");

    private SweepSummary() {
    }

    static void write(SweepConfig config, List<Sweep.CellResult> results, Path out) {
        List<String> keys = new ArrayList<>(config.grid().keySet());
        List<String> header = new ArrayList<>(List.of("cell"));
        header.addAll(keys);
        header.add("status");
        header.addAll(METRICS);
        header.add("wall_seconds");
        header.add("message");
        try (CsvWriter csv = new CsvWriter(out.resolve("summary.csv"), false, header.toArray(String[]::new))) {
            for (Sweep.CellResult r : results) {
                List<Object> row = new ArrayList<>(List.of(r.cell().id()));
                keys.forEach(k -> row.add(r.cell().values().get(k).asText()));
                row.add(r.outcome().status());
                for (double v : r.outcome().metrics()) {
                    row.add(v);
                }
                row.add(r.wallSeconds());
                row.add(r.outcome().message());
                csv.row(row.toArray());
            }
        }
        heatmaps(config, results, out);
    }

    /** {@code plots/heatmap_<metric>.png} for every metric that some cell has. */
    public static void heatmaps(SweepConfig config, List<Sweep.CellResult> results, Path out) {
        for (int m = 0; m < METRICS.size(); m++) {
            int metric = m;
            if (results.stream().anyMatch(r -> Double.isFinite(r.outcome().metrics()[metric]))) {
                heatmap(config, results, metric).save(out.resolve("plots").resolve("heatmap_" + METRICS.get(m) + ".png"));
            }
        }
    }

    /** The heat map of one metric: x the first grid key, y the second (one row when there is one key). */
    static Heatmap heatmap(SweepConfig config, List<Sweep.CellResult> results, int metric) {
        List<String> keys = new ArrayList<>(config.grid().keySet());
        List<String> xs = config.grid().get(keys.get(0)).stream().map(JsonNode::asText).toList();
        List<String> ys = keys.size() > 1 ? config.grid().get(keys.get(1)).stream().map(JsonNode::asText).toList() : List.of("");
        String title = METRICS.get(metric) + (keys.size() > 2 ? " (mean over " + String.join(", ", keys.subList(2, keys.size())) + ")" : "");
        Heatmap h = new Heatmap(title, keys.get(0), xs, keys.size() > 1 ? keys.get(1) : "", ys);
        if (metric == 0) {
            h.logColour();
        }
        for (int x = 0; x < xs.size(); x++) {
            for (int y = 0; y < ys.size(); y++) {
                double sum = 0;
                int n = 0;
                int cells = 0;
                int diverged = 0;
                int failed = 0;
                for (Sweep.CellResult r : results) {
                    if (!r.cell().values().get(keys.get(0)).asText().equals(xs.get(x))
                            || (keys.size() > 1 && !r.cell().values().get(keys.get(1)).asText().equals(ys.get(y)))) {
                        continue;
                    }
                    cells++;
                    diverged += r.outcome().status().equals(Outcome.DIVERGED) ? 1 : 0;
                    failed += r.outcome().status().equals(Outcome.FAILED) ? 1 : 0;
                    double v = r.outcome().metrics()[metric];
                    if (Double.isFinite(v)) {
                        sum += v;
                        n++;
                    }
                }
                h.cell(x, y, n > 0 ? sum / n : Double.NaN, note(cells, diverged, failed));
            }
        }
        return h;
    }

    /** "diverged", "2/3 diverged", "1/3 failed" or both; null when every cell completed. */
    static String note(int cells, int diverged, int failed) {
        List<String> parts = new ArrayList<>();
        if (diverged > 0) {
            parts.add(diverged == cells ? "diverged" : String.format(Locale.ROOT, "%d/%d diverged", diverged, cells));
        }
        if (failed > 0) {
            parts.add(failed == cells ? "failed" : String.format(Locale.ROOT, "%d/%d failed", failed, cells));
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }
}
