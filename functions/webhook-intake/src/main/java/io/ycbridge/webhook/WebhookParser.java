package io.ycbridge.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.yclients.ApiJson;
import java.util.Set;

/**
 * Reads and validates the envelope. Reasons name the field and what was wrong with it, never its value: bodies carry
 * clients' names and phones.
 */
final class WebhookParser {
    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final Set<String> STATUSES = Set.of("create", "update", "delete");
    // A record is a few levels deep; anything far deeper is hostile, and refusing it early bounds parse cost.
    private static final ObjectMapper JSON = ApiJson.mapper().copy();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    WebhookEvent parse(byte[] body) {
        if (body.length == 0) {
            throw new RejectedDeliveryException("empty body");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new RejectedDeliveryException("body larger than 256 KB");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new RejectedDeliveryException(e.getLocation() == null
                    ? "body is not valid JSON (" + (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException
                            ? "nested too deeply" : "unreadable") + ")"
                    : "body is not valid JSON (at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (java.io.IOException e) {
            throw new RejectedDeliveryException("body could not be read");
        }
        if (root == null || !root.isObject()) {
            throw new RejectedDeliveryException("body is not a JSON object");
        }
        long companyId = positiveId(root, "company_id");
        String resource = text(root, "resource");
        long resourceId = positiveId(root, "resource_id");
        String status = text(root, "status");
        if (!STATUSES.contains(status)) {
            throw new RejectedDeliveryException("status must be create, update or delete");
        }
        JsonNode data = root.path("data");
        if (!data.isMissingNode() && !data.isNull() && !data.isObject()) {
            throw new RejectedDeliveryException("data must be an object");
        }
        return new WebhookEvent(companyId, resource, resourceId, status, data.isObject() ? data : null);
    }

    /** A positive whole number, as a JSON number or a numeric string (the API sends both). */
    static long positiveId(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw new RejectedDeliveryException(field + " is missing");
        }
        long id;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            id = value.asLong();
        } else if (value.isTextual() && value.asText().matches("[0-9]{1,18}")) {
            id = Long.parseLong(value.asText());
        } else {
            throw new RejectedDeliveryException(field + " must be a positive whole number");
        }
        if (id <= 0) {
            throw new RejectedDeliveryException(field + " must be a positive whole number");
        }
        return id;
    }

    private static String text(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new RejectedDeliveryException(field + " must be a non-empty string");
        }
        return value.asText().strip();
    }
}
