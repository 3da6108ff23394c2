package io.ycbridge.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every event the functions publish, from the event files through the real derivation, against its JSON Schema in
 * schemas/events (draft 2020-12, formats asserted); one schema per type, and no schema without a type.
 */
class DomainEventSchemaTest {
    private static final Path SCHEMAS = Path.of("../../schemas/events");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<EventType, Schema> SCHEMA = new EnumMap<>(EventType.class);

    @BeforeAll
    static void load() throws IOException {
        for (EventType type : EventType.values()) {
            try (InputStream in = Files.newInputStream(SCHEMAS.resolve(type.wire() + ".json"))) {
                SCHEMA.put(type, REGISTRY.getSchema(in));
            }
        }
    }

    @Test
    void theSchemasAreOnePerTypeAndNoMore() throws IOException {
        try (var files = Files.list(SCHEMAS)) {
            assertEquals(Arrays.stream(EventType.values()).map(type -> type.wire() + ".json").sorted().toList(),
                    files.map(file -> file.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void everyPublishedEventFitsItsSchema() {
        List<DomainEvent> events = published();
        assertEquals(Arrays.stream(EventType.values()).collect(Collectors.toSet()),
                events.stream().map(DomainEvent::type).collect(Collectors.toSet()), "every type is exercised");
        for (DomainEvent event : events) {
            List<Error> errors = SCHEMA.get(event.type()).validate(event.detail());
            assertTrue(errors.isEmpty(), event.type() + " " + errors);
        }
    }

    @Test
    void theSchemasRefuseWhatAConsumerCouldNotRelyOn() {
        DomainEvent moved = published().stream().filter(event -> event.type() == EventType.VISIT_RESCHEDULED).findFirst().orElseThrow();
        Schema schema = SCHEMA.get(EventType.VISIT_RESCHEDULED);

        ObjectNode withoutId = moved.detail();
        withoutId.remove("eventId");
        ObjectNode wrongType = moved.detail().put("type", "VisitBooked");
        ObjectNode noOffset = moved.detail();
        ((ObjectNode) noOffset.get("visit")).put("startsAt", "2026-11-20T15:00:00");
        ObjectNode signedAmount = published().stream().filter(event -> event.type() == EventType.BONUS_REDEEMED).findFirst()
                .orElseThrow().detail();
        ((ObjectNode) signedAmount.get("bonus")).put("amount", "-40.00");
        ObjectNode extra = moved.detail().put("phone", "+79990000001");

        for (ObjectNode bad : List.of(withoutId, wrongType, noOffset, extra)) {
            assertFalse(schema.validate(bad).isEmpty(), bad.toString());
        }
        assertFalse(SCHEMA.get(EventType.BONUS_REDEEMED).validate(signedAmount).isEmpty());
    }

    /** One of each type, derived from the event files by the handlers' own code; BonusExpiring as its publisher builds it. */
    private static List<DomainEvent> published() {
        List<DomainEvent> events = new ArrayList<>();
        VisitEvents visits = new VisitEvents(phone -> Optional.of("user-sub-1"), ZoneId.of("Europe/Moscow"));
        for (String file : List.of("visit-events/record-booked", "visit-events/record-moved", "visit-events/record-cancelled",
                "visit-events/record-deleted-without-data", "bonus-accrual/record-completed")) {
            VisitEventsHandlerTest.batch(file).forEach(change -> visits.of(change).ifPresent(events::add));
        }
        BonusEvents bonuses = new BonusEvents(ZoneId.of("Europe/Moscow"));
        for (String file : List.of("loyalty-mirror/entry-accrued", "loyalty-mirror/entry-from-card")) {
            VisitEventsHandlerTest.batch(file).forEach(change -> bonuses.of(change).ifPresent(events::add));
        }
        DomainEvent accrued = events.stream().filter(event -> event.type() == EventType.BONUS_ACCRUED).findFirst().orElseThrow();
        events.add(new DomainEvent(accrued.id().replace("accrual", "reversal"), EventType.BONUS_REVERSED, accrued.occurredAt(),
                accrued.companyId(), accrued.recordId(), accrued.userId(), null, accrued.bonus()));
        events.add(new DomainEvent("expiring-user-sub-1-2026-12-20", EventType.BONUS_EXPIRING, OffsetDateTime.parse("2026-12-06T09:00:00+03:00"),
                235564, null, "user-sub-1", null, BonusFacts.expiring(new BigDecimal("30"), OffsetDateTime.parse("2026-12-20T00:00:00+03:00"))));
        return events;
    }
}
