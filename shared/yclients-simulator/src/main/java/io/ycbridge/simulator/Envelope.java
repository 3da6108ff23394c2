package io.ycbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The API's answer bodies. Success is {@code {"success": true, "data": ..., "meta": ...}} with {@code meta: []}
 * when there is nothing to say (PHP's empty array). Failures come in two shapes, and clients must read both.
 */
final class Envelope {
    private Envelope() {
    }

    static ObjectNode success(JsonNode data) {
        ObjectNode body = Json.object();
        body.put("success", true);
        body.set("data", data);
        body.putArray("meta");
        return body;
    }

    static ObjectNode success(JsonNode data, ObjectNode meta) {
        ObjectNode body = Json.object();
        body.put("success", true);
        body.set("data", data);
        body.set("meta", meta);
        return body;
    }

    /** {@code {"success": false, "data": null, "meta": {"message": ...}}}: most refusals. */
    static ObjectNode failure(String message) {
        ObjectNode body = Json.object();
        body.put("success", false);
        body.putNull("data");
        body.putObject("meta").put("message", message);
        return body;
    }

    /** {@code {"errors": {"message": ...}, "meta": []}}: the variant some 401 answers use. */
    static ObjectNode errors(String message) {
        ObjectNode body = Json.object();
        body.putObject("errors").put("message", message);
        body.putArray("meta");
        return body;
    }
}
