package org.alignscope.report.html;

import java.nio.file.Path;
import org.alignscope.io.CsvWriter;
import org.alignscope.report.Manifest;

/** A small train-like run folder: a manifest, two arms' metrics (with inf and empty fields) and one monitor file. */
final class RunFolderFixture {
    private RunFolderFixture() {
    }

    static void write(Path dir) {
        new Manifest("alignscope test").setting("precision", "f64").write(dir);
        for (String arm : new String[] {"plain", "dom"}) {
            try (CsvWriter w = new CsvWriter(dir.resolve(arm).resolve("seed_1").resolve("metrics.csv"), true,
                    "step", "phase", "event", "ref_loss", "ref_theta", "lambda_1")) {
                for (int t = 0; t < 50; t++) {
                    w.row(t, "base", t == 20 ? "switch:fallback" : "", 1.0 / (1 + t), t % 10 == 0 ? 0.5 : Double.NaN,
                            t == 3 ? Double.POSITIVE_INFINITY : 10.0 + t);
                }
            }
        }
        try (CsvWriter w = new CsvWriter(dir.resolve("dom").resolve("seed_1").resolve("monitor.csv"), true,
                "step", "theta", "eta", "eta_star", "eta_loss_dom", "eta_loss_bulk", "findings")) {
            w.row(0, 0.9, 0.01, Double.POSITIVE_INFINITY, 0.005, 0.02, "suspicious-alignment;alignment-rising");
            w.row(10, 0.8, 0.01, 0.03, 0.006, 0.02, "alignment-falling");
        }
    }
}
