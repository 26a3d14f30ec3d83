package org.alignscope.lab.sweep;

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
    public static final Setting<Integer> PARALLEL = Setting.optional("parallel",
            Types.parsed("integer >= 1", SweepSettings::cellsAtOnce, n -> n),
            "the config's parallel, else the number of cores", "Cells at once.").in("cells");

    public static final Schema SCHEMA = Schema.commandLine("sweep", "A command (quad-run, train or hessian) over the"
            + " cartesian product of settings in a YAML file, each cell in its own process.", CONFIG, OUT, PARALLEL);

    private SweepSettings() {
    }

    /**
     * The number of cells to run at once, checked.
     *
     * @throws IllegalArgumentException for a number below 1
     */
    public static int cellsAtOnce(int cells) {
        if (cells < 1) {
            throw new IllegalArgumentException("must be >= 1 (got " + cells + ")");
        }
        return cells;
    }

    private static int cellsAtOnce(String text) {
        int cells;
        try {
            cells = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an integer; allowed: >= 1");
        }
        return cellsAtOnce(cells);
    }
}
