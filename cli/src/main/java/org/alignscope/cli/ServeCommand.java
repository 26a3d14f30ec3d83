package org.alignscope.cli;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.alignscope.dashboard.DashboardServer;
import org.alignscope.report.html.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
            description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only).")
    String address;

    @Override
    public void run() {
        RunFolder.check("DIR", dir);
        DashboardServer server = DashboardServer.start(dir, address, port);
        System.out.println(server.url());
        System.out.flush();
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
