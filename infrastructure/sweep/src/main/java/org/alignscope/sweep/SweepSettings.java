package org.alignscope.sweep;

import java.nio.file.Path;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Setting;
import org.alignscope.settings.Types;

/**
 * The settings of {@code alignscope sweep}, declared once in {@link #SCHEMA}: the command's options, their checks,
 * and the names the sweep's own errors give them ({@code --config: cannot read FILE}).
 */
public final class SweepSettings {
    public static final Setting<Path> CONFIG = Setting.required("config", Types.path(),
            "The sweep (YAML: command, base, set, grid, parallel).");
    public static final Setting<Path> OUT = Setting.of("out", Types.path(), Path.of("runs/sweep"), "Output folder.");
    public static final Setting<Integer> PARALLEL = Setting.optional("parallel", Types.integerFrom(1),
            "the config's parallel, else the number of cores", "Cells at once.").in("cells");

    public static final Schema SCHEMA = Schema.commandLine("sweep", "A command (quad-run, train or hessian) over the"
            + " cartesian product of settings in a YAML file, each cell in its own process.", CONFIG, OUT, PARALLEL);

    private SweepSettings() {
    }
}
