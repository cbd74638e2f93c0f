package dev.sociallogin.adapter.in.web;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request's JSON body as a tree. Its toString hides the content (tokens, codes), since Spring
 * logs request bodies at DEBUG.
 */
record JsonBody(JsonNode node) {

    @Override
    public String toString() {
        return "JsonBody[redacted]";
    }
}
