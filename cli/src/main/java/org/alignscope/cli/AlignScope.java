package org.alignscope.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.alignscope.io.IoFailure;
import org.alignscope.linalg.BlasChoice;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code alignscope} command. Every failure is one line on standard error, never a stack trace: the user's input
 * exits with code 2, the environment (I/O, memory) with 3, a defect of the tool with 4 ({@link ExitCode}). Without
 * a command it prints the usage on standard error and exits with 2, since nothing was done; an unknown command or
 * option gets the closest valid names ({@link UnknownArgument}).
 */
@Command(name = "alignscope", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Curvature geometry of SGD: the paper laboratory, curvature engine and alignment monitor.",
        subcommands = {QuadCommand.class, HessianCommand.class, TrainCommand.class, MonitorCommand.class,
                MonitorCoverageCommand.class, SweepCommand.class, BenchCommand.class, ReportCommand.class,
                CompareCommand.class, HitRatesCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class AlignScope implements Callable<Integer> {
    /**
     * netlib announces its BLAS choice on stderr; the manifests record it instead. A strong reference, since
     * java.util.logging forgets the level of a logger nobody holds.
     */
    private static final java.util.logging.Logger NETLIB_LOG = java.util.logging.Logger.getLogger("dev.ludovic.netlib");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return CommandGroup.missingSubcommand(spec);
    }

    public static void main(String[] args) {
        SweepCellWatch.startIfSweepCell();
        BlasNotice.install(args);
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with AlignScope's error handling. A bad {@code -Dalignscope.blas} is refused before any
     * command starts, since the BLAS is chosen only when a command first uses it.
     */
    static CommandLine commandLine() {
        NETLIB_LOG.setLevel(java.util.logging.Level.WARNING);
        CommandLine cl = new CommandLine(new AlignScope());
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            String message = ex instanceof CommandLine.UnmatchedArgumentException u ? UnknownArgument.message(u)
                    : ex.getMessage();
            err.println("alignscope: error: " + message + " (see --help)");
            return ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(ex, commandLine.getErr()));
        cl.setExecutionStrategy(parseResult -> {
            try {
                BlasChoice.fromSystemProperty();
            } catch (IllegalArgumentException e) {
                return report(e, cl.getErr());
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        return cl;
    }

    /** Prints one line for a failure of a command and returns its exit code. */
    static int report(Throwable ex, PrintWriter err) {
        if (ex instanceof IllegalArgumentException) {
            err.println("alignscope: error: " + ex.getMessage());
            return ExitCode.USAGE;
        }
        if (ex instanceof IoFailure) {
            err.println("alignscope: error: " + ex.getMessage());
            return ExitCode.ENVIRONMENT;
        }
        if (ex instanceof UncheckedIOException u) {
            err.println("alignscope: error: " + (u.getMessage() != null ? u.getMessage() : IoFailure.reason(u.getCause())));
            return ExitCode.ENVIRONMENT;
        }
        if (ex instanceof OutOfMemoryError) {
            err.println("alignscope: error: out of memory (raise the Java heap, e.g. ALIGNSCOPE_JAVA_OPTS=-Xmx16g)");
            return ExitCode.ENVIRONMENT;
        }
        if (System.getenv("ALIGNSCOPE_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        err.println("alignscope: internal error: " + ex + " (a defect of AlignScope; ALIGNSCOPE_DEBUG=1 prints the"
                + " stack trace)");
        return ExitCode.INTERNAL;
    }
}
