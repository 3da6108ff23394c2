package io.ycbridge.yclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.simulator.Fault;
import io.ycbridge.simulator.SimulatorDefaults;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.simulator.YClientsSimulator;
import io.ycbridge.yclients.model.BookableServices;
import io.ycbridge.yclients.model.BookableStaff;
import io.ycbridge.yclients.model.BookableTime;
import io.ycbridge.yclients.model.BookedRecord;
import io.ycbridge.yclients.model.BookingAppointment;
import io.ycbridge.yclients.model.BookingRequest;
import io.ycbridge.yclients.model.Record;
import io.ycbridge.yclients.model.UserRecord;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The online booking, the client against the simulator, as an app would use it with the partner token alone: what
 * can be booked, check then book, and each refusal a booking app must tell apart. The demo salon confirms phones by
 * SMS (the default); the demo branch is set not to. The simulator's clock stands at 20 November 2026, 12:00 Moscow.
 */
class OnlineBookingIT {
    private static final long SALON = SimulatorSeed.DEMO_SALON_ID;
    private static final long BRANCH = SimulatorSeed.DEMO_BRANCH_ID;
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static YClientsSimulator sim;
    private static YClientsClient app;

    @BeforeAll
    static void start() {
        sim = DemoBooking.simulator();
        // A booking app holds no user token.
        app = DemoBooking.client(sim, Credentials.partnerOnly(SimulatorDefaults.PARTNER_TOKEN));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void clearFaults() {
        sim.faults().clear();
        sim.clearRequests();
    }

    private static ApiTimestamp at(int day, int hour, ZoneId zone) {
        return ApiTimestamp.of(LocalDateTime.of(2026, 11, day, hour, 0).atZone(zone).toOffsetDateTime());
    }

    private static BookingRequest branchBooking(String apiId, long staffId, ApiTimestamp when) {
        return new BookingRequest("+380 50 765 43 21", "Iryna", null, null, null, apiId,
                List.of(new BookingAppointment(1, List.of(601L), staffId, when)));
    }

    private static long posts(String path) {
        return sim.requests().stream().filter(r -> r.method().equals("POST") && r.path().equals(path)).count();
    }

    @Test
    void listsServicesStaffDatesAndTheFreeTimesOfADay() {
        BookableServices services = app.bookableServices(SALON, 55L, null, List.of());
        assertEquals(List.of(301L, 302L, 303L, 304L, 305L), services.services().stream().map(s -> s.id()).toList());
        assertEquals(3600, services.services().getFirst().seanceLength(), "with a master, each service says its length");
        assertEquals(List.of(1001L, 1002L, 1003L), services.categories().stream().map(c -> c.id()).toList());

        List<BookableStaff> staff = app.bookableStaff(SALON, List.of(301L), null);
        assertEquals(List.of(55L, 56L, 57L), staff.stream().map(BookableStaff::id).toList());
        assertTrue(staff.getFirst().bookable());
        assertEquals(LocalDate.of(2026, 11, 20), staff.getFirst().seanceDate().orElseThrow(), "today still has free times");

        assertTrue(app.bookingDates(SALON, 55L, List.of(301L), null).bookingDates().contains(LocalDate.of(2026, 11, 24)));

        List<BookableTime> later = app.bookableTimes(SALON, 55, LocalDate.of(2026, 11, 24), List.of(301L));
        assertEquals(List.of("10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00", "17:00", "18:00", "19:00"),
                later.stream().map(BookableTime::time).toList(), "a 10:00-20:00 day in slots of the service's hour");
        assertEquals(OffsetDateTime.parse("2026-11-24T10:00:00+03:00"), later.getFirst().datetime().resolve(MOSCOW));
        // Today: 12:00 is now and record 9001 holds it, so the day starts at 13:00.
        List<BookableTime> today = app.bookableTimes(SALON, 55, LocalDate.of(2026, 11, 20), List.of(301L));
        assertEquals("13:00", today.getFirst().time());
        assertEquals(7, today.size());
    }

    @Test
    void aCheckedChoiceIsBookedAndFoundAgainByItsApiId() {
        ApiTimestamp when = at(24, 10, KYIV);
        app.checkBooking(BRANCH, List.of(new BookingAppointment(1, List.of(601L), 501, when)));
        List<BookedRecord> booked = app.book(BRANCH, branchBooking("ycb-0001", 501, when));
        assertEquals(1, booked.size());
        assertEquals(1, booked.getFirst().id());

        // After a lost answer a caller looks the booking up by its api_id among the company's recent records.
        YClientsClient office = DemoBooking.client(sim, new Credentials(SimulatorDefaults.PARTNER_TOKEN, SimulatorDefaults.USER_TOKEN));
        List<Record> found = office.records(BRANCH, RecordQuery.changedSince(OffsetDateTime.parse("2026-11-20T00:00:00+02:00"))
                .inZone(KYIV)).items().filter(r -> "ycb-0001".equals(r.apiId())).toList();
        assertEquals(List.of(booked.getFirst().recordId()), found.stream().map(Record::id).toList());
        assertTrue(found.getFirst().online());

        // Its user may read it with the hash, and cancel it.
        UserRecord mine = app.userRecord(booked.getFirst().recordId(), booked.getFirst().recordHash()).getFirst();
        assertEquals("ycb-0001", mine.apiId());
        assertFalse(mine.isDeleted());
        app.cancelUserRecord(booked.getFirst().recordId(), booked.getFirst().recordHash());
        assertTrue(office.record(BRANCH, booked.getFirst().recordId()).isDeleted());
    }

    @Test
    void aTimeTakenBetweenCheckAndBookingIsRefusedWith433NamingTheAppointment() {
        ApiTimestamp when = at(25, 14, KYIV);
        app.checkBooking(BRANCH, List.of(new BookingAppointment(1, List.of(601L), 502, when)));
        sim.data().createRecord(BRANCH, 9001, 502, List.of(601L), LocalDateTime.of(2026, 11, 25, 14, 0));
        ValidationException taken = assertThrows(ValidationException.class, () -> app.book(BRANCH, branchBooking("ycb-0002", 502, when)));
        assertEquals(422, taken.status());
        assertEquals(BookingError.TIME_TAKEN, taken.bookingError().orElseThrow());
        assertEquals(1L, taken.appointmentId().orElseThrow());
        assertTrue(taken.apiMessage().startsWith("К сотруднику Taras Bondar(502) нельзя записаться на 25 ноября 2026 в 14:00"));
    }

    @Test
    void anInvalidChoiceIsToldApartFromATakenTime() {
        ApiTimestamp when = at(26, 10, KYIV);
        ValidationException gone = assertThrows(ValidationException.class,
                () -> app.checkBooking(BRANCH, List.of(new BookingAppointment(1, List.of(699L), 501, when))));
        assertEquals(BookingError.SERVICE_UNAVAILABLE, gone.bookingError().orElseThrow());
        ValidationException nobody = assertThrows(ValidationException.class,
                () -> app.checkBooking(BRANCH, List.of(new BookingAppointment(1, List.of(601L), 599, when))));
        assertEquals(BookingError.NO_STAFF_AVAILABLE, nobody.bookingError().orElseThrow());
        ValidationException overlap = assertThrows(ValidationException.class, () -> app.checkBooking(BRANCH, List.of(
                new BookingAppointment(1, List.of(601L), 501, when), new BookingAppointment(2, List.of(602L), 501, when))));
        assertEquals(BookingError.APPOINTMENTS_OVERLAP, overlap.bookingError().orElseThrow());
        assertEquals(2L, overlap.appointmentId().orElseThrow());
        ValidationException phone = assertThrows(ValidationException.class, () -> app.book(BRANCH,
                new BookingRequest("12", "Iryna", null, null, null, null, branchBooking("x", 501, when).appointments())));
        assertEquals(BookingError.INVALID_PHONE, phone.bookingError().orElseThrow());
        assertEquals("phone", phone.bookingError().orElseThrow().field());
    }

    @Test
    void anSmsFormRefusesAMissingOrWrongCodeWith432AndBooksWithTheSentOne() {
        String phone = "+7 916 100-10-10";
        BookingRequest request = new BookingRequest(phone, "Василиса", null, null, null, "ycb-0003",
                List.of(new BookingAppointment(1, List.of(302L), 56, at(27, 11, MOSCOW))));
        ValidationException missing = assertThrows(ValidationException.class, () -> app.book(SALON, request));
        assertEquals(BookingError.WRONG_CODE, missing.bookingError().orElseThrow());

        app.sendBookingCode(SALON, phone, "Василиса");
        String code = sim.bookingForms().sentCode(SALON, phone).orElseThrow();
        String wrong = code.equals("11111") ? "22222" : "11111";
        ValidationException mistyped = assertThrows(ValidationException.class, () -> app.book(SALON, request.withCode(wrong)));
        assertEquals(BookingError.WRONG_CODE, mistyped.bookingError().orElseThrow());
        assertEquals("code", mistyped.bookingError().orElseThrow().field());

        List<BookedRecord> booked = app.book(SALON, request.withCode(code));
        assertEquals(1, booked.size());
    }

    @Test
    void aBookingAndACodeAreNeverRetriedOn503WhileACheckIs() {
        ApiTimestamp when = at(28, 15, KYIV);
        int before = sim.data().recordCount(BRANCH);
        sim.faults().on("/book_record").next(Fault.serverError());
        ServerException failed = assertThrows(ServerException.class, () -> app.book(BRANCH, branchBooking("ycb-0004", 501, when)));
        assertTrue(failed.isTransient(), "transient, yet not repeated: the first attempt may have booked");
        assertEquals(1, posts("/book_record/" + BRANCH));
        assertEquals(before, sim.data().recordCount(BRANCH));

        sim.faults().on("/book_check").next(Fault.serverError());
        app.checkBooking(BRANCH, List.of(new BookingAppointment(1, List.of(601L), 501, when)));
        assertEquals(2, posts("/book_check/" + BRANCH), "a check only reads: retried like a GET");

        int texted = sim.bookingForms().sentCount();
        sim.faults().on("/book_code").next(Fault.serverError());
        assertThrows(ServerException.class, () -> app.sendBookingCode(SALON, "79161002020", null));
        assertEquals(1, posts("/book_code/" + SALON), "each attempt would text the person again");
        assertEquals(texted, sim.bookingForms().sentCount());
    }

    @Test
    void aBookingSendsThePartnerTokenAlone() {
        app.bookableTimes(BRANCH, 0, LocalDate.of(2026, 11, 29), List.of());
        assertEquals("Bearer " + SimulatorDefaults.PARTNER_TOKEN, sim.requests().getLast().header("Authorization").orElseThrow());
    }
}
