package io.ycbridge.event;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One thing that happened, as published. {@code id} is a function of the stored change alone (the record's version,
 * the ledger entry's id), so a stream batch delivered twice publishes the same id twice and a consumer drops the second;
 * it never names a phone. Exactly one of {@code visit} and {@code bonus} is set, as the type says.
 */
public record DomainEvent(String id, EventType type, OffsetDateTime occurredAt, long companyId, Long recordId, String userId,
                          VisitFacts visit, BonusFacts bonus) {
    /** The schemas' version; a change that is not backwards compatible gets new schema files and a new number. */
    public static final int SCHEMA_VERSION = 1;

    public DomainEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if ((visit == null) == (bonus == null)) {
            throw new IllegalArgumentException("an event tells of a visit or of a bonus, exactly one");
        }
    }

    /** The event's {@code detail}, as its schema in {@code schemas/events/<type>.json} describes it. */
    public ObjectNode detail() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode detail = json.objectNode()
                .put("eventId", id)
                .put("type", type.wire())
                .put("schemaVersion", SCHEMA_VERSION)
                .put("occurredAt", time(occurredAt))
                .put("companyId", companyId);
        if (recordId == null) {
            detail.putNull("recordId");
        } else {
            detail.put("recordId", recordId);
        }
        detail.put("userId", userId);
        if (visit != null) {
            ObjectNode node = detail.putObject("visit");
            node.put("startsAt", time(visit.startsAt()));
            if (type == EventType.VISIT_RESCHEDULED) {
                node.put("previousStartsAt", time(visit.previousStartsAt()));
            }
            node.put("staffId", visit.staffId());
            if (type == EventType.VISIT_RESCHEDULED) {
                node.put("previousStaffId", visit.previousStaffId());
            }
            ArrayNode services = node.putArray("serviceIds");
            visit.serviceIds().forEach(services::add);
            node.put("price", money(visit.price()));
            node.put("status", visit.status());
        } else if (bonus.expiresAt() != null) {
            detail.putObject("bonus").put("amount", money(bonus.amount())).put("expiresAt", time(bonus.expiresAt()));
        } else {
            detail.putObject("bonus").put("entryId", bonus.entryId()).put("amount", money(bonus.amount()))
                    .put("source", bonus.source()).put("reason", bonus.reason());
        }
        return detail;
    }

    private static String time(OffsetDateTime value) {
        return value == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
    }

    /** Two decimals, as the app's API writes money ({@code "75.00"}). */
    private static String money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
