package org.alignscope.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.alignscope.monitor.ConfidenceInterval;
import org.alignscope.quadlab.MonitorCoverage;
import org.alignscope.report.Manifest;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Setting;
import org.alignscope.settings.Types;
import org.alignscope.settings.Values;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code alignscope monitor-coverage}: how often the monitor's 95 % intervals contain the exact value, over many
 * seeds of the paper's quadratic ({@link MonitorCoverage}). Its {@code coverage.csv} is the monitor's committed
 * coverage resource ({@code monitor/src/main/resources/org/alignscope/monitor/interval-coverage.csv}).
 */
@Command(name = "monitor-coverage", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure the coverage of the monitor's 95% intervals on the paper's quadratic; writes "
                + "coverage.csv and prints the table.",
        modelTransformer = SchemaOptions.class)
final class MonitorCoverageCommand implements Callable<Integer>, SchemaCommand {
    static final Setting<Integer> SEEDS = Setting.of("seeds", Types.integerFrom(1), 2000,
            "Number of seeds (one quadratic, state and noise stream each).");
    static final Setting<Long> FIRST_SEED = Setting.of("first_seed", Types.anyLong(), 1L, "The first seed.");
    static final Setting<Path> OUT = Setting.of("out", Types.path(), Path.of("runs/monitor-coverage"),
            "Output folder.");

    static final Schema SCHEMA = Schema.commandLine("monitor-coverage", "Measure how often the monitor's 95%"
            + " intervals contain the exact value on the paper's quadratic.", SEEDS, FIRST_SEED, MonitorCommand.D,
            MonitorCommand.K, MonitorCommand.M, MonitorCommand.TOLERANCE, OUT);

    @picocli.CommandLine.Mixin
    OutputOwner owner;

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public Integer call() {
        Values v = SchemaOptions.values(spec);
        if (v.get(MonitorCommand.K) >= v.get(MonitorCommand.D)) {
            // a default k is not checked against the range that a given d sets
            throw v.invalid(MonitorCommand.K, v.get(MonitorCommand.K) + " is out of range; allowed: [1, "
                    + (v.get(MonitorCommand.D) - 1) + "]");
        }
        return owner.write(v.get(OUT), () -> measure(v));
    }

    private int measure(Values v) {
        long t0 = System.nanoTime();
        Path out = v.get(OUT);
        MonitorCoverage.Setup setup = new MonitorCoverage.Setup(v.get(MonitorCommand.D), v.get(MonitorCommand.K),
                v.get(MonitorCommand.M), v.get(MonitorCommand.TOLERANCE));
        List<MonitorCoverage.Row> rows = MonitorCoverage.measure(setup, v.get(FIRST_SEED), v.get(SEEDS));
        MonitorCoverage.write(rows, out.resolve("coverage.csv"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        Manifest manifest = new Manifest(owner.commandLine());
        v.describe().forEach(manifest::setting);
        manifest.put("sigmas", MonitorCoverage.SIGMAS).put("samples", MonitorCoverage.SAMPLES)
                .put("elapsed_seconds", seconds).complete().write(out);
        System.out.println("sigma\tr\tquantity\tseeds\tcoverage\twilson_95");
        for (MonitorCoverage.Row r : rows) {
            ConfidenceInterval ci = r.wilson();
            System.out.println(String.format(Locale.ROOT, "%s\t%d\t%s\t%d\t%.3f\t[%.3f, %.3f]", r.sigma(),
                    r.samples(), r.quantity(), r.seeds(), r.coverage(), ci.lower(), ci.upper()));
        }
        System.out.println(String.format(Locale.ROOT, "wrote %s in %.1f s", out, seconds));
        return 0;
    }
}
