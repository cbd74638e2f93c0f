package dev.sociallogin.bootstrap.e2e;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Kakao's two hosts played by one MockWebServer, answering with the bodies Kakao documents
 * (see shared/kakao-api.md): authorization codes are single-use (KOE320 on reuse), the profile
 * comes from {@code /v2/user/me} with the access token the code was exchanged for.
 */
final class KakaoFake implements AutoCloseable {

    static final String CLIENT_ID = "e2e-rest-api-key";
    static final long APP_ID = 424242L;
    /** A code whose exchange meets a Kakao outage: 500 with an HTML body. */
    static final String FAILING_CODE = "failing-code-0123456789";

    private static final AtomicLong NEXT_ID = new AtomicLong(4_362_956_124L + (System.nanoTime() % 1_000_000) * 1000);

    private final MockWebServer server = new MockWebServer();
    /** code → Kakao user id; removed when exchanged (codes are single-use). */
    private final Map<String, Long> codes = new ConcurrentHashMap<>();
    /** Kakao access token → Kakao user id. */
    private final Map<String, Long> accessTokens = new ConcurrentHashMap<>();
    private final Map<Long, String> nicknames = new ConcurrentHashMap<>();
    private final AtomicLong tokenRequests = new AtomicLong();

    KakaoFake() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start();
    }

    /** Base URL for both KAKAO_AUTH_BASE_URL and KAKAO_API_BASE_URL. */
    String baseUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /** A fresh Kakao account (id above 2^31) with a Korean + emoji nickname. */
    long newAccount(String nickname) {
        long id = NEXT_ID.incrementAndGet();
        nicknames.put(id, nickname);
        return id;
    }

    /** An authorization code Kakao would hand back to our callback for that account. */
    String codeFor(long kakaoId) {
        String code = "code-" + java.util.UUID.randomUUID().toString().replace("-", "") + "x".repeat(54);
        codes.put(code, kakaoId);
        return code;
    }

    /** A Kakao access token issued to our app for that account (mobile login). */
    String accessTokenFor(long kakaoId) {
        String token = "kat" + java.util.UUID.randomUUID().toString().replace("-", "");
        accessTokens.put(token, kakaoId);
        return token;
    }

    long tokenRequests() {
        return tokenRequests.get();
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getRequestUrl() == null ? "" : request.getRequestUrl().encodedPath();
        switch (path) {
            case "/oauth/token":
                tokenRequests.incrementAndGet();
                return token(form(request.getBody().readUtf8()));
            case "/v2/user/me":
                return me(bearer(request));
            case "/v1/user/access_token_info":
                return tokenInfo(bearer(request));
            case "/oauth/authorize":
                return authorize(request.getRequestUrl());
            default:
                return json(404, "{\"msg\":\"not found\",\"code\":-2}");
        }
    }

    /**
     * Kakao's authorize page, as a browser meets it once the user has agreed: a fresh account, and a
     * redirect back to the {@code redirect_uri} with a code for it and the request's {@code state}.
     */
    private MockResponse authorize(okhttp3.HttpUrl url) {
        String redirectUri = url.queryParameter("redirect_uri");
        if (!CLIENT_ID.equals(url.queryParameter("client_id")) || redirectUri == null) {
            return json(400, "{\"error\":\"invalid_request\"}");
        }
        long id = newAccount("브라우저 🌐");
        okhttp3.HttpUrl back = okhttp3.HttpUrl.get(redirectUri).newBuilder().addQueryParameter("code", codeFor(id))
                .addQueryParameter("state", url.queryParameter("state")).build();
        return new MockResponse().setResponseCode(302).setHeader("Location", back.toString());
    }

    private MockResponse token(Map<String, String> form) {
        if (FAILING_CODE.equals(form.get("code"))) {
            return new MockResponse().setResponseCode(500).setHeader("Content-Type", "text/html").setBody("<html>error</html>");
        }
        if (!CLIENT_ID.equals(form.get("client_id"))) {
            return json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Not exist client_id []\",\"error_code\":\"KOE101\"}");
        }
        Long kakaoId = form.get("code") == null ? null : codes.remove(form.get("code"));
        if (!"authorization_code".equals(form.get("grant_type")) || kakaoId == null) {
            return json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"authorization code not found for code=x\","
                    + "\"error_code\":\"KOE320\"}");
        }
        String accessToken = accessTokenFor(kakaoId);
        return json(200, "{\"token_type\":\"bearer\",\"access_token\":\"" + accessToken + "\",\"expires_in\":21599,"
                + "\"refresh_token\":\"pQ7vB2nX9kLcW4sE1tY6uI3oA8zR5mH0AAAAAgoXEC8AAAGV1kYOoi2N1GIgzv2p\","
                + "\"refresh_token_expires_in\":5183999,\"scope\":\"account_email profile_nickname\"}");
    }

    private MockResponse me(String token) {
        Long id = token == null ? null : accessTokens.get(token);
        if (id == null) {
            return json(401, "{\"msg\":\"this access token does not exist\",\"code\":-401}")
                    .addHeader("WWW-Authenticate", "Bearer error=invalid_token");
        }
        String nickname = nicknames.get(id);
        return json(200, "{\"id\":" + id + ",\"connected_at\":\"2025-07-30T08:51:33Z\","
                + "\"properties\":{\"nickname\":\"" + nickname + "\"},"
                + "\"kakao_account\":{\"profile_nickname_needs_agreement\":false,"
                + "\"profile\":{\"nickname\":\"" + nickname + "\",\"is_default_image\":true,\"is_default_nickname\":false},"
                + "\"has_email\":true,\"email_needs_agreement\":false,\"is_email_valid\":true,\"is_email_verified\":true,"
                + "\"email\":\"user" + id + "@kakao.example\"}}");
    }

    private MockResponse tokenInfo(String token) {
        Long id = token == null ? null : accessTokens.get(token);
        if (id == null) {
            return json(401, "{\"msg\":\"this access token does not exist\",\"code\":-401}");
        }
        return json(200, "{\"id\":" + id + ",\"expires_in\":7199,\"app_id\":" + APP_ID + "}");
    }

    private static String bearer(RecordedRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json;charset=UTF-8").setBody(body);
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
