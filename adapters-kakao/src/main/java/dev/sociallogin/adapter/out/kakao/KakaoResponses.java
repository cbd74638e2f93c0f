package dev.sociallogin.adapter.out.kakao;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sociallogin.domain.model.Email;
import dev.sociallogin.domain.model.Nickname;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.ProviderProfile;
import dev.sociallogin.domain.model.SocialIdentity;
import dev.sociallogin.provider.oauth.JsonFields;
import dev.sociallogin.provider.oauth.ProviderErrors;
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

    /** {@code app_id} of an {@code access_token_info} answer. */
    static long appId(JsonNode body) {
        OptionalLong appId = JsonFields.exactLong(body.get("app_id"));
        if (appId.isEmpty()) {
            log.warn("Kakao access_token_info answered 200 without a usable app_id");
            throw ProviderErrors.unavailable("Kakao access_token_info answered without a usable app_id");
        }
        return appId.getAsLong();
    }

    /** The profile of a {@code /v2/user/me} answer. */
    static ProviderProfile profile(JsonNode body) {
        OptionalLong id = JsonFields.exactLong(body.get("id"));
        if (id.isEmpty() || id.getAsLong() <= 0) {
            log.warn("Kakao user/me answered 200 without a usable id");
            throw ProviderErrors.unavailable("Kakao user/me answered without a usable id");
        }
        SocialIdentity identity = new SocialIdentity(ProviderName.KAKAO, Long.toString(id.getAsLong()));

        JsonNode account = JsonFields.object(body, "kakao_account");
        JsonNode profile = account == null ? null : JsonFields.object(account, "profile");
        JsonNode properties = JsonFields.object(body, "properties");

        String email = JsonFields.text(account, "email");
        boolean emailKnown = email != null && Email.isValid(email);
        // Verified: confirmed by the user; valid: not since taken over by another Kakao account.
        boolean vouched = emailKnown && JsonFields.isTrue(account, "is_email_verified") && JsonFields.isTrue(account, "is_email_valid");

        return new ProviderProfile(identity, emailKnown ? new Email(email) : null, vouched, nickname(profile, properties));
    }

    private static Nickname nickname(JsonNode profile, JsonNode properties) {
        if (JsonFields.isTrue(profile, "is_default_nickname")) {
            // Kakao's placeholder ("닉네임을 등록해주세요", "please register a nickname") is not a name.
            return Nickname.of(null);
        }
        String nickname = JsonFields.text(profile, "nickname");
        if (nickname == null) {
            nickname = JsonFields.text(properties, "nickname");
        }
        return Nickname.of(nickname);
    }
}
