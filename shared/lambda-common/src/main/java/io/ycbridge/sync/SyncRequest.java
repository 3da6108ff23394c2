package io.ycbridge.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One company to sync: {@code {"companyId": 235564}} for the regular sync, plus {@code "from"} and {@code "to"}
 * (ISO-8601 instants) for a back-fill of that window. The same shape is the on-demand event and the body of a queue
 * message, so an operator can send either by hand.
 */
public record SyncRequest(long companyId, Instant from, Instant to) {
    public SyncRequest {
        if (companyId <= 0) {
            throw new IllegalArgumentException("companyId must be a positive YClients company id, was " + companyId);
        }
        if ((from == null) != (to == null)) {
            throw new IllegalArgumentException("a back-fill needs both from and to");
        }
        if (from != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("a back-fill needs from before to, got " + from + " .. " + to);
        }
    }

    public static SyncRequest company(long companyId) {
        return new SyncRequest(companyId, null, null);
    }

    public boolean backfill() {
        return from != null;
    }

    /** @throws IllegalArgumentException naming the field that is missing or malformed */
    public static SyncRequest fromJson(JsonNode node) {
        JsonNode id = node.path("companyId");
        if (!id.canConvertToLong() || !(id.isNumber() || id.isTextual())) {
            throw new IllegalArgumentException("the request has no numeric companyId");
        }
        long companyId = id.isNumber() ? id.asLong() : parseId(id.asText());
        return new SyncRequest(companyId, instant(node, "from"), instant(node, "to"));
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("companyId", companyId);
        if (from != null) {
            node.put("from", from.toString());
            node.put("to", to.toString());
        }
        return node;
    }

    private static long parseId(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("companyId is not a number");
        }
    }

    private static Instant instant(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }
}
