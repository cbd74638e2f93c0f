package dev.sociallogin.benchmarks;

import dev.sociallogin.benchmarks.HttpConnection.Response;
import dev.sociallogin.benchmarks.Workloads.Client;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The browser login flow against the service and the fake Kakao, as the workloads use it. */
final class Logins {

    /** What a login leaves a client with. */
    record Session(long kakaoId, String access, String refresh) {
    }

    private Logins() {
    }

    /** {@code count} logins of new Kakao users. */
    static List<Session> sessions(Client client, int count) throws IOException, Failure {
        List<Session> sessions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sessions.add(login(client, client.newKakaoId()));
        }
        return sessions;
    }

    /** Authorize, then the callback with the state and its cookie; the tokens from the JSON answer. */
    static Session login(Client client, long kakaoId) throws IOException, Failure {
        Response authorize = client.send("authorize", client.get("/auth/kakao/authorize"));
        String state = queryParameter(authorize.location(), "state");
        String cookie = cookie(authorize.setCookies(), "oauthState");
        if (authorize.status() != 302 || state == null || cookie == null) {
            throw new Failure("authorize " + authorize.status() + " without a state");
        }
        Response callback = client.send("callback", client.get(
                "/auth/kakao/callback?code=" + KakaoIds.code(kakaoId) + "&state=" + state, "Cookie: oauthState=" + cookie));
        String body = callback.bodyText();
        String access = field(body, "access");
        String refresh = field(body, "refresh");
        if (access == null || refresh == null) {
            throw new Failure("callback " + callback.status() + " without tokens");
        }
        return new Session(kakaoId, access, refresh);
    }

    /**
     * The string value of the first {@code "name":"..."} in a JSON text, or null. Enough for the
     * service's answers (token strings and problem codes carry no escapes) at a fraction of a parser's cost.
     */
    static String field(String json, String name) {
        String key = "\"" + name + "\":\"";
        int start = json.indexOf(key);
        if (start < 0) {
            return null;
        }
        start += key.length();
        int end = json.indexOf('"', start);
        return end < 0 ? null : json.substring(start, end);
    }

    private static String queryParameter(String url, String name) {
        if (url == null) {
            return null;
        }
        int query = url.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String pair : url.substring(query + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                // state is URL-safe Base64 already; encoded once more it still is what we send back
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String cookie(List<String> setCookies, String name) {
        for (String header : setCookies) {
            if (header.startsWith(name + "=")) {
                int end = header.indexOf(';');
                String value = header.substring(name.length() + 1, end < 0 ? header.length() : end);
                if (!value.isEmpty()) {
                    return value;
                }
            }
        }
        return null;
    }
}
