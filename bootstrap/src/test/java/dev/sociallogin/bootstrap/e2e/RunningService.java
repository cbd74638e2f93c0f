package dev.sociallogin.bootstrap.e2e;

import dev.sociallogin.bootstrap.Service;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole service wired as {@code Main} wires it (same Spring configurations, real Tomcat, real
 * database, real JWT codec, the Kakao adapter talking HTTP to {@link KakaoFake}), in this JVM,
 * on a free port. Configuration is a map instead of the environment.
 */
final class RunningService implements AutoCloseable {

    static final String SECRET = "e2e-secret-0123456789abcdef-0123456789abcdef";

    private final Service service;
    final String baseUrl;
    final Http http;

    RunningService(Map<String, String> variables) {
        service = Service.start(Map.copyOf(variables)::get);
        baseUrl = "http://127.0.0.1:" + service.port();
        http = new Http(baseUrl);
    }

    /**
     * The usual test configuration: Kakao at the fake, a fixed secret, port 0, no management listener,
     * no rate limits (every request here comes from 127.0.0.1), plus {@code overrides}.
     */
    static Map<String, String> variables(KakaoFake kakao, String dataDir, String... overrides) {
        Map<String, String> variables = new HashMap<>();
        variables.put("AUTH_HTTP_PORT", "0");
        variables.put("AUTH_MANAGEMENT_PORT", "0");
        variables.put("AUTH_RATE_LIMIT_LOGIN", "off");
        variables.put("AUTH_RATE_LIMIT_REFRESH", "off");
        variables.put("AUTH_DATA_DIR", dataDir);
        variables.put("AUTH_JWT_SECRET", SECRET);
        variables.put("KAKAO_CLIENT_ID", KakaoFake.CLIENT_ID);
        variables.put("KAKAO_APP_ID", Long.toString(KakaoFake.APP_ID));
        variables.put("KAKAO_AUTH_BASE_URL", kakao.baseUrl());
        variables.put("KAKAO_API_BASE_URL", kakao.baseUrl());
        for (int i = 0; i < overrides.length; i += 2) {
            variables.put(overrides[i], overrides[i + 1]);
        }
        return variables;
    }

    @Override
    public void close() {
        service.close();
    }
}
