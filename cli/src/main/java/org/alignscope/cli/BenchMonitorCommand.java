package org.alignscope.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.alignscope.io.CsvWriter;
import org.alignscope.train.MonitorBenchmark;
import org.alignscope.train.TrainConfig;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Setting;
import org.alignscope.settings.Types;
import org.alignscope.settings.Values;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code alignscope bench monitor}: the monitor's overhead against plain training over the same window from the same
 * state, in one process (Cockpit's table), and the cost of a cold and of a warm-started evaluation.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Wall time of W plain training steps against W steps with the monitor every n steps, from the "
                + "same state of the config's first seed, in one process; prints a table and writes --csv.",
        modelTransformer = SchemaOptions.class)
final class BenchMonitorCommand implements Runnable, SchemaCommand {
    static final Setting<Path> CSV = Setting.optional("csv", Types.path(), "none", "Also write the table as CSV.");
    static final Schema SCHEMA = MonitorBenchmark.SCHEMA.with("bench monitor", "The monitor's overhead against plain"
            + " training, and the cost of a cold and of a warm-started evaluation.", CSV);

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public void run() {
        Values v = SchemaOptions.values(spec);
        TrainConfig cfg = TrainCommand.readConfig(v.get(MonitorBenchmark.CONFIG));
        int warmup = v.get(MonitorBenchmark.WARMUP);
        int window = v.get(MonitorBenchmark.WINDOW);
        Path csv = v.get(CSV);
        List<MonitorBenchmark.Window> rows = MonitorBenchmark.run(cfg, warmup, window, v.get(MonitorBenchmark.EVERY),
                System.err::println);
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
