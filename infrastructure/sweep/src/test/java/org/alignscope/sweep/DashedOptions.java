package org.alignscope.sweep;

/** The tests' cell options: a setting's key with two dashes, as the command line names it. */
final class DashedOptions {
    static final CellOptions OPTIONS = key -> "--" + key;

    private DashedOptions() {
    }
}
