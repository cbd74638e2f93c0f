package dev.sociallogin.bootstrap.e2e;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Naver's two hosts (nid and openapi) played by one MockWebServer with the bodies Naver documents:
 * codes are single-use and bound to the {@code state} of their authorize, and every token error is
 * answered, as Naver does, with HTTP 200 and an {@code error} field.
 */
final class NaverFake implements AutoCloseable {

    static final String CLIENT_ID = "e2e-naver-client";
    static final String CLIENT_SECRET = "e2e-naver-secret-0123";

    private record Grant(String id, String state) {
    }

    private final MockWebServer server = new MockWebServer();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, String> accessTokens = new ConcurrentHashMap<>();

    NaverFake() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getRequestUrl() == null ? "" : request.getRequestUrl().encodedPath();
                if (path.equals("/oauth2.0/token")) {
                    return token(form(request.getBody().readUtf8()));
                }
                if (path.equals("/v1/nid/me")) {
                    return me(request.getHeader("Authorization"));
                }
                return json(404, "{\"resultcode\":\"404\",\"message\":\"Not Found\"}");
            }
        });
        server.start();
    }

    String baseUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /** The code Naver sends back to our callback after the person {@code id} logged in at an authorize carrying {@code state}. */
    String codeFor(String id, String state) {
        String code = "naver-code-" + UUID.randomUUID();
        codes.put(code, new Grant(id, state));
        return code;
    }

    private MockResponse token(Map<String, String> form) {
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            return json(200, "{\"error\":\"invalid_client\",\"error_description\":\"wrong client id / client secret pair\"}");
        }
        Grant grant = form.get("code") == null ? null : codes.remove(form.get("code"));
        if (grant == null || (grant.state() != null && form.get("state") != null && !grant.state().equals(form.get("state")))) {
            return json(200, "{\"error\":\"invalid_request\",\"error_description\":\"no valid data in session\"}");
        }
        String token = "AAAAnaver" + UUID.randomUUID().toString().replace("-", "");
        accessTokens.put(token, grant.id());
        return json(200, "{\"access_token\":\"" + token + "\",\"refresh_token\":\"r\",\"token_type\":\"bearer\",\"expires_in\":\"3600\"}");
    }

    private MockResponse me(String authorization) {
        String id = authorization != null && authorization.startsWith("Bearer ") ? accessTokens.get(authorization.substring(7)) : null;
        if (id == null) {
            return json(401, "{\"resultcode\":\"024\",\"message\":\"Authentication failed (인증 실패하였습니다.)\"}");
        }
        return json(200, "{\"resultcode\":\"00\",\"message\":\"success\",\"response\":{\"id\":\"" + id + "\",\"nickname\":\"네이버" + id.length()
                + "\",\"email\":\"" + id.toLowerCase() + "@naver.example\",\"name\":\"이름\"}}");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json;charset=utf-8").setBody(body);
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
