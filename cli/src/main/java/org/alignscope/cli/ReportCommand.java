package org.alignscope.cli;

import java.nio.file.Path;
import org.alignscope.report.RunStatus;
import org.alignscope.report.html.ReportPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code alignscope report DIR}: rebuilds DIR/report.html from the folder's files. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rebuild DIR/report.html (self-contained: charts, findings, tables, manifest) from a run folder.")
final class ReportCommand implements Runnable {
    @Parameters(paramLabel = "DIR", description = "A run folder written by any alignscope command.")
    Path dir;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        System.out.println("wrote " + ReportPage.write(dir));
        String status = RunStatus.of(dir);
        if (status != null && !status.equals(RunStatus.COMPLETE)) {
            spec.commandLine().getErr().println("alignscope: warning: " + dir + " is not a complete run (status "
                    + status + "); the page says so at its top");
        }
    }
}
