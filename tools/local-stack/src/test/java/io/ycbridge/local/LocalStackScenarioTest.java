package io.ycbridge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.appclient.ApiClient;
import io.ycbridge.appclient.ApiException;
import io.ycbridge.appclient.api.DefaultApi;
import io.ycbridge.appclient.model.BookingLink;
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

        BookingLink link = app.bookingUrl(SimulatorSeed.DEMO_SALON_ID, Long.toString(DemoScenario.SERVICE_ID), null);
        assertTrue(link.getUrl().toString().contains("/company/" + SimulatorSeed.DEMO_SALON_ID), link.toString());

        HttpResponse<String> booked = send("POST", "/local/book", null, "");
        assertEquals(200, booked.statusCode(), booked.body());
        JsonNode booking = JSON.readTree(booked.body());
        assertEquals(200, booking.path("webhookStatus").asInt());
        long record = booking.path("record").asLong();
        Map<String, AttributeValue> stored = stack.dynamoDb().getItem(request -> request
                .tableName(TableDefinitions.RECORDS.logicalId())
                .key(Map.of("company_id", AttributeValue.fromN(Long.toString(SimulatorSeed.DEMO_SALON_ID)),
                        "record_id", AttributeValue.fromN(Long.toString(record))))).item();
        assertTrue(stored != null && !stored.isEmpty(), "the webhook stored the booked record");

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
        LocalSmsSink.Sms sms = stack.smsSent().get(stack.smsSent().size() - 1);
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
