package org.alignscope.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.alignscope.io.CsvWriter;
import org.alignscope.report.Manifest;

/** A train-like run folder the tests append to, as a training run would. */
final class LiveRun {
    static final String[] HEADER = {"step", "phase", "event", "ref_loss", "ref_theta", "lambda_1", "residual_1"};

    private LiveRun() {
    }

    static void write(Path dir, String... arms) {
        new Manifest("alignscope test").write(dir);
        for (String arm : arms) {
            try (CsvWriter w = new CsvWriter(metrics(dir, arm), true, HEADER)) {
                for (int t = 0; t < 50; t++) {
                    // residuals down to 3e-15: a range uPlot's own log scale cannot draw
                    w.row(t, "base", "", 1.0 / (1 + t), 0.5 + 0.004 * t, t == 3 ? Double.POSITIVE_INFINITY : 10.0 + t,
                            3.3e-15 * Math.pow(10, t / 5.0));
                }
            }
        }
    }

    static Path metrics(Path dir, String arm) {
        return dir.resolve(arm).resolve("seed_1").resolve("metrics.csv");
    }

    /** Appends one row to an arm's metrics (creating the file with its header when new). */
    static void append(Path dir, String arm, int step) throws IOException {
        Path f = metrics(dir, arm);
        StringBuilder s = new StringBuilder();
        if (!Files.exists(f)) {
            Files.createDirectories(f.getParent());
            s.append(String.join(",", HEADER)).append('\n');
        }
        s.append(step).append(",arm,,0.01,0.9,").append(60 + step).append(",1e-6\n");
        Files.writeString(f, s, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
