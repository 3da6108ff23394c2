package io.ycbridge.app.visits;

import static io.ycbridge.app.booking.BookingWorld.SALON;
import static io.ycbridge.app.booking.BookingWorld.event;
import static io.ycbridge.app.booking.ProblemAnswers.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.app.booking.BookingWorld;
import io.ycbridge.app.booking.OnlineBookingHandler;
import io.ycbridge.edge.HttpRequest;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.fixture.Invocations;
import io.ycbridge.http.ApiRoute;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.simulator.RecordRules;
import io.ycbridge.yclients.ApiJson;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The visits routes through their event files against the simulator and DynamoDB Local: a visit booked in the app
 * (through POST /v1/bookings) and one paid at the salon, listed with their bonus; cancelled and moved through the
 * booking user's API, within the salon's rules; another user's visit and one booked at the desk left alone.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class VisitsHandlerTest {
    /** Client 4001's visit of 2026-11-20 (the demo seed), paid in full below: 5 % of 1500. */
    private static final long PAID_VISIT = 9001;
    /** Client 4002's, another phone. */
    private static final long OTHERS_VISIT = 9002;
    private final DynamoDbClient dynamoDb;
    private BookingWorld world;
    private VisitsHandler handler;
    private long booked;

    VisitsHandlerTest(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    @BeforeEach
    void aVisitBookedInTheAppAndOnePaidAtTheSalon() throws IOException {
        world = new BookingWorld(dynamoDb);
        handler = new VisitsHandler(world.visits());
        OnlineBookingHandler booking = world.handler();
        HttpResponse answer = booking.handle(event("online-booking", "book"), null);
        assertEquals(201, answer.status(), answer.body());
        booked = ApiJson.mapper().readTree(answer.body()).path("visit").path("recordId").asLong();
        world.storeFromApi(SALON, booked);
        world.simulator.data().completeVisit(SALON, PAID_VISIT, true);
        world.ledger.service.accrue(world.storeFromApi(SALON, PAID_VISIT));
        world.storeFromApi(SALON, OTHERS_VISIT);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void theUsersVisitsAreListedLatestFirstWithStatusMasterPriceAndBonus() throws IOException {
        JsonNode visits = ok(ApiRoute.VISITS, handler.handle(event("visits", "my-visits"), null)).path("visits");

        assertEquals(2, visits.size(), "not client 4002's visit: " + visits);
        JsonNode upcoming = visits.get(0);
        assertEquals(SALON + "-" + booked, upcoming.path("id").asText());
        assertEquals("booked", upcoming.path("status").asText());
        assertEquals("2026-12-10T12:00:00+03:00", upcoming.path("startsAt").asText());
        assertEquals("Анна Смирнова", upcoming.path("staff").path("name").asText());
        assertEquals("1500.00", upcoming.path("price").asText());
        assertEquals("none", upcoming.path("bonus").path("status").asText());
        assertTrue(upcoming.path("bookedInApp").asBoolean());
        JsonNode paid = visits.get(1);
        assertEquals(SALON + "-" + PAID_VISIT, paid.path("id").asText());
        assertEquals("arrived", paid.path("status").asText());
        assertEquals("earned", paid.path("bonus").path("status").asText());
        assertEquals("75.00", paid.path("bonus").path("amount").asText());
        assertFalse(paid.path("bookedInApp").asBoolean());
    }

    @Test
    void upcomingAndPastSplitAtNowAndPagesFollowTheCursor() throws IOException {
        JsonNode upcoming = ok(ApiRoute.VISITS, handler.handle(event("visits", "my-upcoming-visits"), null));
        assertEquals(List.of(SALON + "-" + booked), ids(upcoming));
        JsonNode past = ok(ApiRoute.VISITS, handler.handle(Invocations.withQuery(event("visits", "my-visits"), Map.of("when", "past")), null));
        assertEquals(List.of(SALON + "-" + PAID_VISIT), ids(past));

        JsonNode first = ok(ApiRoute.VISITS, handler.handle(Invocations.withQuery(event("visits", "my-visits"), Map.of("limit", "1")), null));
        assertEquals(1, first.path("visits").size());
        String cursor = first.path("nextCursor").asText();
        assertFalse(cursor.contains("7999"), "no phone in the cursor");
        JsonNode second = ok(ApiRoute.VISITS, handler.handle(Invocations.withQuery(event("visits", "my-visits"),
                Map.of("limit", "1", "cursor", cursor)), null));
        assertEquals(List.of(SALON + "-" + PAID_VISIT), ids(second));
        HttpResponse wrongWhen = handler.handle(Invocations.withQuery(event("visits", "my-visits"), Map.of("when", "upcoming", "cursor", cursor)), null);
        assertProblem(400, "cursor", wrongWhen);
    }

    @Test
    void theETagAnswers304UntilAVisitChanges() throws IOException {
        HttpResponse first = handler.handle(event("visits", "my-visits"), null);
        String etag = first.headers().get("etag");
        HttpRequest again = Invocations.withHeaders(event("visits", "my-visits"), Map.of("if-none-match", etag));
        assertEquals(304, handler.handle(again, null).status());

        world.simulator.clock().advance(Duration.ofSeconds(5));
        world.simulator.data().markConfirmed(SALON, booked);
        world.storeFromApi(SALON, booked);
        HttpResponse changed = handler.handle(again, null);
        assertEquals(200, changed.status());
        assertEquals("confirmed", ApiJson.mapper().readTree(changed.body()).path("visits").get(0).path("status").asText());
    }

    @Test
    void refusalsOfTheListSayWhy() throws IOException {
        assertProblem(400, "cursor", handler.handle(event("visits", "bad-cursor"), null));
        assertProblem(400, "when must be", handler.handle(event("visits", "bad-when"), null));
        assertProblem(400, "limit must be", handler.handle(event("visits", "bad-limit"), null));
        assertProblem(401, "no user", handler.handle(event("visits", "no-subject"), null));
        assertProblem(400, "<company>-<record>", handler.handle(event("visits", "cancel-bad-id"), null));
        assertProblem(400, "not JSON", handler.handle(at(event("visits", "move-malformed-body"), booked), null));
    }

    @Test
    void aVisitBookedInTheAppIsCancelledThroughTheBookingUsersApi() throws IOException {
        HttpResponse cancelled = handler.handle(at(event("visits", "cancel-visit"), booked), null);

        assertEquals(204, cancelled.status(), cancelled.body());
        assertTrue(ApiRoute.VISIT_CANCEL.statuses().contains(204));
        assertTrue(world.simulator.requests().stream().anyMatch(r -> r.method().equals("DELETE") && r.path().startsWith("/user/records/" + booked + "/")));
        world.simulator.clock().advance(Duration.ofSeconds(5));
        world.storeFromApi(SALON, booked);
        assertEquals("cancelled", ok(ApiRoute.VISITS, handler.handle(event("visits", "my-visits"), null)).path("visits").get(0)
                .path("status").asText());
        assertProblem(409, "cancelled already", handler.handle(at(event("visits", "cancel-visit"), booked), null));
    }

    @Test
    void anotherUsersVisitIsNotFoundAndOneBookedAtTheDeskIsTheSalonsToChange() throws IOException {
        assertProblem(404, "no visit", handler.handle(at(event("visits", "cancel-another-users-visit"), OTHERS_VISIT), null));
        long atTheDesk = world.simulator.data().createRecord(SALON, 4001, 56, List.of(302L), LocalDateTime.of(2026, 12, 12, 11, 0));
        world.storeFromApi(SALON, atTheDesk);

        assertProblem(403, "booked with the salon", handler.handle(at(event("visits", "cancel-visit"), atTheDesk), null));
        assertProblem(403, "booked with the salon", handler.handle(at(event("visits", "move-visit"), atTheDesk), null));
        assertProblem(409, "begun or is over", handler.handle(at(event("visits", "cancel-visit"), PAID_VISIT), null));
        assertFalse(world.simulator.requests().stream().anyMatch(r -> r.method().equals("DELETE")), "nothing was cancelled");
    }

    @Test
    void theSalonsRulesCloseCancellingAndMovingBeforeTheVisit() throws IOException {
        world.simulator.bookingForms().recordRules(SALON, new RecordRules(true, Duration.ofHours(72), false, Duration.ZERO));

        assertProblem(409, "up to 72 h before the visit", handler.handle(at(event("visits", "cancel-visit"), booked), null));
        assertProblem(403, "does not let visits be moved online", handler.handle(at(event("visits", "move-visit"), booked), null));
        assertFalse(world.simulator.requests().stream().anyMatch(r -> r.method().equals("DELETE") || r.method().equals("PUT")),
                "refused before asking YClients to change anything");
    }

    @Test
    void aVisitIsMovedToAFreeTimeAndATakenOneOffersTheNext() throws IOException {
        JsonNode moved = ok(ApiRoute.VISIT_MOVE, handler.handle(at(event("visits", "move-visit"), booked), null));
        assertEquals("2026-12-11T16:00:00+03:00", moved.path("startsAt").asText());
        assertEquals(SALON + "-" + booked, moved.path("id").asText());
        assertEquals("2026-12-11T16:00", world.api.call(client -> client.record(SALON, booked)).datetime().local().toString());

        world.simulator.data().createRecord(SALON, 4002, 55, List.of(301L), LocalDateTime.of(2026, 12, 11, 18, 0));
        HttpRequest taken = Invocations.withBody(at(event("visits", "move-visit"), booked), "{\"datetime\":\"2026-12-11T18:00:00+03:00\"}");
        JsonNode problem = assertProblem(409, "just taken", handler.handle(taken, null));
        assertEquals("2026-12-11T19:00:00+03:00", problem.path("nextTimes").get(0).path("datetime").asText());
        HttpRequest past = Invocations.withBody(at(event("visits", "move-visit"), booked), "{\"datetime\":\"2026-12-01T18:00:00+03:00\"}");
        assertProblem(422, "has passed", handler.handle(past, null));
    }

    private static HttpRequest at(HttpRequest request, long recordId) {
        return Invocations.withPath(request, Map.of("id", SALON + "-" + recordId));
    }

    private static List<String> ids(JsonNode page) {
        return page.path("visits").valueStream().map(visit -> visit.path("id").asText()).toList();
    }

    private static JsonNode ok(ApiRoute route, HttpResponse response) throws IOException {
        assertEquals(200, response.status(), response.body());
        assertTrue(route.statuses().contains(200));
        assertNotNull(response.body());
        return ApiJson.mapper().readTree(response.body());
    }
}
