package org.alignscope.cli;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.alignscope.dashboard.Binding;
import org.alignscope.dashboard.DashboardServer;
import org.alignscope.settings.SchemaEntry;
import org.alignscope.settings.Setting;
import org.alignscope.settings.Types;
import org.alignscope.settings.Values;

/**
 * Where a command's dashboard listens, as three settings of the command's schema: {@code serve}'s {@code --address},
 * {@code --port} and {@code --allow-host}, {@code train}'s the same after {@code --dashboard-}. Each bad value is
 * reported against the option the user typed.
 */
record DashboardSettings(Setting<String> address, Setting<Integer> port, Setting<List<String>> allowHost) {

    /** The three settings, their keys starting with {@code prefix} ({@code dashboard_}, or none). */
    static DashboardSettings keyed(String prefix) {
        return new DashboardSettings(
                Setting.of(prefix + "address", Types.text("a name or IP address of this machine"),
                        DashboardServer.LOOPBACK, "Address the dashboard binds: by default this machine only; another"
                                + " address (0.0.0.0: every interface) lets the network read the run folder, and a"
                                + " warning says so."),
                Setting.of(prefix + "port", Types.parsed("integer in [0, " + Binding.MAX_PORT + "]",
                        DashboardSettings::port, p -> p), 0, "TCP port of the dashboard; 0 picks a free one."),
                Setting.of(prefix + "allow_host", Types.repeated(Types.parsed("a host name or IP address",
                        Binding::allowedHost, h -> h)), List.of(), "A further name the dashboard may be requested"
                        + " by (the Host header), e.g. this machine's DNS name with a non-loopback address. Always"
                        + " allowed: the bound address, and localhost names where the loopback is bound."));
    }

    /** The settings in the order a schema lists them. */
    SchemaEntry[] entries() {
        return new SchemaEntry[] {address, port, allowHost};
    }

    /** The binding the command's values give; an address that is not of this machine is named by its option. */
    Binding binding(Values values) {
        return new Binding(new InetSocketAddress(address.reading(() -> Binding.address(values.get(address))),
                values.get(port)), values.get(allowHost));
    }

    /**
     * Starts the dashboard on {@code dir} (a folder that exists), warns on {@code err} when the network can reach it,
     * and prints its URL as the first line of standard output. A port that cannot be bound is named by its option.
     */
    DashboardServer start(Path dir, Binding binding, PrintWriter err) {
        DashboardServer server = port.reading(() -> DashboardServer.start(dir, binding));
        server.networkWarning().ifPresent(w -> {
            err.println("alignscope: warning: " + w);
            err.flush();
        });
        System.out.println(server.url());
        System.out.flush();
        return server;
    }

    private static int port(String text) {
        int port;
        try {
            port = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an integer; allowed: [0, " + Binding.MAX_PORT
                    + "]");
        }
        return Binding.port(port);
    }
}
