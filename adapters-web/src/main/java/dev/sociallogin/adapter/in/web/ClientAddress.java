package dev.sociallogin.adapter.in.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Who a request comes from, for per-client limits: the TCP peer, unless the peer is a trusted proxy;
 * then {@code X-Forwarded-For} read from the right, each trusted hop skipped, the first untrusted one
 * being the client. Hops left of it were written by the client and are never believed. A hop that is
 * no address stops the walk at the nearest address we can vouch for.
 */
final class ClientAddress {

    private final List<IpRange> trustedProxies;

    ClientAddress(List<IpRange> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    InetAddress of(HttpServletRequest request) {
        InetAddress peer = IpAddresses.parse(request.getRemoteAddr()).orElse(InetAddress.getLoopbackAddress());
        if (!trusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop);
            }
        }
        InetAddress nearest = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpAddresses.parseHop(hops.get(i));
            if (hop.isEmpty()) {
                return nearest;
            }
            if (!trusted(hop.get())) {
                return hop.get();
            }
            nearest = hop.get();
        }
        return nearest;
    }

    private boolean trusted(InetAddress address) {
        for (IpRange range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The key a client's bucket is kept under: the IPv4 address, or the /64 network of an IPv6 one
     * (a single IPv6 client commonly holds a whole /64, and could otherwise take a fresh bucket per
     * request).
     */
    static String key(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return address.getHostAddress();
        }
        StringBuilder key = new StringBuilder(20);
        for (int i = 0; i < 8; i += 2) {
            key.append(Integer.toHexString((bytes[i] & 0xff) << 8 | bytes[i + 1] & 0xff)).append(':');
        }
        return key.append(":/64").toString();
    }
}
