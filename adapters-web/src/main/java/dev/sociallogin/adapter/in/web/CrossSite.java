package dev.sociallogin.adapter.in.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Whether a browser sent a request on behalf of another site: its {@code Origin} is present and
 * neither trusted ({@code AUTH_CORS_ALLOWED_ORIGINS}) nor this server's own, or it says {@code
 * Sec-Fetch-Site: cross-site} without a trusted Origin. Such a request may read nothing a cookie
 * grants it and change no state with a cookie: a POST is refused (CSRF) and a GET is answered as if
 * the refresh cookie were not there.
 */
final class CrossSite {

    private CrossSite() {
    }

    static boolean is(HttpServletRequest request, WebSettings settings) {
        String origin = request.getHeader("Origin");
        boolean trusted = settings.isAllowedOrigin(origin);
        boolean foreignOrigin = origin != null && !trusted && !isOwnOrigin(request, origin);
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        boolean saysCrossSite = fetchSite != null && "cross-site".equalsIgnoreCase(fetchSite.strip()) && !trusted;
        return foreignOrigin || saysCrossSite;
    }

    /** Whether {@code origin} is scheme://host[:port] of this very request. */
    static boolean isOwnOrigin(HttpServletRequest request, String origin) {
        return normalize(origin).equals(ownOrigin(request));
    }

    static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        String host = request.getServerName().toLowerCase(Locale.ROOT);
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        int port = request.getServerPort();
        return scheme + "://" + host + (isDefaultPort(scheme, port) ? "" : ":" + port);
    }

    private static String normalize(String origin) {
        String text = origin.strip().toLowerCase(Locale.ROOT);
        if (text.startsWith("http://") && text.endsWith(":80")) {
            return text.substring(0, text.length() - 3);
        }
        if (text.startsWith("https://") && text.endsWith(":443")) {
            return text.substring(0, text.length() - 4);
        }
        return text;
    }

    private static boolean isDefaultPort(String scheme, int port) {
        return port <= 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    }
}
