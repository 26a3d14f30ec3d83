package org.alignscope.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kind of cell whose keys are its command's option names without dashes: a cell runs the command with the key's
 * option and the value for every {@code set:} and grid setting (the option alone for true, nothing for false),
 * followed by the options the sweep sets itself ({@link #sweepArguments}).
 */
abstract class OptionCellKind implements CellKind {

    @Override
    public final boolean needsBase() {
        return false;
    }

    @Override
    public final boolean keysAreOptions() {
        return true;
    }

    @Override
    public final List<String> arguments(SweepConfig config, Cell cell, Path dir, CellOptions options) {
        Map<String, JsonNode> all = new LinkedHashMap<>(config.fixed());
        all.putAll(cell.values());
        List<String> args = new ArrayList<>();
        all.forEach((k, v) -> {
            if (v.isBoolean()) {
                if (v.booleanValue()) {
                    args.add(options.option(k));
                }
            } else {
                args.add(options.option(k));
                args.add(v.asText());
            }
        });
        args.addAll(sweepArguments(dir, options));
        return args;
    }

    /** The options the sweep sets for every cell writing into {@code dir} (those of {@link #reservedOptions()}). */
    abstract List<String> sweepArguments(Path dir, CellOptions options);
}
