package io.ycbridge.yclients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** A decoded {@code {success, data, meta}} answer whose {@code success} was true. */
record Envelope(JsonNode data, JsonNode meta) {
    static final Envelope EMPTY = new Envelope(MissingNode.getInstance(), MissingNode.getInstance());

    /** The API's own message from wherever this answer put it: meta.message, errors.message or message. */
    static String messageOf(JsonNode body) {
        if (body == null || !body.isContainerNode()) {
            return null;
        }
        for (JsonNode candidate : new JsonNode[] {
                body.path("meta").path("message"),
                body.path("errors").path("message"),
                body.path("errors").path(0).path("message"),
                body.path("message")}) {
            if (candidate.isTextual() && !candidate.asText().isBlank()) {
                return candidate.asText();
            }
        }
        return null;
    }
}
