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

    /** The message of an answer read as a tree (error statuses, whose bodies vary). */
    static String messageOf(JsonNode body) {
        if (body == null || !body.isContainerNode()) {
            return null;
        }
        return messageOf(body.path("meta"), body.path("errors"), body.path("message"));
    }

    /**
     * An online-booking refusal's error code (431–438). The reference says the answer carries one beside HTTP 422 but
     * its example shows only {@code meta.message}, so it is looked for in each place a code could stand:
     * {@code errors.code}, {@code meta.code}, {@code errors[0].code}, a top-level {@code code}. 0 when none is there.
     */
    static int errorCodeOf(JsonNode body) {
        for (JsonNode candidate : candidates(body, "code")) {
            if (candidate.canConvertToInt() || candidate.isTextual()) {
                int code = candidate.asInt(0);
                if (code != 0) {
                    return code;
                }
            }
        }
        return 0;
    }

    /** The {@code appointments[].id} a taken or overlapping time names ("в поле id передается идентификатор записи"). */
    static Long appointmentIdOf(JsonNode body) {
        for (JsonNode candidate : candidates(body, "id")) {
            if (candidate.isIntegralNumber() || (candidate.isTextual() && candidate.asText().matches("\\d{1,18}"))) {
                return candidate.asLong();
            }
        }
        return null;
    }

    private static JsonNode[] candidates(JsonNode body, String field) {
        if (body == null || !body.isObject()) {
            return new JsonNode[0];
        }
        return new JsonNode[] {body.path("errors").path(field), body.path("meta").path(field),
                body.path("errors").path(0).path(field), body.path(field)};
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
