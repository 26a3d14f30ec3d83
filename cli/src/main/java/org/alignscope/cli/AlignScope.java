package org.alignscope.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code alignscope} command. Errors in the user's input print one line and exit with code 2. */
@Command(name = "alignscope", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Curvature geometry of SGD: the paper laboratory, curvature engine and alignment monitor.",
        subcommands = {QuadCommand.class, HessianCommand.class, TrainCommand.class, MonitorCommand.class,
                SweepCommand.class, BenchCommand.class, ReportCommand.class,
                CompareCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class AlignScope implements Runnable {
    /** Exit code for invalid input. */
    static final int USAGE = 2;
    /**
     * netlib announces its BLAS choice on stderr; the manifests record it instead. A strong reference, since
     * java.util.logging forgets the level of a logger nobody holds.
     */
    private static final java.util.logging.Logger NETLIB_LOG = java.util.logging.Logger.getLogger("dev.ludovic.netlib");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        NETLIB_LOG.setLevel(java.util.logging.Level.WARNING);
        CommandLine cl = new CommandLine(new AlignScope());
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("alignscope: error: " + ex.getMessage() + " (see --help)");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof IllegalArgumentException) {
                err.println("alignscope: error: " + ex.getMessage());
                return USAGE;
            }
            throw ex;
        });
        return cl;
    }
}
