package dev.sociallogin.provider.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sociallogin.domain.error.DomainException;

/** How a provider's error answers become our error codes: by status and the provider's machine codes, never its text. */
@FunctionalInterface
public interface HttpErrors {

    /**
     * The failure for an error answer.
     *
     * @param status the HTTP status (200 for a token endpoint that answers errors with 200)
     * @param body   the answer's JSON object, or {@code null} when it was none
     */
    DomainException from(int status, JsonNode body);
}
