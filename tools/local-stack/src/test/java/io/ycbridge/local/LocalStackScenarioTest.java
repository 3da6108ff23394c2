package io.ycbridge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.appclient.ApiClient;
import io.ycbridge.appclient.ApiException;
import io.ycbridge.appclient.api.DefaultApi;
import io.ycbridge.appclient.model.Device;
import io.ycbridge.appclient.model.DeviceRequest;
import io.ycbridge.appclient.model.Booked;
import io.ycbridge.appclient.model.BookingLink;
import io.ycbridge.appclient.model.BookingRequest;
import io.ycbridge.appclient.model.FreeTime;
import io.ycbridge.appclient.model.MoveVisitRequest;
import io.ycbridge.appclient.model.Visit;
import io.ycbridge.appclient.model.ProfileRequest;
import io.ycbridge.appclient.model.ProfileResponse;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.table.TableDefinitions;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The README's guided scenario over real HTTP against the whole local stack, the app's calls through the client
 * generated from openapi.yaml: link the profile, get a booking link,
 * book (webhook stored), complete the visit, see the bonus; and the JWT authorizer refusing what API Gateway refuses.
 */
@Timeout(60)
class LocalStackScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        SamTemplate template = SamTemplate.read(SamTemplate.locate(Path.of("")));
        // No file and no environment: the defaults a new user gets, on a free port.
        LocalSettings settings = LocalSettings.load(null, Map.of(), Map.of("port", "0"), "rate(30 minutes)");
        stack = LocalStack.start(settings, template);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /**
     * The app's calls go through the Java client generated from openapi.yaml in this build (tools/app-client), so the
     * published spec is proven to drive the stack; the local-only routes are plain HTTP.
     */
    @Test
    void theGuidedScenarioCreditsFivePercentOfThePaidService() throws Exception {
        DefaultApi app = app(stack.sampleToken());
        assertEquals(200, send("POST", "/local/sync", null, "").statusCode());

        ProfileResponse profile = app.putProfile(new ProfileRequest().name("Olga").phone(DemoScenario.CLIENT_PHONE));
        assertTrue(profile.getPhoneVerified(), "the sample token's verified phone claim proves it: " + profile);
        Device phone = app.registerDevice(new DeviceRequest().platform(DeviceRequest.PlatformEnum.FCM).token("scenario-fcm-token").locale(DeviceRequest.LocaleEnum.EN));
        assertEquals(phone.getId(), app.registerDevice(new DeviceRequest().platform(DeviceRequest.PlatformEnum.FCM).token("scenario-fcm-token")
                .locale(DeviceRequest.LocaleEnum.EN)).getId(), "the same token is the same device");

        BookingLink link = app.bookingUrl(SimulatorSeed.DEMO_SALON_ID, Long.toString(DemoScenario.SERVICE_ID), null);
        assertTrue(link.getUrl().toString().contains("/company/" + SimulatorSeed.DEMO_SALON_ID), link.toString());

        // Natively: tomorrow's free times, book one (our profile filled in), it arrives by webhook, move it, list it.
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(1);
        String service = Long.toString(DemoScenario.SERVICE_ID);
        String staff = Long.toString(DemoScenario.STAFF_ID);
        List<FreeTime> times = app.bookingTimes(SimulatorSeed.DEMO_SALON_ID, tomorrow, service, staff).getTimes();
        assertTrue(times.size() >= 3, "free times tomorrow: " + times);
        BookingRequest order = new BookingRequest().company(SimulatorSeed.DEMO_SALON_ID).services(List.of(DemoScenario.SERVICE_ID))
                .staff(DemoScenario.STAFF_ID).datetime(times.get(0).getDatetime());
        Booked booked = app.book("scenario-1", order);
        assertEquals(booked, app.book("scenario-1", order), "a retry with the key answers the same booking");
        long record = booked.getVisit().getRecordId();
        String visitId = booked.getVisit().getId();
        Visit listed = awaitVisit(app, visitId, visit -> true);
        assertTrue(listed.getBookedInApp());
        assertEquals("booked", listed.getStatus().getValue());

        Visit moved = app.moveVisit(visitId, new MoveVisitRequest().datetime(times.get(2).getDatetime()));
        assertEquals(times.get(2).getDatetime().toInstant(), moved.getStartsAt().toInstant());
        awaitVisit(app, visitId, visit -> visit.getStartsAt().toInstant().equals(times.get(2).getDatetime().toInstant()));

        // A second booking, cancelled from the app: the webhook's delete marks it cancelled in the list.
        Booked second = app.book("scenario-2", new BookingRequest().company(SimulatorSeed.DEMO_SALON_ID)
                .services(List.of(DemoScenario.SERVICE_ID)).staff(DemoScenario.STAFF_ID).datetime(times.get(0).getDatetime()));
        awaitVisit(app, second.getVisit().getId(), visit -> true);
        app.cancelVisit(second.getVisit().getId());
        awaitVisit(app, second.getVisit().getId(), visit -> visit.getStatus().getValue().equals("cancelled"));

        HttpResponse<String> completed = send("POST", "/local/visits/" + record + "/complete", null, "");
        assertEquals(200, completed.statusCode(), completed.body());

        // Stream → accrual is asynchronous, as in AWS: wait for it. 5 % (BONUS_PERCENT's template default) of 1500.
        BigDecimal expected = new BigDecimal("75");
        BigDecimal balance = BigDecimal.ZERO;
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            balance = new BigDecimal(java.util.Objects.requireNonNullElse(app.bonus(null, null).getBalance(), "0"));
            if (balance.compareTo(expected) == 0) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals(0, balance.compareTo(expected), "balance " + balance);

        // The bonus is on the client's loyalty card (the ledger stream's mirror); the cashier spends 50 of it at the
        // counter, and the next sync's loyalty cycle reads the spend back: the app's balance follows the card.
        awaitCardBalance(expected);
        HttpResponse<String> spent = send("POST", "/local/visits/" + record + "/spend", null, "{\"amount\":50}");
        assertEquals(200, spent.statusCode(), spent.body());
        assertEquals(200, send("POST", "/local/sync", null, "").statusCode());
        HttpResponse<String> bonus = send("GET", "/v1/me/bonus", stack.sampleToken(), null);
        com.fasterxml.jackson.databind.JsonNode answer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(bonus.body());
        assertEquals("25.00", answer.path("balance").asText(), bonus.body());
        assertEquals("REDEMPTION", answer.path("entries").get(0).path("kind").asText(), bonus.body());
        assertEquals("card", answer.path("entries").get(0).path("source").asText(), bonus.body());

        // What the app was told on the bus, once each, derived from the streams: the first visit booked, moved and
        // completed; the second booked and cancelled; the bonus accrued and then redeemed at the counter.
        assertEquals(List.of("VisitBooked", "VisitRescheduled", "VisitCompleted", "BonusAccrued", "BonusRedeemed"),
                awaitEvents(record, 5), "events of record " + record);
        assertEquals(List.of("VisitBooked", "VisitCancelled"), awaitEvents(second.getVisit().getRecordId(), 2));
        com.fasterxml.jackson.databind.JsonNode redeemed = stack.events().stream()
                .filter(event -> event.path("detail-type").asText().equals("BonusRedeemed")).findFirst().orElseThrow();
        assertEquals("50.00", redeemed.path("detail").path("bonus").path("amount").asText());
        assertEquals("card", redeemed.path("detail").path("bonus").path("source").asText());
        assertFalse(redeemed.path("detail").path("userId").isNull(), "the demo client's phone is the sample user's: " + redeemed);

        // And the pushes the device got, for the events PUSH_EVENTS enables by default, once each, in English.
        // The two streams' pollers run side by side, so only the set is certain, not the order across them.
        assertEquals(List.of("Bonus received", "Visit cancelled", "Visit moved"), awaitPushes(3).stream().sorted().toList(), "pushes");
    }

    /** The titles of the pushes the local SNS printed, once {@code count} of them are there. */
    private static List<String> awaitPushes(int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        List<String> titles = List.of();
        while (Instant.now().isBefore(deadline)) {
            titles = stack.pushed().stream().map(LocalSns.Push::title).toList();
            if (titles.size() >= count) {
                break;
            }
            Thread.sleep(200);
        }
        return titles;
    }

    /** The event types published for a record, in order, once {@code count} of them are there (the streams are asynchronous). */
    private static List<String> awaitEvents(long record, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        List<String> types = List.of();
        while (Instant.now().isBefore(deadline)) {
            types = stack.events().stream().filter(event -> event.path("detail").path("recordId").asLong() == record)
                    .map(event -> event.path("detail-type").asText()).toList();
            if (types.size() >= count) {
                break;
            }
            Thread.sleep(200);
        }
        return types;
    }

    /** The mirror posts asynchronously, as in AWS: waits until the demo chain's card of the sample user holds {@code expected}. */
    private static void awaitCardBalance(BigDecimal expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        BigDecimal card = BigDecimal.ZERO;
        while (Instant.now().isBefore(deadline)) {
            card = stack.simulator().loyalty().cardsOf(DemoScenario.CLIENT_PHONE.substring(1)).stream()
                    .map(found -> found.balance()).findFirst().orElse(BigDecimal.ZERO);
            if (card.compareTo(expected) == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the card holds " + card + ", not " + expected);
    }

    @Test
    void theFirstScheduledSyncEndsSoonAfterTheStartAndBringsTheCatalogForLinks() throws Exception {
        assertTrue(stack.awaitFirstSync(Duration.ofSeconds(30)), "./ycbridge local waits for it before its banner");
        BookingLink link = app(stack.sampleToken()).bookingUrl(SimulatorSeed.DEMO_SALON_ID, Long.toString(DemoScenario.SERVICE_ID), null);
        assertTrue(link.getUrl().toString().contains("o=s" + DemoScenario.SERVICE_ID), link.toString());
    }

    @Test
    void aRefusalReachesTheGeneratedClientAsAProblemWithItsStatus() {
        ApiException refused = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
                () -> app(stack.sampleToken()).bonus(0, null));
        assertEquals(400, refused.getCode());
        assertTrue(refused.getResponseBody().contains("urn:ycbridge:problem:invalid-request"), refused.getResponseBody());
        assertEquals("application/problem+json", refused.getResponseHeaders().firstValue("content-type").orElse(""));
    }

    /** The visit as GET /v1/me/visits lists it once {@code until} holds: the webhook stores the record asynchronously. */
    private static Visit awaitVisit(DefaultApi app, String id, java.util.function.Predicate<Visit> until) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        Visit seen = null;
        while (Instant.now().isBefore(deadline)) {
            seen = app.myVisits("all", 50, null, null).getVisits().stream().filter(visit -> visit.getId().equals(id)).findFirst().orElse(null);
            if (seen != null && until.test(seen)) {
                return seen;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("visit " + id + " not listed as expected; last seen " + seen);
    }

    private static DefaultApi app(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(stack.baseUrl().toString());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return new DefaultApi(client);
    }

    @Test
    void theSmsFlowProvesAPhoneThroughTheLocalSinkAndLeavingErasesIt() throws Exception {
        String token = stack.issuer().issue("local-user-sms", Duration.ofHours(1));
        String phone = "+79160000077";

        HttpResponse<String> unproven = send("PUT", "/v1/me/profile", token, "{\"name\":\"Ira\",\"phone\":\"" + phone + "\"}");
        assertEquals(200, unproven.statusCode(), unproven.body());
        assertFalse(JSON.readTree(unproven.body()).path("phoneVerified").asBoolean(true), "no claim, no code: contact data only");

        HttpResponse<String> sent = send("POST", "/v1/me/phone/verification", token, "{\"phone\":\"" + phone + "\"}");
        assertEquals(202, sent.statusCode(), sent.body());
        LocalSns.Sms sms = stack.smsSent().get(stack.smsSent().size() - 1);
        assertEquals(phone, sms.phoneNumber());
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("\\b([0-9]{6})\\b").matcher(sms.message());
        assertTrue(code.find(), "the SMS carries the code");

        HttpResponse<String> proven = send("PUT", "/v1/me/phone/verification", token,
                "{\"phone\":\"" + phone + "\",\"code\":\"" + code.group(1) + "\"}");
        assertEquals(200, proven.statusCode(), proven.body());
        HttpResponse<String> linked = send("PUT", "/v1/me/profile", token, "{\"name\":\"Ira\",\"phone\":\"" + phone + "\"}");
        assertEquals("sms", JSON.readTree(linked.body()).path("proof").asText(), linked.body());
        assertTrue(JSON.readTree(linked.body()).path("phoneVerified").asBoolean());

        assertEquals(204, send("DELETE", "/v1/me", token, null).statusCode());
        assertEquals(204, send("DELETE", "/v1/me", token, null).statusCode(), "safe to repeat");
        Map<String, AttributeValue> profile = stack.dynamoDb().getItem(request -> request.tableName(TableDefinitions.PROFILES.logicalId())
                .key(Map.of("user_id", AttributeValue.fromS("local-user-sms"))).consistentRead(true)).item();
        assertTrue(profile == null || profile.isEmpty(), "the profile is gone");
    }

    @Test
    void mobileRoutesRefuseMissingAndForeignTokensLikeApiGateway() throws Exception {
        HttpResponse<String> none = send("GET", "/v1/me/bonus", null, null);
        assertEquals(401, none.statusCode());
        assertEquals("Unauthorized", JSON.readTree(none.body()).path("message").asText());

        String foreign = stack.issuer().issue(LocalStack.SAMPLE_USER, "someone-elses-app", Duration.ofHours(1));
        assertEquals(401, send("GET", "/v1/me/bonus", foreign, null).statusCode());

        String expired = stack.issuer().issue(LocalStack.SAMPLE_USER, Duration.ofSeconds(-1));
        assertEquals(401, send("GET", "/v1/me/bonus", expired, null).statusCode());

        // The webhook is not behind the authorizer; its own token check answers.
        assertEquals(401, send("POST", "/v1/yclients/webhook/not-the-token", null, "{}").statusCode());
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.baseUrl() + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
