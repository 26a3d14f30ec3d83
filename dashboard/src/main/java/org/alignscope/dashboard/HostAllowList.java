package org.alignscope.dashboard;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Host header values the dashboard answers. A web page elsewhere that reaches the server through DNS rebinding
 * sends its own name as Host, so answering only known names keeps the run folder from it. The names are: the bound
 * address; for a loopback or wildcard binding also {@code localhost}, {@code 127.0.0.1} and {@code [::1]}; for a
 * wildcard binding ({@code 0.0.0.0}, {@code ::}) this machine's interface addresses; and the names the user allowed.
 * Names compare in lower case, IPv6 literals by address; a port after the name must be a number and is otherwise
 * ignored. No name is ever looked up.
 */
final class HostAllowList {
    private static final Pattern HOST_NAME =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    private static final Pattern IPV6_LITERAL = Pattern.compile("\\[[0-9a-f:.]+]");
    private static final Pattern PORT = Pattern.compile("(:[0-9]{0,5})?");

    private final Set<String> names;

    private HostAllowList(Set<String> names) {
        this.names = Collections.unmodifiableSet(names);
    }

    /** The names a server bound to {@code bound} answers, with {@code extra} (already {@link #normalise}d). */
    static HostAllowList of(InetAddress bound, List<String> extra) {
        Set<String> names = new LinkedHashSet<>();
        names.add(literal(bound));
        if (bound.isLoopbackAddress() || bound.isAnyLocalAddress()) {
            names.add("localhost");
            names.add("127.0.0.1");
            names.add("[0:0:0:0:0:0:0:1]");
        }
        if (bound.isAnyLocalAddress()) {
            try {
                NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                        .forEach(a -> names.add(literal(a)));
            } catch (SocketException e) {
                // no interface list: the loopback names and the user's names still work
            }
        }
        names.addAll(extra);
        return new HostAllowList(names);
    }

    /** The allowed names, in a stable order (for the network warning). */
    Set<String> names() {
        return names;
    }

    /** Whether a request with this Host header (null: none) is answered. */
    boolean allows(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        int nameEnd = h.startsWith("[") ? h.indexOf(']') + 1 : h.indexOf(':') >= 0 ? h.indexOf(':') : h.length();
        if (nameEnd <= 0 || !PORT.matcher(h.substring(nameEnd)).matches()) {
            return false;
        }
        String name = h.substring(0, nameEnd);
        if (IPV6_LITERAL.matcher(name).matches()) {
            try {
                // a literal with ':' is parsed, never looked up; an IPv4-mapped one is not taken for its IPv4 address
                InetAddress a = InetAddress.getByName(name.substring(1, name.length() - 1));
                if (!(a instanceof Inet6Address)) {
                    return false;
                }
                name = literal(a);
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return names.contains(name);
    }

    /**
     * The form {@link #allows} compares a user's allowed name in: a host name or IPv4 address in lower case, an IPv6
     * address (with or without brackets) as its bracketed full form.
     *
     * @throws IllegalArgumentException for anything else (a port, a path, a space)
     */
    static String normalise(String raw) {
        String h = raw.toLowerCase(Locale.ROOT);
        if (HOST_NAME.matcher(h).matches()) {
            return h;
        }
        String bracketed = h.startsWith("[") ? h : "[" + h + "]";
        if (h.indexOf(':') >= 0 && IPV6_LITERAL.matcher(bracketed).matches()) {
            try {
                return literal(InetAddress.getByName(bracketed.substring(1, bracketed.length() - 1)));
            } catch (UnknownHostException e) {
                // not an address after all: reported below
            }
        }
        throw new IllegalArgumentException("must be a host name or IP address, without a port (got '"
                + raw + "')");
    }

    /** An address as a Host header names it: dotted IPv4, or bracketed IPv6 without a scope. */
    private static String literal(InetAddress a) {
        String s = a.getHostAddress();
        if (a instanceof Inet6Address) {
            int scope = s.indexOf('%');
            return "[" + (scope >= 0 ? s.substring(0, scope) : s) + "]";
        }
        return s;
    }
}
