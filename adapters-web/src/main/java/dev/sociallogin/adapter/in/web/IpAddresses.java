package dev.sociallogin.adapter.in.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP address literals read strictly: never a host name, so never a DNS lookup. */
final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpAddresses() {
    }

    /** An IPv4 or IPv6 literal (IPv4-mapped IPv6 comes back as IPv4); empty for anything else. */
    static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        boolean v6 = text.indexOf(':') >= 0;
        if (v6 ? !IPV6.matcher(text).matches() : !IPV4.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            // a literal (checked above) is parsed, not resolved
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * One hop of {@code X-Forwarded-For} as proxies write it: an address, an IPv6 address in
     * brackets, either with a port ({@code 192.0.2.1:4711}, {@code [2001:db8::1]:4711}).
     */
    static Optional<InetAddress> parseHop(String hop) {
        String text = hop.strip();
        if (text.startsWith("[")) {
            int end = text.indexOf(']');
            return end < 0 ? Optional.empty() : parse(text.substring(1, end));
        }
        int colon = text.indexOf(':');
        if (colon >= 0 && colon == text.lastIndexOf(':')) {
            text = text.substring(0, colon);
        }
        return parse(text);
    }
}
