package io.ycbridge.yclients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The API's {@code {success, data, meta}} answer, decoded in one pass with {@code data} already typed. Failures put
 * their message in {@code meta.message}, {@code errors.message} or a top-level {@code message}.
 */
record Envelope<T>(Boolean success, T data, JsonNode meta, JsonNode errors, JsonNode message) {

    boolean failed() {
        return Boolean.FALSE.equals(success);
    }

    String apiMessage() {
        return messageOf(meta, errors, message);
    }

    /** The message of an answer read as a tree (error statuses, whose bodies vary). */
    static String messageOf(JsonNode body) {
        if (body == null || !body.isContainerNode()) {
            return null;
        }
        return messageOf(body.path("meta"), body.path("errors"), body.path("message"));
    }

    private static String messageOf(JsonNode meta, JsonNode errors, JsonNode message) {
        for (JsonNode candidate : new JsonNode[] {
                node(meta).path("message"), node(errors).path("message"), node(errors).path(0).path("message"), node(message)}) {
            if (candidate.isTextual() && !candidate.asText().isBlank()) {
                return candidate.asText();
            }
        }
        return null;
    }

    private static JsonNode node(JsonNode value) {
        return value == null ? MissingNode.getInstance() : value;
    }
}
