package io.taskforce.platform.web;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Pure: which client address a request came from, given the direct peer, its {@code X-Forwarded-For} hops and the
 * networks of the proxies we trust. The header is believed only as far as trusted proxies vouch for it: walking it
 * from the right (the hop nearest to us), the first address not in a trusted network is the client. A client that
 * sends its own X-Forwarded-For only adds hops to the left of the one our proxy saw, so it cannot pose as anyone.
 */
final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Network> networks;

    /** @param cidrs addresses or networks, {@code 10.0.0.0/8}, {@code 192.168.1.7}, {@code fd00::/8} */
    TrustedProxies(List<String> cidrs) {
        this.networks = cidrs.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Network::parse).toList();
    }

    String clientAddress(String peer, List<String> forwardedFor) {
        String current = peer;
        for (int i = forwardedFor.size() - 1; i >= 0 && trusted(current); i--) {
            String hop = forwardedFor.get(i).trim();
            if (literal(hop) == null) {
                break; // garbage from beyond the trusted proxy: the proxy itself is the last address we know
            }
            current = hop;
        }
        return current;
    }

    private boolean trusted(String address) {
        InetAddress parsed = literal(address);
        return parsed != null && networks.stream().anyMatch(n -> n.contains(parsed));
    }

    /** An IP literal, never a name: looking a header value up in the DNS would be a gift to an attacker. */
    static @Nullable InetAddress literal(String text) {
        if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Network(byte[] prefix, int bits) {

        static Network parse(String cidr) {
            int slash = cidr.indexOf('/');
            InetAddress address = literal(slash < 0 ? cidr : cidr.substring(0, slash));
            if (address == null) {
                throw new ConfigurationException("taskforce.web.trusted-proxies: not an IP address or network: " + cidr);
            }
            int max = address.getAddress().length * 8;
            int bits;
            try {
                bits = slash < 0 ? max : Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > max) {
                throw new ConfigurationException("taskforce.web.trusted-proxies: bad prefix length in " + cidr);
            }
            return new Network(address.getAddress(), bits);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != prefix.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((bytes[i / 8] & mask) != (prefix[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
