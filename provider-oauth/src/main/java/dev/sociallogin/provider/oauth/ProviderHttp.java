package dev.sociallogin.provider.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request to a provider and gives back its JSON object, or throws the classified
 * {@link DomainException}. Every response is closed; bodies are read only up to
 * {@link #MAX_BODY_BYTES}; redirects are not followed; time is bounded per call.
 */
public final class ProviderHttp {

    /** Providers' answers are a few kilobytes at most; anything far larger is not what we asked for. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ProviderHttp.class);

    /**
     * Tree model only: integers keep their exact type (never double), so ids stay exact; duplicate
     * keys are refused, so an answer cannot say two things at once.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String provider;
    private final OkHttpClient client;

    /** @param provider the provider's display name for logs and messages ({@code Kakao}) */
    public ProviderHttp(String provider, OkHttpClient client) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.client = Objects.requireNonNull(client, "client");
    }

    /** A client bounded in time (connect, read, write, and the whole call), following no redirect. */
    public static OkHttpClient newClient(Duration connectTimeout, Duration readTimeout) {
        return new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                // per call cap, so that a body trickling in just under the read timeout still ends
                .callTimeout(connectTimeout.plus(readTimeout.multipliedBy(2)))
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
    }

    public OkHttpClient client() {
        return client;
    }

    /** The provider's display name. */
    public String provider() {
        return provider;
    }

    /** {@code GET url} with {@code Authorization: Bearer accessToken}: its JSON object. */
    public JsonNode getWithBearer(HttpUrl url, String accessToken, String endpoint, HttpErrors errors) {
        return send(bearer(url, accessToken), endpoint, errors, false);
    }

    /** {@code GET url} with {@code Authorization: Bearer accessToken}, for APIs that answer a JSON array (GitHub's {@code /user/emails}). */
    public JsonNode getArrayWithBearer(HttpUrl url, String accessToken, String endpoint, HttpErrors errors) {
        return send(bearer(url, accessToken), endpoint, errors, true);
    }

    private static Request bearer(HttpUrl url, String accessToken) {
        return new Request.Builder()
                .url(url)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .get()
                .build();
    }

    /** {@code GET url} of a public document (discovery, keys). */
    public JsonNode get(HttpUrl url, String endpoint, HttpErrors errors) {
        return call(new Request.Builder().url(url).header("Accept", "application/json").get().build(), endpoint, errors);
    }

    /**
     * Sends {@code request}: a 2xx answer's JSON object, or {@code errors}' verdict on any other
     * status, {@code PROVIDER_UNAVAILABLE} for a 2xx that is not a JSON object, a timeout or an I/O failure.
     *
     * @param endpoint what was called, for logs and messages ({@code token endpoint})
     */
    public JsonNode call(Request request, String endpoint, HttpErrors errors) {
        return send(request, endpoint, errors, false);
    }

    private JsonNode send(Request request, String endpoint, HttpErrors errors, boolean array) {
        try (Response response = client.newCall(request).execute()) {
            byte[] body = readLimited(response, endpoint);
            JsonNode json = parseObject(body);
            if (response.isSuccessful()) {
                if (array) {
                    JsonNode parsed = parse(body);
                    if (parsed != null && parsed.isArray()) {
                        return parsed;
                    }
                    json = null;
                }
                if (json == null) {
                    log.warn("{} {} answered HTTP {} with a body that is not a JSON object ({} bytes)", provider, endpoint,
                            response.code(), body.length);
                    throw ProviderErrors.unavailable(provider + " " + endpoint + " answered a body that is not JSON");
                }
                return json;
            }
            throw errors.from(response.code(), json);
        } catch (InterruptedIOException e) {
            // SocketTimeoutException and OkHttp's call timeout both land here
            log.warn("{} {} did not answer in time", provider, endpoint);
            throw new DomainException(ErrorCode.PROVIDER_UNAVAILABLE, provider + " " + endpoint + " timed out", e);
        } catch (IOException e) {
            log.warn("{} {} unreachable: {}", provider, endpoint, e.getClass().getSimpleName());
            throw new DomainException(ErrorCode.PROVIDER_UNAVAILABLE, provider + " " + endpoint + " unreachable", e);
        }
    }

    private byte[] readLimited(Response response, String endpoint) throws IOException {
        BufferedSource source = response.body().source();
        if (source.request(MAX_BODY_BYTES + 1L)) {
            log.warn("{} {} answered HTTP {} with a body over {} bytes", provider, endpoint, response.code(), MAX_BODY_BYTES);
            throw ProviderErrors.unavailable(provider + " " + endpoint + " answered an oversized body");
        }
        // request() returned false: the source is exhausted and the whole body is buffered
        return source.getBuffer().readByteArray();
    }

    /**
     * The body as a JSON object, or {@code null} when it is empty, not JSON or not an object.
     * Jackson's exception is dropped on purpose: its message quotes the offending input, which may
     * be a token.
     */
    static JsonNode parseObject(byte[] body) {
        JsonNode node = parse(body);
        return node != null && node.isObject() ? node : null;
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
