package org.alignscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.alignscope.dashboard.Binding;
import org.alignscope.dashboard.DashboardServer;
import org.alignscope.report.html.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code alignscope serve DIR}: the live dashboard of a finished or running folder. The first line on standard
 * output is the page's URL; it serves until interrupted.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve DIR's report page live (read-only) and follow the run as it writes.",
                "The first line printed is the URL. Binds 127.0.0.1 unless --address is given."})
final class ServeCommand implements Runnable {
    @Parameters(paramLabel = "DIR", description = "A run folder (train, quad run/sweep/reproduce, hessian, monitor, ...).")
    Path dir;

    @Option(names = "--port", defaultValue = "0", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--address", defaultValue = DashboardServer.LOOPBACK,
            description = {"Address to bind (default: ${DEFAULT-VALUE}, this machine only).",
                    "Another address (0.0.0.0: every interface) lets the network read DIR; a warning says so."})
    String address;

    @Option(names = "--allow-host", paramLabel = "NAME", description = {"A further name the page may be requested by"
            + " (the Host header; repeatable), e.g. this machine's DNS name with a non-loopback --address.",
            "Always allowed: the bound address, and localhost names where the loopback is bound."})
    List<String> allowHosts = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Binding binding = Binding.of(address, port, allowHosts, Binding.OptionNames.PLAIN);
        RunFolder.check("DIR", dir);
        DashboardServer server = start(dir, binding, spec.commandLine().getErr());
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "alignscope-dashboard-stop"));
        try {
            forever.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
    }

    /**
     * Starts the dashboard on {@code dir}, warns on {@code err} when the network can reach it, and prints its URL as
     * the first line of standard output (for {@code serve} and {@code train --dashboard}).
     */
    static DashboardServer start(Path dir, Binding binding, PrintWriter err) {
        DashboardServer server = DashboardServer.start(dir, binding);
        server.networkWarning().ifPresent(w -> {
            err.println("alignscope: warning: " + w);
            err.flush();
        });
        System.out.println(server.url());
        System.out.flush();
        return server;
    }
}
