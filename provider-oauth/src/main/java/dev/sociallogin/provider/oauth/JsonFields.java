package dev.sociallogin.provider.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalLong;

/**
 * Lenient reading of provider answers (Jackson's tree model): unknown fields are never looked at,
 * a field of the wrong type counts as missing.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** The stripped text of {@code field}, or {@code null} when missing, not text or blank. */
    public static String text(JsonNode parent, String field) {
        if (parent == null) {
            return null;
        }
        JsonNode node = parent.get(field);
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText().strip() : null;
    }

    /** The object at {@code field}, or {@code null}. */
    public static JsonNode object(JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        return node != null && node.isObject() ? node : null;
    }

    /** Whether {@code field} is the JSON boolean {@code true}. */
    public static boolean isTrue(JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        return node != null && node.isBoolean() && node.booleanValue();
    }

    /**
     * A JSON integer that fits a {@code long}, read without going through {@code double} or
     * {@code int} (ids pass 2^53). Fractions, exponents, strings and overflow are refused.
     */
    public static OptionalLong exactLong(JsonNode node) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(node.longValue());
    }
}
