package org.alignscope.cli;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.alignscope.dashboard.DashboardServer;
import org.alignscope.report.html.RunFolder;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Values;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code alignscope serve DIR}: the live dashboard of a finished or running folder. The first line on standard
 * output is the page's URL; it serves until interrupted.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve DIR's report page live (read-only) and follow the run as it writes.",
                "The first line printed is the URL. Binds 127.0.0.1 unless --address is given."},
        modelTransformer = SchemaOptions.class)
final class ServeCommand implements Runnable, SchemaCommand {
    static final DashboardSettings DASHBOARD = DashboardSettings.keyed("");
    static final Schema SCHEMA = Schema.commandLine("serve", "The live dashboard of a run folder.",
            DASHBOARD.entries());

    @Parameters(paramLabel = "DIR", description = "A run folder (train, quad run/sweep/reproduce, hessian, monitor, ...).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public void run() {
        Values values = SchemaOptions.values(spec);
        var binding = DASHBOARD.binding(values);
        RunFolder.check("DIR", dir);
        DashboardServer server = DASHBOARD.start(dir, binding, spec.commandLine().getErr());
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "alignscope-dashboard-stop"));
        try {
            forever.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
    }
}
