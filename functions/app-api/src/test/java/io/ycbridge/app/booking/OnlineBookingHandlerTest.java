package io.ycbridge.app.booking;

import static io.ycbridge.app.booking.BookingWorld.SALON;
import static io.ycbridge.app.booking.BookingWorld.event;
import static io.ycbridge.app.booking.ProblemAnswers.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.edge.HttpRequest;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.fixture.Invocations;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.http.ApiRoute;
import io.ycbridge.simulator.Fault;
import io.ycbridge.simulator.RecordedRequest;
import io.ycbridge.yclients.ApiJson;
import io.ycbridge.yclients.model.Record;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The online-booking routes through their real trigger (the event files), against the simulator and DynamoDB Local:
 * what can be booked, and every history of a booking we can think of — booked once, retried, the key reused, the time
 * taken between check and record, a form that confirms phones, an answer lost after the booking was made, YClients
 * down before it.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class OnlineBookingHandlerTest {
    private final DynamoDbClient dynamoDb;
    private BookingWorld world;
    private OnlineBookingHandler handler;

    OnlineBookingHandlerTest(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    @BeforeEach
    void world() {
        world = new BookingWorld(dynamoDb);
        handler = world.handler();
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void servicesWithNothingChosenAreTheCatalogAloneWithoutAnApiRequest() throws IOException {
        world.simulator.clearRequests();
        JsonNode answer = ok(ApiRoute.BOOKING_SERVICES, handler.handle(event("online-booking", "services"), null));

        assertEquals(Set.of(301L, 302L, 303L, 304L), ids(answer.path("services")), "305 was deleted from the catalog");
        assertEquals(0, world.simulator.requestCount());
    }

    @Test
    void servicesForAMasterAtATimeAreWhatTheOnlineBookingOffersThen() throws IOException {
        JsonNode answer = ok(ApiRoute.BOOKING_SERVICES, handler.handle(event("online-booking", "services-for-staff-at-time"), null));

        assertFalse(ids(answer.path("services")).isEmpty());
        assertTrue(world.simulator.requests().stream().anyMatch(r -> r.path().equals("/book_services/" + SALON)));
    }

    @Test
    void timesCarryTheCompanysOffsetAndARepeatWithinTenSecondsIsNotAskedAgain() throws IOException {
        HttpResponse first = handler.handle(event("online-booking", "times"), null);
        JsonNode times = ok(ApiRoute.BOOKING_TIMES, first).path("times");
        assertFalse(times.isEmpty());
        times.forEach(time -> assertTrue(time.path("datetime").asText().startsWith("2026-12-10T") && time.path("datetime").asText().endsWith("+03:00"),
                time.toString()));
        assertEquals("2026-12-10T10:00:00+03:00", times.get(0).path("datetime").asText());
        assertEquals(3600, times.get(0).path("seanceLength").asInt());

        assertEquals(first.body(), handler.handle(event("online-booking", "times"), null).body());
        assertEquals(1, bookTimesRequests());
        world.simulator.clock().advance(Duration.ofSeconds(11));
        handler.handle(event("online-booking", "times"), null);
        assertEquals(2, bookTimesRequests(), "kept 10 s, then asked again");
    }

    @Test
    void staffAreTheCatalogsCardsWithTheirBookabilityAndAFiredMasterIsLeftOut() throws IOException {
        JsonNode staff = ok(ApiRoute.BOOKING_STAFF, handler.handle(event("online-booking", "staff"), null)).path("staff");

        assertEquals(Set.of(55L, 56L), ids(staff), "57 left the staff list");
        JsonNode anna = staff.get(0).path("id").asLong() == 55 ? staff.get(0) : staff.get(1);
        assertEquals("Анна Смирнова", anna.path("name").asText());
        assertTrue(anna.path("bookable").asBoolean());
        assertEquals("2026-12-08", anna.path("nearestDate").asText());
    }

    @Test
    void datesAreTheDaysWithAFreeTimeInTheMonth() throws IOException {
        JsonNode dates = ok(ApiRoute.BOOKING_DATES, handler.handle(event("online-booking", "dates"), null)).path("dates");

        assertEquals("2026-12-08", dates.get(0).asText(), "from today: the month's earlier days are past");
        assertEquals("2026-12-31", dates.get(dates.size() - 1).asText());
    }

    @Test
    void refusalsAreProblemsThatSayWhy() throws IOException {
        assertProblem(400, "date is required", handler.handle(event("online-booking", "times-without-date"), null));
        assertProblem(400, "datetime must be ISO 8601", handler.handle(event("online-booking", "times-bad-datetime"), null));
        assertProblem(404, "service 999", handler.handle(event("online-booking", "times-unknown-service"), null));
        assertProblem(404, "company 777 is not served", handler.handle(event("online-booking", "times-unserved-company"), null));
        assertProblem(401, "no user", handler.handle(event("online-booking", "no-subject"), null));
        assertProblem(400, "Idempotency-Key header is required", handler.handle(event("online-booking", "book-without-key"), null));
        assertProblem(400, "not JSON", handler.handle(event("online-booking", "book-malformed-body"), null));
        assertProblem(400, "datetime is required", handler.handle(event("online-booking", "book-without-datetime"), null));
        assertProblem(422, "service 999", handler.handle(event("online-booking", "book-unknown-service"), null));
        assertProblem(404, "company 777 is not served", handler.handle(event("online-booking", "book-unserved-company"), null));
        assertEquals(0, bookRecordRequests(), "no refusal reached book_record");
    }

    @Test
    void aChoiceYClientsRefusesIsTheCallersToMendNotAnOutage() throws IOException {
        // Schemathesis's case: a time with fractional seconds, which book_staff does not read.
        HttpRequest odd = Invocations.withQuery(event("online-booking", "staff"),
                Map.of("company", "235564", "datetime", "2000-01-11T21:16:55.8324Z"));

        JsonNode problem = assertProblem(400, "YClients did not take this choice", handler.handle(odd, null));
        assertFalse(problem.has("bookingUrl"), "nothing is down: no fallback link");
    }

    @Test
    void aBookingCarriesTheProfileAndOurBookingIdAndARetryAnswersTheSameWithoutBookingTwice() throws IOException {
        HttpResponse first = handler.handle(event("online-booking", "book"), null);
        JsonNode booked = answer(ApiRoute.BOOK, first, 201);
        long recordId = booked.path("visit").path("recordId").asLong();
        assertEquals("booked", booked.path("status").asText());
        assertEquals(SALON + "-" + recordId, booked.path("visit").path("id").asText());
        assertEquals("2026-12-10T12:00:00+03:00", booked.path("visit").path("startsAt").asText());

        Record record = world.api.call(client -> client.record(SALON, recordId));
        assertEquals(booked.path("bookingId").asText(), record.apiId());
        assertEquals(4001L, record.client().id(), "found by the proven phone: the salon's own client card");
        assertEquals(55L, record.staffId());
        RecordedRequest sent = world.simulator.requests().stream().filter(r -> r.path().equals("/book_record/" + SALON)).findFirst().orElseThrow();
        JsonNode body = ApiJson.mapper().readTree(sent.body());
        assertEquals("79990000000", body.path("phone").asText());
        assertEquals("Анна Смирнова", body.path("fullname").asText());
        assertEquals("anna@example.com", body.path("email").asText());
        assertTrue(world.bookings.visit(BookingWorld.USER, SALON, recordId).isPresent(), "the hash is kept for cancel and move");

        HttpResponse again = handler.handle(event("online-booking", "book"), null);
        assertEquals(201, again.status());
        assertEquals(first.body(), again.body());
        assertEquals(1, bookRecordRequests(), "the retry was answered from the key");
        assertFalse(world.logs.all().contains("79990000000"), "no phone in the logs");
    }

    @Test
    void aKeyUsedForAnotherBookingIsRefusedAndBooksNothing() throws IOException {
        answer(ApiRoute.BOOK, handler.handle(event("online-booking", "book"), null), 201);
        HttpRequest other = Invocations.withBody(event("online-booking", "book"),
                "{\"company\":235564,\"services\":[302],\"staff\":55,\"datetime\":\"2026-12-10T16:00:00+03:00\"}");

        JsonNode problem = assertProblem(422, "Idempotency-Key was used for another booking", handler.handle(other, null));
        assertEquals("Idempotency-Key", problem.path("field").asText());
        assertEquals(1, bookRecordRequests());
    }

    @Test
    void aTimeTakenBetweenCheckAndRecordIs409WithTheNextFreeTimesAndTheKeyIsFree() throws IOException {
        world.simulator.faults().on("/book_record").next(Fault.changeBefore(() -> world.simulator.data()
                .createRecord(SALON, 4002, 55, List.of(301L), LocalDateTime.of(2026, 12, 10, 12, 0))));

        JsonNode problem = assertProblem(409, "just taken", handler.handle(event("online-booking", "book"), null));
        assertEquals("datetime", problem.path("field").asText());
        JsonNode next = problem.path("nextTimes");
        assertEquals(NextFreeTimes.OFFERED, next.size());
        assertEquals("2026-12-10T13:00:00+03:00", next.get(0).path("datetime").asText(), "12:00 is taken for the hour");
        assertTrue(world.simulator.requests().stream().anyMatch(r -> r.path().equals("/book_check/" + SALON)), "it was checked first");

        HttpRequest later = Invocations.withBody(event("online-booking", "book"),
                "{\"company\":235564,\"services\":[301],\"staff\":55,\"datetime\":\"" + next.get(0).path("datetime").asText() + "\","
                        + "\"comment\":\"у окна, пожалуйста\"}");
        JsonNode booked = answer(ApiRoute.BOOK, handler.handle(later, null), 201);
        assertEquals(next.get(0).path("datetime").asText(), booked.path("visit").path("startsAt").asText(),
                "the refused key booked nothing, so the same key takes the next time");
    }

    @Test
    void aFormThatConfirmsPhonesSendsOneCodeAndBooksWithItUnderTheSameKey() throws IOException {
        world.simulator.bookingForms().requirePhoneConfirmation(SALON, true);

        JsonNode waiting = answer(ApiRoute.BOOK, handler.handle(event("online-booking", "book"), null), 202);
        assertEquals("code-required", waiting.path("status").asText());
        assertEquals(1, world.simulator.bookingForms().sentCount());
        answer(ApiRoute.BOOK, handler.handle(event("online-booking", "book"), null), 202);
        assertEquals(1, world.simulator.bookingForms().sentCount(), "a repeat without the code sends no second SMS");

        JsonNode wrong = assertProblem(422, "SMS code is wrong", handler.handle(event("online-booking", "book-with-code"), null));
        assertEquals("code", wrong.path("field").asText());
        String code = world.simulator.bookingForms().sentCode(SALON, "79990000000").orElseThrow();
        HttpRequest withCode = Invocations.withBody(event("online-booking", "book"),
                "{\"company\":235564,\"services\":[301],\"staff\":55,\"datetime\":\"2026-12-10T12:00:00+03:00\","
                        + "\"comment\":\"у окна, пожалуйста\",\"code\":\"" + code + "\"}");
        JsonNode booked = answer(ApiRoute.BOOK, handler.handle(withCode, null), 201);
        assertEquals(waiting.path("bookingId").asText(), booked.path("bookingId").asText());
    }

    @Test
    void aBookingWhoseAnswerWasLostIsFoundByItsApiIdAndNotBookedTwice() throws IOException {
        world.simulator.faults().on("/book_record").next(Fault.answerLost(504));

        JsonNode booked = answer(ApiRoute.BOOK, handler.handle(event("online-booking", "book"), null), 201);

        long recordId = booked.path("visit").path("recordId").asLong();
        assertEquals(booked.path("bookingId").asText(), world.api.call(client -> client.record(SALON, recordId)).apiId());
        assertEquals(1, bookRecordRequests());
        assertTrue(world.logs.all().contains("\"booking-recovered\""), world.logs.all());
        assertFalse(world.bookings.visit(BookingWorld.USER, SALON, recordId).isPresent(), "no hash came: cancelled at the salon");
        assertEquals(booked, answer(ApiRoute.BOOK, handler.handle(event("online-booking", "book"), null), 201));
    }

    @Test
    void aBookRecordThatFailedBeforeBookingIs503AndItsRetryLooksFirstThenBooksOnce() throws IOException {
        world.simulator.faults().on("/book_record").next(Fault.serverError());

        JsonNode problem = assertProblem(503, "did not confirm", handler.handle(event("online-booking", "book"), null));
        assertTrue(problem.path("bookingUrl").asText().startsWith("https://n239661.yclients.com/company/235564/"), problem.toString());

        JsonNode booked = answer(ApiRoute.BOOK, handler.handle(event("online-booking", "book"), null), 201);
        assertEquals(2, bookRecordRequests());
        long withOurId = world.simulator.data().recordIds(SALON).stream()
                .filter(id -> booked.path("bookingId").asText().equals(world.api.call(client -> client.record(SALON, id)).apiId())).count();
        assertEquals(1, withOurId);
    }

    @Test
    void yClientsDownBeforeTheCheckIs503WithTheLinkAndRetryAfterAndForgetsTheKey() throws IOException {
        world.simulator.faults().on("/book_check").always(Fault.serverError());

        HttpResponse down = handler.handle(event("online-booking", "book"), null);
        assertProblem(503, "nothing was booked", down);
        assertEquals("30", down.headers().get("retry-after"));
        assertEquals(0, bookRecordRequests());

        world.simulator.faults().clear();
        answer(ApiRoute.BOOK, handler.handle(event("online-booking", "book"), null), 201);
    }

    @Test
    void aUserWithoutAProvenPhoneCannotBook() throws IOException {
        world.ledger.service.unlink(BookingWorld.USER);

        assertProblem(403, "phone is not proven", handler.handle(event("online-booking", "book"), null));
        assertEquals(0, bookRecordRequests());
    }

    private long bookTimesRequests() {
        return world.simulator.requests().stream().filter(r -> r.path().startsWith("/book_times/")).count();
    }

    private long bookRecordRequests() {
        return world.simulator.requests().stream().filter(r -> r.path().equals("/book_record/" + SALON)).count();
    }

    private static Set<Long> ids(JsonNode list) {
        Set<Long> ids = new TreeSet<>();
        list.forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }

    private static JsonNode ok(ApiRoute route, HttpResponse response) throws IOException {
        return answer(route, response, 200);
    }

    static JsonNode answer(ApiRoute route, HttpResponse response, int status) throws IOException {
        assertEquals(status, response.status(), response.body());
        assertTrue(route.statuses().contains(status));
        assertEquals("application/json", response.headers().get("content-type"));
        return ApiJson.mapper().readTree(response.body());
    }
}
