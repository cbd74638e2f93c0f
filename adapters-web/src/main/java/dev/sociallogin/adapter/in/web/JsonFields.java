package dev.sociallogin.adapter.in.web;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads string fields of a JSON object body; any other shape is a 400 invalid_request. */
final class JsonFields {

    private JsonFields() {
    }

    /** The body as an object; {@code null} (no body) stays {@code null} when the body is optional. */
    static JsonNode object(JsonBody body, boolean required) {
        if (body == null) {
            if (required) {
                throw new WebException(WebError.INVALID_REQUEST);
            }
            return null;
        }
        if (!body.node().isObject()) {
            throw new WebException(WebError.INVALID_REQUEST);
        }
        return body.node();
    }

    /** The field's string, {@code null} when absent or JSON null; any other type is a 400. */
    static String optionalText(JsonNode object, String field) {
        if (object == null) {
            return null;
        }
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new WebException(WebError.INVALID_REQUEST);
        }
        return value.textValue();
    }

    static String requiredText(JsonNode object, String field) {
        String text = optionalText(object, field);
        if (text == null || text.isEmpty()) {
            throw new WebException(WebError.INVALID_REQUEST);
        }
        return text;
    }
}
