package io.ycbridge.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.edge.BatchItemFailures;
import io.ycbridge.edge.StreamChange;
import io.ycbridge.fixture.Invocations;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.observe.LogSink;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The visit events through their real trigger: RecordsTable stream batches as Lambda delivers them (the event files). */
class VisitEventsHandlerTest {
    private static final String LINKED_PHONE = "+79990000001";
    private final RecordingBus bus = new RecordingBus();
    private final LogSink.Captured logs = new LogSink.Captured();

    private VisitEventsHandler handler() {
        VisitEvents events = new VisitEvents(phone -> LINKED_PHONE.equals(phone) ? Optional.of("user-sub-1") : Optional.empty(),
                ZoneId.of("Europe/Moscow"));
        return new VisitEventsHandler(new StreamEventPublisher(events::of, bus, new DecisionLog("visit-events", logs, Clock.systemUTC()),
                new EmfMetrics("visit-events", logs, Clock.systemUTC())));
    }

    @Test
    void aNewRecordIsBookedForTheUserWhosePhoneItNames() {
        BatchItemFailures failures = handler().handle(batch("visit-events/record-booked"), null);

        assertTrue(failures.itemIdentifiers().isEmpty());
        assertEquals(List.of(EventType.VISIT_BOOKED), bus.types());
        DomainEvent booked = bus.published.getFirst();
        assertEquals("235564-9001-visit-booked-1763632800000", booked.id());
        assertEquals("user-sub-1", booked.userId());
        assertEquals(OffsetDateTime.parse("2026-11-20T12:00:00+03:00"), booked.visit().startsAt());
        assertEquals("+03:00", booked.occurredAt().getOffset().getId());
        assertEquals(List.of(301L, 302L), booked.visit().serviceIds());
        assertEquals("1999.50", booked.visit().price().toPlainString());
        assertEquals("booked", booked.visit().status());
    }

    @Test
    void aMoveSaysWhereFromAndWhereTo() {
        handler().handle(batch("visit-events/record-moved"), null);

        assertEquals(List.of(EventType.VISIT_RESCHEDULED), bus.types());
        VisitFacts visit = bus.published.getFirst().visit();
        assertEquals(OffsetDateTime.parse("2026-11-20T15:00:00+03:00"), visit.startsAt());
        assertEquals(OffsetDateTime.parse("2026-11-20T12:00:00+03:00"), visit.previousStartsAt());
    }

    @Test
    void confirmationArrivalReorderedServicesAndAnotherOffsetAreNoNews() {
        BatchItemFailures failures = handler().handle(batch("visit-events/record-noise"), null);

        assertTrue(failures.itemIdentifiers().isEmpty());
        assertEquals(List.of(), bus.types());
        assertTrue(logs.lines().stream().anyMatch(line -> line.contains("NO_NEWS")));
    }

    @Test
    void theRecordsOfTheAccrualFunctionTellTheSameStory() {
        for (String file : List.of("bonus-accrual/record-completed", "bonus-accrual/record-cancelled-after-completion",
                "visit-events/record-cancelled", "visit-events/record-filled-in")) {
            handler().handle(batch(file), null);
        }

        assertEquals(List.of(EventType.VISIT_COMPLETED, EventType.VISIT_CANCELLED, EventType.VISIT_CANCELLED, EventType.VISIT_BOOKED),
                bus.types());
    }

    @Test
    void aDeleteWithoutDataIsACancellationOnceAndTheApiVersionAfterItIsNoNews() {
        BatchItemFailures failures = handler().handle(batch("visit-events/record-deleted-without-data"), null);

        assertTrue(failures.itemIdentifiers().isEmpty());
        assertEquals(List.of(EventType.VISIT_CANCELLED), bus.types());
        DomainEvent cancelled = bus.published.getFirst();
        assertEquals("235564-9001-visit-cancelled-1763640000000-r2", cancelled.id());
        assertEquals(OffsetDateTime.parse("2026-11-20T12:00:00+03:00"), cancelled.visit().startsAt());
        assertEquals("cancelled", cancelled.visit().status());
    }

    @Test
    void theSameBatchDeliveredTwiceNamesTheSameEvents() {
        handler().handle(batch("visit-events/record-moved"), null);
        handler().handle(batch("visit-events/record-moved"), null);

        assertEquals(2, bus.published.size());
        assertEquals(bus.published.get(0).id(), bus.published.get(1).id());
        assertEquals(bus.published.get(0).detail(), bus.published.get(1).detail());
    }

    @Test
    void anEventTheBusRefusesIsReportedByItsItemAndAnUnlinkedClientHasNoUser() {
        bus.refusing(event -> event.type() == EventType.VISIT_BOOKED);
        List<StreamChange> batch = batch("visit-events/record-booked");

        BatchItemFailures failures = handler().handle(batch, null);

        assertEquals(List.of(batch.getFirst().sequenceNumber()), failures.itemIdentifiers());
        assertTrue(logs.lines().stream().anyMatch(line -> line.contains("REFUSED")));
        assertTrue(logs.lines().stream().noneMatch(line -> line.contains(LINKED_PHONE)));
    }

    @Test
    void aMalformedItemIsReportedAndTheRestStillGoesOut() {
        List<StreamChange> batch = batch("bonus-accrual/batch-with-malformed-item");

        BatchItemFailures failures = handler().handle(batch, null);

        assertEquals(1, failures.itemIdentifiers().size());
        assertTrue(logs.lines().stream().anyMatch(line -> line.contains("UNREADABLE")));
    }

    @Test
    void aClientWithoutALinkedUserIsPublishedWithNone() {
        VisitEvents events = new VisitEvents(phone -> Optional.empty(), ZoneId.of("Europe/Moscow"));
        new VisitEventsHandler(new StreamEventPublisher(events::of, bus, new DecisionLog("visit-events", logs, Clock.systemUTC()),
                new EmfMetrics("visit-events", logs, Clock.systemUTC()))).handle(batch("visit-events/record-booked"), null);

        assertNull(bus.published.getFirst().userId());
        assertTrue(bus.published.getFirst().detail().has("userId"));
    }

    static List<StreamChange> batch(String name) {
        return Invocations.stream("../../events/" + name + ".json");
    }
}
