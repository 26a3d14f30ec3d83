package org.alignscope.dashboard;

import java.nio.file.Path;

/**
 * A dashboard in a process of its own, for tests that watch its memory: serves the folder given as the argument on
 * the loopback address, prints the URL as its first line, and exits when its standard input ends (the test closes
 * it, or the test's JVM dies).
 */
final class ServeFolder {
    private ServeFolder() {
    }

    public static void main(String[] args) throws Exception {
        try (DashboardServer server = DashboardServer.start(Path.of(args[0]), null, 0)) {
            System.out.println(server.url());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the end of input
            }
        }
    }
}
