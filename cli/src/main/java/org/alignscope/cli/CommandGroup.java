package org.alignscope.cli;

import picocli.CommandLine.Model.CommandSpec;

/** What a command that only groups subcommands ({@code alignscope}, {@code quad}, {@code bench}) does when given none. */
final class CommandGroup {
    private CommandGroup() {
    }

    /** Prints the group's usage on standard error and returns the usage error's exit code. */
    static int missingSubcommand(CommandSpec spec) {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
