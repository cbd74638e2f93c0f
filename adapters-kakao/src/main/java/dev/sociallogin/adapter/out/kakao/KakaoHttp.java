package dev.sociallogin.adapter.out.kakao;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import java.io.IOException;
import java.io.InterruptedIOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request to Kakao and gives back its JSON object, or throws the classified
 * {@link DomainException}. Every response is closed; bodies are read only up to {@link #MAX_BODY_BYTES}.
 */
final class KakaoHttp {

    /** Kakao's answers are a few hundred bytes; anything far larger is not what we asked for. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(KakaoHttp.class);

    /**
     * Tree model only: integers keep their exact type (int, long, BigInteger, never double), so ids
     * stay exact; unknown fields are simply never looked at.
     */
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** Which Kakao answer shape to expect when the call fails. */
    enum Endpoint {
        TOKEN("token endpoint"),
        USER_ME("user/me"),
        ACCESS_TOKEN_INFO("access_token_info");

        private final String label;

        Endpoint(String label) {
            this.label = label;
        }
    }

    private final OkHttpClient client;

    KakaoHttp(OkHttpClient client) {
        this.client = client;
    }

    /** The client Kakao calls go through: bounded in time, no redirects (a 3xx is an error here). */
    static OkHttpClient newClient(KakaoSettings settings) {
        return new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                // Per call cap, so that a body trickling in just under the read timeout still ends.
                .callTimeout(settings.connectTimeout().plus(settings.readTimeout().multipliedBy(2)))
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
    }

    OkHttpClient client() {
        return client;
    }

    JsonNode call(Request request, Endpoint endpoint) {
        try (Response response = client.newCall(request).execute()) {
            byte[] body = readLimited(response, endpoint);
            JsonNode json = parseObject(body);
            if (response.isSuccessful()) {
                if (json == null) {
                    log.warn("Kakao {} answered HTTP {} with a body that is not a JSON object ({} bytes)",
                            endpoint.label, response.code(), body.length);
                    throw KakaoErrors.unavailable("Kakao " + endpoint.label + " answered a body that is not JSON");
                }
                return json;
            }
            throw error(endpoint, response.code(), json);
        } catch (InterruptedIOException e) {
            // SocketTimeoutException and OkHttp's call timeout both land here.
            log.warn("Kakao {} did not answer in time", endpoint.label);
            throw new DomainException(ErrorCode.PROVIDER_UNAVAILABLE, "Kakao " + endpoint.label + " timed out", e);
        } catch (IOException e) {
            log.warn("Kakao {} unreachable: {}", endpoint.label, e.getClass().getSimpleName());
            throw new DomainException(ErrorCode.PROVIDER_UNAVAILABLE, "Kakao " + endpoint.label + " unreachable", e);
        }
    }

    private static DomainException error(Endpoint endpoint, int status, JsonNode json) {
        return endpoint == Endpoint.TOKEN
                ? KakaoErrors.fromTokenEndpoint(status, json)
                : KakaoErrors.fromUserApi(endpoint.label, status, json);
    }

    private static byte[] readLimited(Response response, Endpoint endpoint) throws IOException {
        BufferedSource source = response.body().source();
        if (source.request(MAX_BODY_BYTES + 1L)) {
            log.warn("Kakao {} answered HTTP {} with a body over {} bytes", endpoint.label, response.code(), MAX_BODY_BYTES);
            throw KakaoErrors.unavailable("Kakao " + endpoint.label + " answered an oversized body");
        }
        // request() returned false: the source is exhausted and the whole body is buffered.
        return source.getBuffer().readByteArray();
    }

    /**
     * The body as a JSON object, or {@code null} when it is empty, not JSON or not an object.
     * Jackson's exception is dropped on purpose: its message quotes the offending input, which may
     * be a token.
     */
    private static JsonNode parseObject(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
