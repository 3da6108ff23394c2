package io.ycbridge.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ycbridge.phone.PhoneNumber;
import io.ycbridge.record.RecordSource;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.record.StoredService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of VisitEventPolicy's table, and the noise that must not be news. */
class VisitEventPolicyTest {
    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-12-10T12:00:00+03:00");
    private static final List<StoredService> LINES = List.of(new StoredService(301, "Haircut", new BigDecimal("1500"), 1),
            new StoredService(302, "Beard trim", new BigDecimal("499.5"), 1));

    private static StoredRecord record(int attendance, boolean paid, boolean deleted, OffsetDateTime start, Long staff,
                                       List<StoredService> services) {
        return new StoredRecord(235564, 9001, Instant.parse("2026-12-01T09:00:00Z"), deleted, 4001L, new PhoneNumber("+79990000001"),
                staff, attendance, paid, services, start, Duration.ofHours(1), "7001", false, RecordSource.WEBHOOK);
    }

    private static final StoredRecord BOOKED = record(0, false, false, NOON, 55L, LINES);
    private static final StoredRecord CONFIRMED = record(2, false, false, NOON, 55L, LINES);
    private static final StoredRecord ARRIVED_UNPAID = record(1, false, false, NOON, 55L, LINES);
    private static final StoredRecord COMPLETED = record(1, true, false, NOON, 55L, LINES);
    private static final StoredRecord DELETED = BOOKED.withDeleted(true);
    private static final StoredRecord NO_SHOW = record(-1, false, false, NOON, 55L, LINES);
    private static final StoredRecord MOVED = BOOKED.withStartsAt(NOON.plusHours(3));
    private static final StoredRecord OTHER_MASTER = record(0, false, false, NOON, 56L, LINES);
    private static final StoredRecord SAME_START_IN_UTC = BOOKED.withStartsAt(OffsetDateTime.parse("2026-12-10T09:00:00Z"));
    private static final StoredRecord LINES_REORDERED = record(0, false, false, NOON, 55L, List.of(LINES.get(1), LINES.get(0)));
    private static final StoredRecord PRICE_CHANGED = record(0, false, false, NOON, 55L,
            List.of(new StoredService(301, "Haircut", new BigDecimal("1700"), 1)));
    private static final StoredRecord START_UNKNOWN = BOOKED.withStartsAt(null).withIncomplete(true);

    static Stream<Arguments> table() {
        return Stream.of(
                // absent →
                Arguments.of("new booking", null, BOOKED, EventType.VISIT_BOOKED),
                Arguments.of("first seen already completed", null, COMPLETED, EventType.VISIT_COMPLETED),
                Arguments.of("first seen deleted", null, DELETED, null),
                Arguments.of("first seen as a no-show", null, NO_SHOW, null),
                // active →
                Arguments.of("moved to another time", BOOKED, MOVED, EventType.VISIT_RESCHEDULED),
                Arguments.of("moved to another master", BOOKED, OTHER_MASTER, EventType.VISIT_RESCHEDULED),
                Arguments.of("confirmed", BOOKED, CONFIRMED, null),
                Arguments.of("arrived, not paid yet", CONFIRMED, ARRIVED_UNPAID, null),
                Arguments.of("services in another order", BOOKED, LINES_REORDERED, null),
                Arguments.of("same start in another offset", BOOKED, SAME_START_IN_UTC, null),
                Arguments.of("price changed", BOOKED, PRICE_CHANGED, null),
                Arguments.of("start not said by an incomplete version", BOOKED, START_UNKNOWN, null),
                Arguments.of("start said again after an incomplete version", START_UNKNOWN, BOOKED, null),
                Arguments.of("unchanged re-delivery", BOOKED, BOOKED, null),
                Arguments.of("completed", ARRIVED_UNPAID, COMPLETED, EventType.VISIT_COMPLETED),
                Arguments.of("cancelled", BOOKED, DELETED, EventType.VISIT_CANCELLED),
                Arguments.of("no-show", CONFIRMED, NO_SHOW, EventType.VISIT_CANCELLED),
                // completed →
                Arguments.of("completed, then unpaid again", COMPLETED, ARRIVED_UNPAID, null),
                Arguments.of("completed, then deleted", COMPLETED, COMPLETED.withDeleted(true), EventType.VISIT_CANCELLED),
                Arguments.of("completed, same again", COMPLETED, COMPLETED, null),
                // cancelled →
                Arguments.of("restored", DELETED, BOOKED, EventType.VISIT_BOOKED),
                Arguments.of("no-show corrected to completed", NO_SHOW, COMPLETED, EventType.VISIT_COMPLETED),
                Arguments.of("deleted, then marked no-show", DELETED, NO_SHOW, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void oneChange(String name, StoredRecord before, StoredRecord after, EventType expected) {
        assertEquals(Optional.ofNullable(expected), VisitEventPolicy.change(before, false, after, false));
    }

    @ParameterizedTest(name = "placeholder, then {0}")
    @MethodSource("table")
    void aPlaceholderIsAsIfNothingWasStored(String name, StoredRecord ignored, StoredRecord after, EventType expectedAfterNothing) {
        StoredRecord placeholder = StoredRecord.identified(235564, 9001, Instant.parse("2026-12-01T08:00:00Z"), RecordSource.WEBHOOK);
        assertEquals(VisitEventPolicy.change(null, false, after, false), VisitEventPolicy.change(placeholder, true, after, false));
        assertEquals(Optional.empty(), VisitEventPolicy.change(after, false, placeholder, true));
    }
}
