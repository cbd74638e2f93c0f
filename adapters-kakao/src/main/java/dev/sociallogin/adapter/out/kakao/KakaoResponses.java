package dev.sociallogin.adapter.out.kakao;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sociallogin.domain.model.Email;
import dev.sociallogin.domain.model.Nickname;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.domain.model.SocialIdentity;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Kakao's success bodies leniently: unknown fields are ignored and every part of
 * {@code kakao_account} is optional, but what we rely on ({@code access_token}, {@code id},
 * {@code app_id}) must be there and well-formed, or Kakao counts as unavailable.
 */
final class KakaoResponses {

    private static final Logger log = LoggerFactory.getLogger(KakaoResponses.class);

    private KakaoResponses() {
    }

    /** {@code access_token} of a {@code /oauth/token} answer. */
    static String accessToken(JsonNode body) {
        JsonNode token = body.get("access_token");
        if (token == null || !token.isTextual() || token.asText().isBlank()) {
            log.warn("Kakao token endpoint answered 200 without an access_token");
            throw KakaoErrors.unavailable("Kakao token endpoint answered without an access_token");
        }
        return token.asText();
    }

    /** {@code app_id} of an {@code access_token_info} answer. */
    static long appId(JsonNode body) {
        OptionalLong appId = exactLong(body.get("app_id"));
        if (appId.isEmpty()) {
            log.warn("Kakao access_token_info answered 200 without a usable app_id");
            throw KakaoErrors.unavailable("Kakao access_token_info answered without a usable app_id");
        }
        return appId.getAsLong();
    }

    /** The profile of a {@code /v2/user/me} answer. */
    static ProviderProfile profile(JsonNode body) {
        OptionalLong id = exactLong(body.get("id"));
        if (id.isEmpty() || id.getAsLong() <= 0) {
            log.warn("Kakao user/me answered 200 without a usable id");
            throw KakaoErrors.unavailable("Kakao user/me answered without a usable id");
        }
        SocialIdentity identity = new SocialIdentity(ProviderName.KAKAO, Long.toString(id.getAsLong()));

        JsonNode account = object(body.get("kakao_account"));
        JsonNode profile = account == null ? null : object(account.get("profile"));
        JsonNode properties = object(body.get("properties"));

        String email = text(account, "email");
        boolean emailKnown = email != null && Email.isValid(email);
        // Verified: confirmed by the user; valid: not since taken over by another Kakao account.
        boolean vouched = emailKnown && isTrue(account, "is_email_verified") && isTrue(account, "is_email_valid");

        return new ProviderProfile(identity, emailKnown ? new Email(email) : null, vouched, nickname(profile, properties));
    }

    private static Nickname nickname(JsonNode profile, JsonNode properties) {
        if (isTrue(profile, "is_default_nickname")) {
            // Kakao's placeholder ("닉네임을 등록해주세요", "please register a nickname") is not a name.
            return Nickname.of(null);
        }
        String nickname = text(profile, "nickname");
        if (nickname == null) {
            nickname = text(properties, "nickname");
        }
        return Nickname.of(nickname);
    }

    /**
     * A JSON integer that fits a {@code long}, read without going through {@code double} or
     * {@code int}: Kakao's ids pass 2^53. Fractions, exponents, strings and overflow are refused.
     */
    static OptionalLong exactLong(JsonNode node) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(node.longValue());
    }

    private static JsonNode object(JsonNode node) {
        return node != null && node.isObject() ? node : null;
    }

    private static String text(JsonNode parent, String field) {
        if (parent == null) {
            return null;
        }
        JsonNode node = parent.get(field);
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText().strip() : null;
    }

    private static boolean isTrue(JsonNode parent, String field) {
        if (parent == null) {
            return false;
        }
        JsonNode node = parent.get(field);
        return node != null && node.isBoolean() && node.booleanValue();
    }
}
