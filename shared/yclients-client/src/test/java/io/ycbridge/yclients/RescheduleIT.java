package io.ycbridge.yclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.simulator.Fault;
import io.ycbridge.simulator.MessageLanguage;
import io.ycbridge.simulator.RecordRules;
import io.ycbridge.simulator.SimulatorDefaults;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.simulator.YClientsSimulator;
import io.ycbridge.yclients.model.BookedRecord;
import io.ycbridge.yclients.model.BookingAppointment;
import io.ycbridge.yclients.model.BookingRequest;
import io.ycbridge.yclients.model.Record;
import io.ycbridge.yclients.model.RescheduledRecord;
import io.ycbridge.yclients.model.UserRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A booking user's move and cancel, the client against the simulator: a move needs the user token beside the partner
 * token, lands on the record (its start and its change date, so a sync sees it), may be repeated, and is refused for a
 * taken time; both follow the company's rules for records, which the user's record shows. The demo branch books
 * without SMS codes; the simulator's clock starts at 20 November 2026, 11:00 in Kyiv.
 */
class RescheduleIT {
    private static final long BRANCH = SimulatorSeed.DEMO_BRANCH_ID;
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static YClientsSimulator sim;
    private static YClientsClient app;
    private static YClientsClient user;

    @BeforeAll
    static void start() {
        sim = DemoBooking.simulator();
        app = DemoBooking.client(sim, Credentials.partnerOnly(SimulatorDefaults.PARTNER_TOKEN));
        user = DemoBooking.client(sim, new Credentials(SimulatorDefaults.PARTNER_TOKEN, SimulatorDefaults.USER_TOKEN));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.faults().clear();
        sim.clearRequests();
        sim.messages(MessageLanguage.RU);
        sim.bookingForms().recordRules(BRANCH, RecordRules.ALLOW_ALL);
    }

    private static ApiTimestamp at(int day, int hour) {
        return ApiTimestamp.of(LocalDateTime.of(2026, 11, day, hour, 0).atZone(KYIV).toOffsetDateTime());
    }

    private static BookedRecord book(String apiId, ApiTimestamp when) {
        return app.book(BRANCH, new BookingRequest("+380 50 765 43 21", "Iryna", null, null, null, apiId,
                List.of(new BookingAppointment(1, List.of(601L), 501, when)))).getFirst();
    }

    private static OffsetDateTime startOf(long recordId) {
        return user.record(BRANCH, recordId).datetime().resolve(KYIV);
    }

    private static long puts() {
        return sim.requests().stream().filter(r -> r.method().equals("PUT")).count();
    }

    @Test
    void aMoveLandsOnTheRecordWhereASyncSeesItAndARepeatSucceeds() {
        BookedRecord booked = book("ycb-r1", at(24, 10));
        Instant before = sim.clock().now();
        sim.clock().advance(Duration.ofMinutes(5));

        RescheduledRecord moved = user.rescheduleBooking(BRANCH, booked.recordId(), at(24, 15), "позже");
        assertEquals(booked.recordId(), moved.id());
        assertEquals(LocalDateTime.of(2026, 11, 24, 15, 0), moved.date().local(), "the new start, company-local");
        assertFalse(moved.date().hasOffset(), "the reference's date carries no offset");
        assertEquals(3600, moved.length());
        assertFalse(moved.isDeleted());
        assertEquals("ycb-r1", moved.apiId());
        assertEquals(List.of(601L), moved.services().stream().map(s -> s.id()).toList());
        assertEquals(501, moved.staff().id());
        assertEquals("Bearer " + SimulatorDefaults.PARTNER_TOKEN + ", User " + SimulatorDefaults.USER_TOKEN,
                sim.requests().getLast().header("Authorization").orElseThrow(), "the one booking call with the user token");

        Record record = user.record(BRANCH, booked.recordId());
        assertEquals(OffsetDateTime.parse("2026-11-24T15:00:00+02:00"), record.datetime().resolve(KYIV));
        assertEquals("позже", record.comment());
        assertEquals(sim.clock().now(), record.lastChangeDate().toInstant(KYIV), "the move is the record's last change");
        List<Long> changed = user.records(BRANCH, RecordQuery.changedSince(before.atOffset(java.time.ZoneOffset.UTC)).inZone(KYIV))
                .items().map(Record::id).toList();
        assertTrue(changed.contains(booked.recordId()), "changed_after finds the moved record: " + changed);
        UserRecord mine = app.userRecord(booked.recordId(), booked.recordHash()).getFirst();
        assertEquals(OffsetDateTime.parse("2026-11-24T15:00:00+02:00"), mine.datetime().resolve(KYIV));

        // After a lost answer the same move again: the record's own time does not count against it.
        RescheduledRecord again = user.rescheduleBooking(BRANCH, booked.recordId(), at(24, 15), null);
        assertEquals(moved.date(), again.date());
        assertEquals("позже", again.comment(), "no comment sent, the record's kept");
        assertEquals(OffsetDateTime.parse("2026-11-24T15:00:00+02:00"), startOf(booked.recordId()));
    }

    @Test
    void aMoveIsRetriedAfterA503() {
        BookedRecord booked = book("ycb-r2", at(25, 10));
        sim.faults().on("/book_record/" + BRANCH + "/" + booked.recordId()).next(Fault.serverError());
        RescheduledRecord moved = user.rescheduleBooking(BRANCH, booked.recordId(), at(25, 12), null);
        assertEquals(LocalDateTime.of(2026, 11, 25, 12, 0), moved.date().local());
        assertEquals(2, puts(), "a move names its target time, so it is repeated like a read");
        assertEquals(OffsetDateTime.parse("2026-11-25T12:00:00+02:00"), startOf(booked.recordId()));
    }

    @Test
    void aMoveToATakenTimeIsRefusedWith433AndLeavesTheRecord() {
        BookedRecord booked = book("ycb-r3", at(26, 10));
        // Record 9010 of the demo seed: master 501 from 11:00 on 21 November.
        ValidationException taken = assertThrows(ValidationException.class,
                () -> user.rescheduleBooking(BRANCH, booked.recordId(), at(21, 11), null));
        assertEquals(422, taken.status());
        assertEquals(BookingError.TIME_TAKEN, taken.bookingError().orElseThrow());
        assertTrue(taken.apiMessage().startsWith("К сотруднику Olena Koval(501) нельзя записаться на 21 ноября 2026 в 11:00"),
                taken.apiMessage());
        assertEquals(OffsetDateTime.parse("2026-11-26T10:00:00+02:00"), startOf(booked.recordId()));
    }

    @Test
    void aMoveWithoutAUserTokenIsRefusedWith401() {
        BookedRecord booked = book("ycb-r4", at(26, 14));
        AuthenticationException refused = assertThrows(AuthenticationException.class,
                () -> app.rescheduleBooking(BRANCH, booked.recordId(), at(26, 16), null));
        assertEquals(401, refused.status());
        assertEquals("Необходима авторизация", refused.apiMessage());
        assertEquals("PUT", refused.method());
        assertEquals("Bearer " + SimulatorDefaults.PARTNER_TOKEN, sim.requests().getLast().header("Authorization").orElseThrow());
        assertEquals(OffsetDateTime.parse("2026-11-26T14:00:00+02:00"), startOf(booked.recordId()));
    }

    @Test
    void aCancelledOrUnknownRecordCannotBeMoved() {
        BookedRecord booked = book("ycb-r5", at(27, 10));
        app.cancelUserRecord(booked.recordId(), booked.recordHash());
        NotFoundException cancelled = assertThrows(NotFoundException.class,
                () -> user.rescheduleBooking(BRANCH, booked.recordId(), at(27, 12), null));
        assertEquals(404, cancelled.status());
        // Record 9001 belongs to the other demo company.
        assertThrows(NotFoundException.class, () -> user.rescheduleBooking(BRANCH, 9001, at(27, 12), null));
    }

    @Test
    void theRulesShowInTheUsersRecordAndRefuseACancelOrMoveTooCloseToTheVisit() {
        // 21 November 14:00 in Kyiv is 27 hours after the simulator's now.
        BookedRecord booked = book("ycb-r6", at(21, 14));
        Instant start = at(21, 14).toInstant(KYIV);
        sim.bookingForms().recordRules(BRANCH, new RecordRules(true, Duration.ofHours(30), true, Duration.ofHours(28)));

        UserRecord mine = app.userRecord(booked.recordId(), booked.recordHash()).getFirst();
        assertEquals(Duration.ofHours(30), mine.rules().deleteDelay());
        assertEquals(Duration.ofHours(28), mine.rules().changeDelay());
        assertEquals(Boolean.TRUE, mine.rules().allowDelete());
        assertFalse(mine.rules().mayCancel(start, sim.clock().now()));
        assertFalse(mine.rules().mayMove(start, sim.clock().now()));

        BookingChangeRefusedException cancel = assertThrows(BookingChangeRefusedException.class,
                () -> app.cancelUserRecord(booked.recordId(), booked.recordHash()));
        assertEquals(403, cancel.status());
        assertEquals("Удалить запись можно не позднее чем за 30 ч до начала визита", cancel.apiMessage());
        assertTrue(cancel.getMessage().contains("contact the salon"), cancel.getMessage());
        BookingChangeRefusedException move = assertThrows(BookingChangeRefusedException.class,
                () -> user.rescheduleBooking(BRANCH, booked.recordId(), at(21, 16), null));
        assertEquals("Перенести запись можно не позднее чем за 28 ч до начала визита", move.apiMessage());
        assertFalse(user.record(BRANCH, booked.recordId()).isDeleted());
        assertEquals(OffsetDateTime.parse("2026-11-21T14:00:00+02:00"), startOf(booked.recordId()));

        // 26 hours before: both windows still open.
        sim.bookingForms().recordRules(BRANCH, new RecordRules(true, Duration.ofHours(26), true, Duration.ofHours(26)));
        assertTrue(app.userRecord(booked.recordId(), booked.recordHash()).getFirst().rules().mayMove(start, sim.clock().now()));
        user.rescheduleBooking(BRANCH, booked.recordId(), at(21, 16), null);
        app.cancelUserRecord(booked.recordId(), booked.recordHash());
        assertTrue(user.record(BRANCH, booked.recordId()).isDeleted());
    }

    @Test
    void aCompanyThatAllowsNeitherSaysSoInBothLanguages() {
        BookedRecord booked = book("ycb-r7", at(28, 10));
        sim.bookingForms().recordRules(BRANCH, new RecordRules(false, Duration.ZERO, false, Duration.ZERO));
        UserRecord mine = app.userRecord(booked.recordId(), booked.recordHash()).getFirst();
        assertEquals(Boolean.FALSE, mine.rules().allowDelete());
        assertEquals(Boolean.FALSE, mine.rules().allowChange());

        BookingChangeRefusedException cancel = assertThrows(BookingChangeRefusedException.class,
                () -> app.cancelUserRecord(booked.recordId(), booked.recordHash()));
        assertEquals("Удаление записи запрещено настройками филиала", cancel.apiMessage());
        sim.messages(MessageLanguage.EN);
        BookingChangeRefusedException move = assertThrows(BookingChangeRefusedException.class,
                () -> user.rescheduleBooking(BRANCH, booked.recordId(), at(28, 12), null));
        assertEquals("The company's settings do not allow rescheduling the appointment", move.apiMessage());
    }
}
