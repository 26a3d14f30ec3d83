package org.alignscope.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.alignscope.report.CsvWriter;
import org.alignscope.train.MonitorBenchmark;
import org.alignscope.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code alignscope bench monitor}: the monitor's overhead against plain training over the same window from the same
 * state, in one process (Cockpit's table), and the cost of a cold and of a warm-started evaluation.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = "Wall time of W plain training steps against W steps with the monitor every n steps, from the "
                + "same state of the config's first seed, in one process; prints a table and writes --csv.")
final class BenchMonitorCommand implements Runnable {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "A training config with a monitor: section (its k, samples and tolerance are used).")
    Path config;

    @Option(names = "--warmup", defaultValue = "100", description = "Plain steps from the initialisation to the measured state (default: ${DEFAULT-VALUE}).")
    long warmup;

    @Option(names = "--window", defaultValue = "200", description = "Steps per measured window (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--every", split = ",", defaultValue = "100,10,1", description = "Monitor intervals, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Integer> every;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the table as CSV.")
    Path csv;

    @Override
    public void run() {
        TrainConfig cfg = TrainCommand.readConfig(config);
        List<MonitorBenchmark.Window> rows = MonitorBenchmark.run(cfg, warmup, window, every, System.err::println);
        double plain = (rows.get(0).seconds() + rows.get(rows.size() - 1).seconds()) / 2;
        System.out.println(String.format(Locale.ROOT, "window %d steps from step %d; plain = mean of the first and last"
                + " plain windows (%.2f s, %.2f s)", window, warmup, rows.get(0).seconds(), rows.get(rows.size() - 1).seconds()));
        System.out.println("every\tseconds\tratio_to_plain\tevaluations\tcold_eval_s\tcold_eval_hvps\twarm_eval_s\twarm_eval_hvps");
        try (CsvWriter w = csv == null ? null : new CsvWriter(csv, true, "every", "seconds", "ratio_to_plain",
                "evaluations", "cold_eval_s", "cold_eval_hvps", "warm_eval_s", "warm_eval_hvps")) {
            for (MonitorBenchmark.Window r : rows) {
                String every = r.every() == 0 ? "plain" : Integer.toString(r.every());
                System.out.println(String.format(Locale.ROOT, "%s\t%.2f\t%.2f\t%d\t%.2f\t%d\t%.2f\t%.1f", every,
                        r.seconds(), r.seconds() / plain, r.evaluations(), r.coldSeconds(), r.coldHvps(),
                        r.warmSeconds(), r.warmHvps()));
                if (w != null) {
                    w.row(every, r.seconds(), r.seconds() / plain, r.evaluations(), r.coldSeconds(), r.coldHvps(),
                            r.warmSeconds(), r.warmHvps());
                }
            }
        }
    }
}
