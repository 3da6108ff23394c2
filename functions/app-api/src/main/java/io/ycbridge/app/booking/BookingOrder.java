package io.ycbridge.app.booking;

import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.app.QueryIds;
import io.ycbridge.app.RequestBody;
import io.ycbridge.app.RequestRefused;
import io.ycbridge.catalog.CatalogStore;
import io.ycbridge.yclients.ApiTimestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /v1/bookings}: one appointment (company, services, a master or any, a time from
 * {@code GET /v1/booking/times}), an optional comment, and the SMS code in the second step. Who books is never in the
 * body: name, phone and e-mail are the caller's profile and proven phone.
 *
 * @param staffId 0 for any master, as the API takes it
 */
public record BookingOrder(long companyId, List<Long> services, long staffId, OffsetDateTime datetime, String comment, String code) {
    static final int MAX_SERVICES = 10;
    static final int MAX_COMMENT = 500;

    public BookingOrder {
        services = List.copyOf(services);
    }

    /** Parses and checks the body; every refusal names the field. */
    public static BookingOrder parse(byte[] body) {
        JsonNode json = RequestBody.object(body);
        long company = json.path("company").canConvertToExactIntegral() && json.path("company").asLong() > 0
                ? json.path("company").asLong() : refuse("company is required: the YClients company (branch) id");
        List<Long> services = services(json.path("services"));
        long staff = staff(json.path("staff"));
        OffsetDateTime datetime = datetime(json.path("datetime"));
        String comment = optionalText(json, "comment", MAX_COMMENT);
        String code = optionalText(json, "code", 10);
        if (code != null && !code.matches("\\d{4,8}")) {
            throw new RequestRefused(400, "code must be the 4 to 8 digits of the SMS");
        }
        return new BookingOrder(company, services, staff, datetime, comment, code);
    }

    /** The API's form of the time: sent back as {@code book_times} gave it. */
    public ApiTimestamp apiDatetime() {
        return ApiTimestamp.of(datetime);
    }

    /**
     * What makes two requests the same booking: everything but the SMS code, which the second step adds under the same
     * {@code Idempotency-Key}.
     */
    public String fingerprint() {
        return CatalogStore.hash(companyId + "|" + services + "|" + staffId + "|" + datetime.toInstant() + "|" + (comment == null ? "" : comment));
    }

    private static List<Long> services(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw new RequestRefused(400, "services is required: a list of 1 to " + MAX_SERVICES + " service ids");
        }
        if (node.size() > MAX_SERVICES) {
            throw new RequestRefused(400, "services takes at most " + MAX_SERVICES + " ids");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode id : node) {
            long value = id.canConvertToExactIntegral() ? id.asLong() : id.isTextual() ? QueryIds.positiveId(id.asText(), "service") : 0;
            if (value <= 0) {
                throw new RequestRefused(400, "services must hold positive numeric ids");
            }
            if (!ids.contains(value)) {
                ids.add(value);
            }
        }
        return ids;
    }

    private static long staff(JsonNode node) {
        if (node.isMissingNode() || node.isNull() || (node.isTextual() && node.asText().equalsIgnoreCase("any"))) {
            return 0;
        }
        if (node.canConvertToExactIntegral() && node.asLong() >= 0) {
            return node.asLong();
        }
        return refuse("staff must be a master's numeric id, or 0 or 'any' for any master");
    }

    private static OffsetDateTime datetime(JsonNode node) {
        return BookingTime.parse(node.isTextual() ? node.asText() : null);
    }

    private static String optionalText(JsonNode json, String field, int maxLength) {
        JsonNode node = json.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new RequestRefused(400, field + " must be a string");
        }
        String text = node.asText().strip();
        if (text.length() > maxLength) {
            throw new RequestRefused(400, field + " takes at most " + maxLength + " characters");
        }
        return text.isEmpty() ? null : text;
    }

    private static long refuse(String reason) {
        throw new RequestRefused(400, reason);
    }

    @Override
    public String toString() {
        return "BookingOrder[company " + companyId + ", services " + services + ", staff " + staffId + ", " + datetime + "]";
    }
}
