package org.alignscope.dashboard;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Where the dashboard listens and which further Host names it answers, checked as the user gave them. Every bad
 * value is an {@link IllegalArgumentException} whose one line names the option the user typed, so that
 * {@code serve --port 70000} and {@code train --dashboard-port 70000} each point at their own option.
 *
 * @param socket     the address and port to bind (port 0: a free one)
 * @param extraHosts the allowed Host names from the allow-host option, normalised by {@link HostAllowList#normalise}
 * @param names      the options these values came from
 */
public record Binding(InetSocketAddress socket, List<String> extraHosts, OptionNames names) {

    /** The command-line options a command takes the dashboard's address, port and allowed Host names from. */
    public record OptionNames(String address, String port, String allowHost) {
        /** {@code --address}, {@code --port}, {@code --allow-host}. */
        public static final OptionNames PLAIN = new OptionNames("--address", "--port", "--allow-host");
    }

    public Binding {
        extraHosts = List.copyOf(extraHosts);
    }

    /**
     * Checks the user's values.
     *
     * @param address    a name or IP address of this machine ({@link DashboardServer#LOOPBACK} when null)
     * @param port       in [0, 65535]; 0 picks a free port
     * @param allowHosts further Host names to answer (null: none)
     * @throws IllegalArgumentException naming the option of the first bad value
     */
    public static Binding of(String address, int port, List<String> allowHosts, OptionNames names) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(names.port() + ": must be in [0, 65535] (got " + port + ")");
        }
        String name = address == null ? DashboardServer.LOOPBACK : address;
        InetAddress a;
        try {
            a = InetAddress.getByName(name);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(names.address() + ": unknown host " + name);
        }
        if (!isOfThisMachine(a)) {
            throw new IllegalArgumentException(names.address() + ": " + name + " is not an address of this machine"
                    + " (use 127.0.0.1, 0.0.0.0 or one of its interface addresses)");
        }
        List<String> hosts = allowHosts == null ? List.of()
                : allowHosts.stream().map(h -> HostAllowList.normalise(h, names.allowHost())).toList();
        return new Binding(new InetSocketAddress(a, port), hosts, names);
    }

    /** Whether binding {@code a} can work: the wildcard, a loopback address, or an interface's address. */
    private static boolean isOfThisMachine(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(a) != null;
        } catch (SocketException e) {
            return true;  // the interfaces cannot be listed: let the bind itself decide
        }
    }

    /** Whether only this machine can reach the bound address. */
    boolean loopbackOnly() {
        return socket.getAddress().isLoopbackAddress();
    }
}
