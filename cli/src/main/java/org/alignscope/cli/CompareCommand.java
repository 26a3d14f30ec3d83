package org.alignscope.cli;

import java.nio.file.Path;
import java.util.List;
import org.alignscope.report.html.ReportPage;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Setting;
import org.alignscope.settings.Types;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alignscope compare DIR1 DIR2 ... --out DIR}: one report overlaying the runs of several folders. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Write OUT/report.html overlaying the runs of several run folders, one legend entry per run.",
        modelTransformer = SchemaOptions.class)
final class CompareCommand implements Runnable, SchemaCommand {
    static final Setting<Path> OUT = Setting.required("out", Types.path(), "Folder for the overlay report.html.");
    static final Schema SCHEMA = Schema.commandLine("compare", "One report overlaying the runs of several folders.",
            OUT);

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Run folders (train runs, quad runs or sweeps, ...).")
    List<Path> dirs;

    @Spec
    CommandSpec spec;

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public void run() {
        Path out = SchemaOptions.values(spec).get(OUT);
        System.out.println("wrote " + ReportPage.compare(dirs, out));
    }
}
