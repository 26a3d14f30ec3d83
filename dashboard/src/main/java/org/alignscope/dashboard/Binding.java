package org.alignscope.dashboard;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Where the dashboard listens and which further Host names it answers. Each value has its own check ({@link #port},
 * {@link #address}, {@link #allowedHost}), whose {@link IllegalArgumentException} says what is wrong with the value
 * in one line; the caller names the setting the value came from ({@code serve --port 70000} and
 * {@code train --dashboard-port 70000} each point at their own option).
 *
 * @param socket     the address and port to bind (port 0: a free one)
 * @param extraHosts further allowed Host names, each as {@link #allowedHost} returns it
 */
public record Binding(InetSocketAddress socket, List<String> extraHosts) {
    /** The largest TCP port. */
    public static final int MAX_PORT = 65535;

    public Binding {
        extraHosts = List.copyOf(extraHosts);
    }

    /**
     * Checks all three values, in the order {@link #port}, {@link #address}, {@link #allowedHost}.
     *
     * @param address    a name or IP address of this machine ({@link DashboardServer#LOOPBACK} when null)
     * @param allowHosts further Host names to answer (null: none)
     * @throws IllegalArgumentException saying what is wrong with the first bad value
     */
    public static Binding of(String address, int port, List<String> allowHosts) {
        int p = port(port);
        InetAddress a = address(address);
        List<String> hosts = allowHosts == null ? List.of() : allowHosts.stream().map(Binding::allowedHost).toList();
        return new Binding(new InetSocketAddress(a, p), hosts);
    }

    /**
     * A port to listen on: in [0, 65535], 0 picking a free one.
     *
     * @throws IllegalArgumentException for any other number
     */
    public static int port(int port) {
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("must be in [0, " + MAX_PORT + "] (got " + port + ")");
        }
        return port;
    }

    /**
     * The address a name stands for, which must be of this machine ({@link DashboardServer#LOOPBACK} for null).
     *
     * @throws IllegalArgumentException for an unknown name or an address of another machine
     */
    public static InetAddress address(String address) {
        String name = address == null ? DashboardServer.LOOPBACK : address;
        InetAddress a;
        try {
            a = InetAddress.getByName(name);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + name);
        }
        if (!isOfThisMachine(a)) {
            throw new IllegalArgumentException(name + " is not an address of this machine"
                    + " (use 127.0.0.1, 0.0.0.0 or one of its interface addresses)");
        }
        return a;
    }

    /**
     * A further Host name the dashboard may be requested by, in the form the server compares names in
     * ({@link HostAllowList#normalise}).
     *
     * @throws IllegalArgumentException for anything but a host name or IP address (a port, a path, a space)
     */
    public static String allowedHost(String name) {
        return HostAllowList.normalise(name);
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
