package dev.sociallogin.adapter.in.web;

import java.net.InetAddress;
import java.util.Objects;

/** An address or a CIDR range ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) of one address family. */
record IpRange(byte[] network, int prefix) {

    IpRange {
        Objects.requireNonNull(network, "network");
        network = network.clone();
        if (prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("prefix out of range");
        }
    }

    /** {@code address} or {@code address/prefix}. */
    static IpRange parse(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        InetAddress parsed = IpAddresses.parse(address)
                .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR range"));
        byte[] bytes = parsed.getAddress();
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(value.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IP address or CIDR range");
            }
        }
        return new IpRange(bytes, prefix);
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (candidate[full] & mask) == (network[full] & mask);
    }

    @Override
    public byte[] network() {
        return network.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpRange that && prefix == that.prefix && java.util.Arrays.equals(network, that.network);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
        return "IpRange[" + network.length * 8 + "-bit/" + prefix + "]";
    }
}
