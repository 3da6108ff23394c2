package io.ycbridge.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.yclients.ApiJson;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Events in one delivery at most. Each may need a read-back from the API, so the cap keeps a delivery inside the
     * function's time; the body cap alone would allow some thousands of small events.
     */
    static final int MAX_EVENTS = 100;

    /** One element of a delivery: its event, or why it was refused. */
    record Element(WebhookEvent event, String rejection) {
    }

    /** @param batch whether the body was an array (of any length) rather than one event object */
    record Delivery(List<Element> elements, boolean batch) {
    }

    /**
     * A delivery as YClients sends it, one event object, or as some Altegio senders do, a JSON array of them: each
     * element is checked on its own, so one bad element refuses only itself.
     *
     * @throws RejectedDeliveryException when the body as a whole is unusable (not JSON, empty, too large)
     */
    Delivery parseDelivery(byte[] body) {
        JsonNode root = tree(body);
        if (!root.isArray()) {
            return new Delivery(List.of(new Element(event(root), null)), false);
        }
        if (root.isEmpty()) {
            throw new RejectedDeliveryException("body is an empty array");
        }
        if (root.size() > MAX_EVENTS) {
            throw new RejectedDeliveryException("body holds " + root.size() + " events, more than " + MAX_EVENTS + " in one delivery");
        }
        List<Element> elements = new ArrayList<>(root.size());
        for (JsonNode element : root) {
            try {
                elements.add(new Element(event(element), null));
            } catch (RejectedDeliveryException refused) {
                elements.add(new Element(null, refused.getMessage()));
            }
        }
        return new Delivery(elements, true);
    }

    private static JsonNode tree(byte[] body) {
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
        if (root == null || !(root.isObject() || root.isArray())) {
            throw new RejectedDeliveryException("body is not a JSON object or an array of them");
        }
        return root;
    }

    private static WebhookEvent event(JsonNode root) {
        if (!root.isObject()) {
            throw new RejectedDeliveryException("event is not a JSON object");
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
