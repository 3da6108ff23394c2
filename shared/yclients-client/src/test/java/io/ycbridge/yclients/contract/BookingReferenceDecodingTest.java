package io.ycbridge.yclients.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.yclients.ApiJson;
import io.ycbridge.yclients.ApiTimestamp;
import io.ycbridge.yclients.Credentials;
import io.ycbridge.yclients.RateLimiter;
import io.ycbridge.yclients.ValidationException;
import io.ycbridge.yclients.YClientsClient;
import io.ycbridge.yclients.model.BookableServices;
import io.ycbridge.yclients.model.BookableStaff;
import io.ycbridge.yclients.model.BookableTime;
import io.ycbridge.yclients.model.BookedRecord;
import io.ycbridge.yclients.model.BookingAppointment;
import io.ycbridge.yclients.model.BookingDates;
import io.ycbridge.yclients.model.BookingRequest;
import io.ycbridge.yclients.model.UserRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference's online-booking examples ("Онлайн-запись", "Записи пользователя") served byte for byte and decoded
 * by the client: values land where a booking app reads them, and what the client sends uses only the fields of the
 * reference's request examples, in their kinds.
 */
class BookingReferenceDecodingTest {
    private static final ObjectMapper JSON = ApiJson.mapper();
    private static final ApiTimestamp AT = ApiTimestamp.of(OffsetDateTime.parse("2015-09-30T15:30:00+04:00"));
    private static ExampleServer server;
    private static YClientsClient client;

    @BeforeAll
    static void start() {
        server = ExampleServer.start();
        client = YClientsClient.builder().baseUri(server.baseUri())
                .credentials(new Credentials("partner-token", "user-token"))
                .rateLimiter(RateLimiter.UNLIMITED)
                .build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static YClientsClient answering(ReferenceExample example) {
        server.answering(example);
        return client;
    }

    private static JsonNode sentBody() throws Exception {
        return JSON.readTree(server.body());
    }

    @Test
    void bookableServicesWithTheirCategoriesUnderTheExamplesKeyAndTheFiltersAsAPhpArray() {
        BookableServices answer = answering(ReferenceExample.BOOK_SERVICES)
                .bookableServices(4564, 6544L, AT, List.of(331L, 99055L));
        assertEquals("GET /book_services/4564", server.method() + " " + server.path());
        assertEquals("staff_id=6544&datetime=2015-09-30T15%3A30%3A00%2B04%3A00&service_ids%5B0%5D=331&service_ids%5B1%5D=99055",
                server.query());
        assertEquals(List.of(1896208L, 1896303L), answer.services().stream().map(s -> s.id()).toList());
        assertEquals("Мытье волос", answer.services().getFirst().title());
        assertEquals(1895571L, answer.services().getFirst().categoryId());
        assertEquals(3600, answer.services().getFirst().seanceLength());
        assertEquals(0, BigDecimal.ZERO.compareTo(answer.services().getFirst().priceMin()));
        assertFalse(answer.services().getFirst().active(), "\"active\": 0");
        assertEquals(List.of("Уходы для волос", "Окрашивание волос"), answer.categories().stream().map(c -> c.title()).toList());
        assertEquals("0", answer.categories().getFirst().apiId(), "a number in the example, a string in the field table");
    }

    @Test
    void bookableStaffWithIdsAsStringsAndPositionAsAnEmptyArray() {
        List<BookableStaff> staff = answering(ReferenceExample.BOOK_STAFF).bookableStaff(4564, List.of(331L), null);
        assertEquals("GET /book_staff/4564 service_ids%5B0%5D=331", server.method() + " " + server.path() + " " + server.query());
        assertEquals(List.of(16L, 32L), staff.stream().map(BookableStaff::id).toList());
        assertTrue(staff.getFirst().bookable());
        assertEquals(LocalDate.of(2015, 9, 25), staff.getFirst().seanceDate().orElseThrow());
        assertEquals(0, new BigDecimal(3).compareTo(staff.getFirst().rating()));
        assertFalse(staff.get(1).bookable());
        assertTrue(staff.get(1).seanceDate().isEmpty());
    }

    @Test
    void bookingDatesAsFlatLists() {
        BookingDates dates = answering(ReferenceExample.BOOK_DATES).bookingDates(4564, 6544L, List.of(), LocalDate.of(2015, 9, 1));
        assertEquals("GET /book_dates/4564 staff_id=6544&date=2015-09-01", server.method() + " " + server.path() + " " + server.query());
        assertEquals(28, dates.bookingDates().size());
        assertEquals(LocalDate.of(2015, 9, 4), dates.bookingDates().getFirst());
        assertEquals(LocalDate.of(2015, 10, 25), dates.workingDates().getLast());
    }

    @Test
    void bookableTimesKeepTheirDatetimeToSendBack() {
        List<BookableTime> times = answering(ReferenceExample.BOOK_TIMES)
                .bookableTimes(4564, 6544, LocalDate.of(2015, 9, 29), List.of(331L));
        assertEquals("GET /book_times/4564/6544/2015-09-29 service_ids%5B0%5D=331",
                server.method() + " " + server.path() + " " + server.query());
        assertEquals(List.of("12:00", "13:00", "14:00", "15:00", "16:00"), times.stream().map(BookableTime::time).toList());
        assertEquals(3600, times.getFirst().seanceLength());
        assertEquals("2015-09-29T12:00:00+04:00", times.getFirst().datetime().toString(), "sent back as it came");
    }

    @Test
    void aRefusedCheckIsAValidationExceptionWithTheReferencesMessageAndSendsTheReferencesRequestShape() throws Exception {
        ValidationException refused = assertThrows(ValidationException.class, () -> answering(ReferenceExample.BOOK_CHECK_REFUSED)
                .checkBooking(4564, List.of(new BookingAppointment(1, List.of(331L), 6544, AT))));
        assertEquals("POST /book_check/4564", server.method() + " " + server.path());
        assertEquals(List.of(), ReferenceExample.BOOK_CHECK_REQUEST.shape().compareAsSubset(sentBody()));
        assertEquals(422, refused.status());
        assertTrue(refused.apiMessage().startsWith("К сотруднику Ирина Александровна(6544) нельзя записаться"));
        // The example carries no code (the reference says one comes with it): the refusal is typed, its code unknown.
        assertEquals(0, refused.errorCode());
        assertTrue(refused.bookingError().isEmpty());
    }

    @Test
    void aBookingReadsOneCreatedRecordPerAppointmentAndSendsOnlyTheReferencesFields() throws Exception {
        BookingRequest request = new BookingRequest("79000000000", "ДИМА", "d@yclients.com", "38829", "тестовая запись!", "777",
                List.of(new BookingAppointment(1, List.of(331L), 6544, ApiTimestamp.of(OffsetDateTime.parse("2015-09-29T13:00:00+04:00"))),
                        new BookingAppointment(2, List.of(99055L), 6544, AT)));
        List<BookedRecord> booked = answering(ReferenceExample.BOOK_RECORD).book(4564, request);
        assertEquals("POST /book_record/4564", server.method() + " " + server.path());
        assertEquals(List.of(), ReferenceExample.BOOK_RECORD_REQUEST.shape().compareAsSubset(sentBody()));
        assertEquals("777", sentBody().path("api_id").asText());
        assertEquals(List.of(new BookedRecord(1, 2820023, "567df655304da9b98487769426d4e76e"),
                new BookedRecord(2, 2820024, "34a45ddabdd446d5d33bdd27fbf855b2")), booked);
    }

    @Test
    void theCodeRequestSendsTheAttributesSpellingOfFullname() throws Exception {
        server.answering(ReferenceExample.BOOK_RECORD);
        client.sendBookingCode(4564, "79991234567", "Вася");
        assertEquals("POST /book_code/4564", server.method() + " " + server.path());
        // The example body writes "fulname"; its attributes and book_record's table say "fullname".
        assertEquals(List.of("fullname: not in the reference"),
                ReferenceExample.BOOK_CODE_REQUEST.shape().compareAsSubset(sentBody()).stream().map(String::valueOf).toList());
        assertEquals("79991234567", sentBody().path("phone").asText());
    }

    @Test
    void aUsersRecordWithItsLengthAndApiId() {
        List<UserRecord> records = answering(ReferenceExample.USER_RECORDS).userRecord(13132699, "567df655304da9b98487769426d4e76e");
        assertEquals("GET /user/records/13132699/567df655304da9b98487769426d4e76e", server.method() + " " + server.path());
        assertEquals(List.of(13132699L, 13133413L), records.stream().map(UserRecord::id).toList());
        UserRecord first = records.getFirst();
        assertEquals(1800, first.length());
        assertTrue(first.isDeleted());
        assertEquals("", first.apiId());
        assertEquals(389043L, first.services().getFirst().id());
        assertEquals(OffsetDateTime.parse("2017-10-24T17:30:00Z"), first.datetime().resolve(java.time.ZoneOffset.UTC));
    }
}
