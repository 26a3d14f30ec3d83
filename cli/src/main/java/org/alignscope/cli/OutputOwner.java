package org.alignscope.cli;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.alignscope.io.OutputFolder;
import org.alignscope.report.RunStatus;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --force} and the ownership of a command's output folder while it writes ({@link OutputFolder}): the folder
 * is claimed after the options are validated and before anything is written, released when the command ends, and a
 * command that fails says so in the folder's manifest.
 */
final class OutputOwner {
    /** The option, for the messages of commands that refuse it in some cases. */
    static final String FORCE = "--force";

    @Option(names = FORCE, description = "Empty a non-empty --out folder first, whatever it holds.")
    boolean force;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** Runs {@code body} while this command owns {@code out}. */
    void write(Path out, Runnable body) {
        write(out, () -> {
            body.run();
            return null;
        });
    }

    /** Computes {@code body} while this command owns {@code out}. */
    <T> T write(Path out, Supplier<T> body) {
        return write(claim(out), body);
    }

    /** As {@link #write(Path, Supplier)}, keeping what an earlier run of this command left in {@code out}. */
    <T> T continueIn(Path out, Supplier<T> body) {
        return write(OutputFolder.claimToContinue("--out", FORCE, out, kind(), commandLine(), force), body);
    }

    private <T> T write(OutputFolder claimed, Supplier<T> body) {
        Path out = claimed.path();
        try (OutputFolder folder = claimed) {
            try {
                return body.get();
            } catch (RuntimeException e) {
                RunStatus.mark(out, RunStatus.FAILED, e.getMessage());
                throw e;
            }
        }
    }

    /** Claims {@code out} for this command (see {@link OutputFolder#claim}). */
    OutputFolder claim(Path out) {
        return OutputFolder.claim("--out", FORCE, out, kind(), commandLine(), force);
    }

    /** The command's name below {@code alignscope}, e.g. {@code quad reproduce}: the kind of run its folders hold. */
    String kind() {
        return spec.qualifiedName(" ").replaceFirst("^alignscope ", "");
    }

    /** The command line as typed. */
    String commandLine() {
        return "alignscope " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }
}
