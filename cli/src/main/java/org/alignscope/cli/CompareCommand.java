package org.alignscope.cli;

import java.nio.file.Path;
import java.util.List;
import org.alignscope.report.html.ReportPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code alignscope compare DIR1 DIR2 ... --out DIR}: one report overlaying the runs of several folders. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Write OUT/report.html overlaying the runs of several run folders, one legend entry per run.")
final class CompareCommand implements Runnable {
    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Run folders (train runs, quad runs or sweeps, ...).")
    List<Path> dirs;

    @Option(names = "--out", required = true, description = "Folder for the overlay report.html.")
    Path out;

    @Override
    public void run() {
        System.out.println("wrote " + ReportPage.compare(dirs, out));
    }
}
