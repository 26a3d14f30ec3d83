package org.alignscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Setting;
import org.alignscope.settings.Types;
import org.alignscope.train.HitRates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code alignscope hit-rates DIR... [--out DIR]}: how often the monitor's probes and verdicts were right, over every
 * monitored trajectory of the given training runs or sweeps together ({@link HitRates}).
 */
@Command(name = "hit-rates", mixinStandardHelpOptions = true,
        description = "Print how often the monitor's probes and verdicts were right over the monitored trajectories"
                + " of training runs or sweeps together (hits of resolved, 95 % Wilson intervals).",
        modelTransformer = SchemaOptions.class)
final class HitRatesCommand implements Runnable, SchemaCommand {
    static final Setting<Path> OUT = Setting.optional("out", Types.path(), "none (print only)",
            "Folder to write probe-summary.csv and verdict-hits.csv of the runs together into.");
    static final Schema SCHEMA = Schema.commandLine("hit-rates", "The monitor's probe and verdict hit rates over"
            + " several runs.", OUT);

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Training run folders or sweep folders.")
    List<Path> dirs;

    @Spec
    CommandSpec spec;

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public void run() {
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) {
                throw new IllegalArgumentException("DIR: " + d + " is not a folder");
            }
        }
        HitRates h = HitRates.of(dirs);
        if (h.monitorFiles().isEmpty()) {
            throw new IllegalArgumentException("DIR: no monitored trajectory (ARM/seed_N/monitor.csv) within "
                    + HitRates.DEPTH + " levels of " + dirs);
        }
        System.out.println(h.monitorFiles().size() + " monitored trajectories");
        h.lines().forEach(System.out::println);
        Path out = SchemaOptions.values(spec).get(OUT);
        if (out != null) {
            h.write(out);
            System.out.println("wrote " + out);
        }
    }
}
