package org.alignscope.sweep;

/**
 * The command-line options of the command a sweep's cells run, found by the sweep's name for a setting: the option's
 * name without its dashes, as {@code set:} and {@code grid:} write it ({@code out}, {@code init-scale}). The command
 * line knows its options; the sweep only names the settings it gives.
 */
@FunctionalInterface
public interface CellOptions {
    /**
     * The option that gives the setting {@code key} ({@code out} → {@code --out}).
     *
     * @throws IllegalStateException when the command has no such option (a defect: keys are checked before)
     */
    String option(String key);
}
