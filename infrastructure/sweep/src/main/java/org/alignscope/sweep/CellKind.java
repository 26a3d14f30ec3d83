package org.alignscope.sweep;

import java.nio.file.Path;
import java.util.List;

/**
 * What a sweep runs in each cell: an {@code alignscope} subcommand, the arguments that give it the cell's
 * settings, and how its run folder is read back into the summary's quantities.
 */
public interface CellKind {
    /** The kinds a sweep's {@code command:} may name. */
    List<String> NAMES = List.of("quad-run", "train", "hessian");

    static CellKind of(String name) {
        return switch (name) {
            case "quad-run" -> new QuadRunKind();
            case "train" -> new TrainKind();
            case "hessian" -> new HessianKind();
            default -> throw new IllegalArgumentException("command: unknown command '" + name + "'; allowed: "
                    + String.join(", ", NAMES));
        };
    }

    /** The subcommand path, e.g. {@code [quad, run]}. */
    List<String> command();

    /** Whether the sweep needs {@code base:} (a config whose keys the grid overrides). */
    boolean needsBase();

    /**
     * The options of {@link #command()} a sweep sets itself for every cell (e.g. {@code out}); a key naming one is
     * an error. Empty for a kind whose keys are config keys rather than options.
     */
    List<String> reservedOptions();

    /** Whether the keys of {@code set}/{@code grid} are the command's option names (without dashes). */
    boolean keysAreOptions();

    /**
     * The arguments after {@link #command()} that run the cell into {@code dir}, each setting given by its option in
     * {@code options}; may write files the cell needs there (e.g. its merged config). Settings keys whose value is a
     * boolean become flags (present when true).
     */
    List<String> arguments(SweepConfig config, Cell cell, Path dir, CellOptions options);

    /** Reads a finished cell's run folder (after its command exited with code 0). */
    Outcome outcome(Path dir);
}
