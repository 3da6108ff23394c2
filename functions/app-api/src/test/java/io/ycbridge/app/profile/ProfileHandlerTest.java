package io.ycbridge.app.profile;

import io.ycbridge.app.booking.BookingStore;
import io.ycbridge.fixture.Tables;
import io.ycbridge.app.bonus.BonusBalanceHandler;
import io.ycbridge.bonus.BonusRules;
import io.ycbridge.bonus.Ledger;
import io.ycbridge.bonus.UserLinkStore;
import io.ycbridge.bonus.Visits;
import static io.ycbridge.bonus.Visits.came;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.edge.HttpRequest;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.fixture.Invocations;
import io.ycbridge.http.ApiRoute;
import io.ycbridge.app.devices.DeviceRegistration;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.localaws.MotoServer;
import io.ycbridge.localaws.MotoServerExtension;
import io.ycbridge.push.MotoPush;
import io.ycbridge.push.Platform;
import io.ycbridge.push.PushSettings;
import io.ycbridge.push.PushStore;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.LogSink;
import io.ycbridge.phone.PhoneNormalizer;
import io.ycbridge.app.verification.PhoneVerificationStore;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.table.TableDefinitions;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Driven by events/profile/ (HTTP API v2 with JWT claims, user-sub-1). Two visits of +79990000000 wait, pending, for a
 * proven owner; +79990000005 is linked to someone else.
 */
@ExtendWith({LocalDynamoDbExtension.class, MotoServerExtension.class})
class ProfileHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "user-sub-1";
    private static final String PHONE = "+79990000000";
    /** Now, to the second: DynamoDB Local deletes items whose TTL passed in real time, so proofs must live in real time. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final DynamoDbClient realClient;
    /** What the next call of the named DynamoDB operation throws instead of reaching DynamoDB Local (then cleared). */
    private final AtomicReference<Map.Entry<String, RuntimeException>> fault = new AtomicReference<>();
    /** How many more times the planted fault is thrown after the first (a conflict that does not go away). */
    private final java.util.concurrent.atomic.AtomicInteger repeats = new java.util.concurrent.atomic.AtomicInteger();
    private Ledger ledger;
    private ProfileStore profiles;
    private PhoneVerificationStore verifications;
    private BookingStore bookings;
    private ProfileHandler handler;
    private final LogSink.Captured logs = new LogSink.Captured();

    private static final java.util.concurrent.atomic.AtomicInteger APPS = new java.util.concurrent.atomic.AtomicInteger();
    private final MotoPush sns;
    private String application;
    private DeviceRegistration devices;
    private PushStore pushStore;

    ProfileHandlerTest(DynamoDbClient client, MotoServer moto) {
        this.realClient = client;
        this.sns = new MotoPush(moto);
    }

    @BeforeEach
    void twoVisitsUnderThePhoneWaitForAProvenOwner() {
        DynamoDbClient client = faulty(realClient);
        ledger = new Ledger(client, BonusRules.percent("5"));
        profiles = new ProfileStore(client, Tables.create(client, TableDefinitions.PROFILES));
        verifications = new PhoneVerificationStore(client, Tables.create(client, TableDefinitions.PHONE_VERIFICATIONS));
        bookings = new BookingStore(client, Tables.create(client, TableDefinitions.BOOKINGS));
        pushStore = new PushStore(client, Tables.create(client, TableDefinitions.PUSH), io.ycbridge.yclients.ApiJson.mapper());
        application = sns.application("profile-app-" + APPS.incrementAndGet(), "GCM");
        devices = new DeviceRegistration(PushSettings.from(io.ycbridge.config.Config.of(Map.of("FCM_PLATFORM_APPLICATION_ARN", application))),
                pushStore, sns.endpoints(), Clock.fixed(NOW, ZoneOffset.UTC), new DecisionLog("devices", logs, Clock.fixed(NOW, ZoneOffset.UTC)));
        ledger.service.linkProvenPhone("someone-else", "+79990000005");
        for (int r = 1; r <= 2; r++) {
            // Walk-ins known only by phone: nobody has proven +79990000000 yet, so the accruals are pending.
            ledger.service.accrue(Visits.visit(8200 + r, r, StoredRecord.ATTENDANCE_CAME, true, false, null, PHONE, came(1, 1).services()));
        }
        handler = new ProfileHandler(new ProfileService(ledger.service, ledger.links, profiles, verifications, bookings, devices, PhoneNormalizer.russia(),
                PhoneClaims.OPENID, Clock.fixed(NOW, ZoneOffset.UTC), new DecisionLog("profile", logs, Clock.fixed(NOW, ZoneOffset.UTC))));
    }

    /** The real client, except that a planted fault is thrown by the operation it names, once plus {@link #repeats}. */
    private DynamoDbClient faulty(DynamoDbClient real) {
        return (DynamoDbClient) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
            Map.Entry<String, RuntimeException> planted = fault.get();
            if (planted != null && planted.getKey().equals(method.getName())
                    && (repeats.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || fault.compareAndSet(planted, null))) {
                throw planted.getValue();
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private static String event(String name) throws IOException {
        return Files.readString(Path.of("../../events/profile/" + name + ".json"));
    }

    /** Through the Lambda entry point, as the runtime calls it: the event's bytes in, the response read from the bytes out. */
    private HttpResponse handle(String name) throws IOException {
        return handleEvent(event(name));
    }

    private HttpResponse handleEvent(String event) throws IOException {
        HttpResponse response = Invocations.httpAnswer(invoke(event));
        ApiRoute route = event.contains("\"DELETE /v1/me\"") ? ApiRoute.ACCOUNT : ApiRoute.PROFILE;
        assertTrue(route.statuses().contains(response.status()), "declared in ApiRoute and openapi.yaml: " + response.status());
        return response;
    }

    private byte[] invoke(String event) throws IOException {
        return Invocations.invoke(handler, event.getBytes(StandardCharsets.UTF_8));
    }

    /** The profile event with these claims added (the JWT authorizer's verified claims, as text). */
    private static String withClaims(String name, Map<String, String> claims) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(event(name));
        ObjectNode tokenClaims = (ObjectNode) event.path("requestContext").path("authorizer").path("jwt").path("claims");
        claims.forEach(tokenClaims::put);
        return JSON.writeValueAsString(event);
    }

    private static JsonNode body(HttpResponse response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Test
    void theAnswerIsInPayloadVersionTwo() throws Exception {
        JsonNode response = JSON.readTree(invoke(event("verified-phone-claim")));

        assertEquals(200, response.path("statusCode").asInt(), response.toString());
        assertEquals("application/json", response.path("headers").path("content-type").asText());
        assertFalse(response.path("isBase64Encoded").asBoolean(true));
        assertFalse(response.has("cookies") || response.has("multiValueHeaders"), response.toString());
        assertEquals(PHONE, JSON.readTree(response.path("body").asText()).path("phone").asText());
    }

    @Test
    void theTypedEntryPointAnswersTheSame() throws Exception {
        HttpRequest request = Invocations.http("../../events/profile/verified-phone-claim.json");
        HttpResponse response = handler.handle(request, null);

        assertEquals(200, response.status(), response.body());
        assertEquals("198.00", body(response).path("credited").asText());
    }

    @Test
    void aVerifiedPhoneClaimLinksThePhoneAndCreditsPendingVisits() throws Exception {
        HttpResponse response = handle("verified-phone-claim");

        assertEquals(200, response.status(), response.body());
        JsonNode body = body(response);
        assertEquals(PHONE, body.path("phone").asText());
        assertTrue(body.path("phoneVerified").asBoolean());
        assertEquals("token", body.path("proof").asText());
        assertEquals("198.00", body.path("credited").asText());
        assertEquals(new Profile(USER, "Анна Смирнова", PHONE, "anna@example.com", "APP-1001", NOW), profiles.find(USER).orElseThrow());
        assertEquals(PHONE, ledger.links.linksOf(USER).orElseThrow().phoneE164());
        assertEquals(USER, ledger.links.userForPhone(PHONE).orElseThrow());

        JsonNode again = body(handle("verified-phone-claim"));
        assertEquals("0.00", again.path("credited").asText(), "a repeat credits nothing twice");
        assertTrue(again.path("phoneVerified").asBoolean());
        assertFalse(String.join("\n", logs.lines()).contains("9990000000"), "no phone in the decision log: " + logs.lines());
    }

    @Test
    void anUnprovenPhoneIsContactDataAndLinksNothing() throws Exception {
        for (String unproven : new String[] {"profile", "unverified-phone-claim"}) {
            HttpResponse response = handle(unproven);

            assertEquals(200, response.status(), response.body());
            JsonNode body = body(response);
            assertFalse(body.path("phoneVerified").asBoolean(true), unproven);
            assertEquals("none", body.path("proof").asText());
            assertEquals("0.00", body.path("credited").asText());
            assertEquals(PHONE, profiles.find(USER).orElseThrow().phoneE164(), "stored as contact data");
            assertTrue(ledger.links.linksOf(USER).isEmpty(), "no link");
            assertTrue(ledger.links.userForPhone(PHONE).isEmpty());
        }
    }

    @Test
    void aVerifiedClaimForAnotherPhoneOrNotQuiteTrueProvesNothing() throws Exception {
        for (Map<String, String> claims : java.util.List.of(
                Map.of("phone_number", "+79990000001", "phone_number_verified", "true"),
                Map.of("phone_number", PHONE, "phone_number_verified", "1"),
                Map.of("phone_number", PHONE),
                Map.of("phone_number_verified", "true"))) {
            JsonNode body = body(handleEvent(withClaims("profile", claims)));
            assertFalse(body.path("phoneVerified").asBoolean(true), claims.toString());
        }
        assertTrue(ledger.links.userForPhone(PHONE).isEmpty());

        JsonNode domestic = body(handleEvent(withClaims("profile", Map.of("phone_number", "8 999 000-00-00", "phone_number_verified", "TRUE"))));
        assertTrue(domestic.path("phoneVerified").asBoolean(), "the claimed phone is normalised like the body's");
    }

    @Test
    void aJsonBooleanClaimProvesThePhoneAsItsTextDoes() throws Exception {
        // HTTP APIs pass claims as strings; should one arrive with its JSON type (as REST APIs' JWT authorizer does),
        // the event decoding reads a boolean as its text, and the proof holds the same.
        ObjectNode event = (ObjectNode) JSON.readTree(event("profile"));
        ObjectNode claims = (ObjectNode) event.path("requestContext").path("authorizer").path("jwt").path("claims");
        claims.put("phone_number", PHONE);
        claims.put("phone_number_verified", true);

        JsonNode body = body(handleEvent(JSON.writeValueAsString(event)));

        assertTrue(body.path("phoneVerified").asBoolean(), body.toString());
        assertEquals("token", body.path("proof").asText());
    }

    @Test
    void configuredClaimNamesAreTheOnesRead() throws Exception {
        handler = new ProfileHandler(new ProfileService(ledger.service, ledger.links, profiles, verifications, bookings, devices, PhoneNormalizer.russia(),
                PhoneClaims.from(io.ycbridge.config.Config.of(Map.of("JWT_PHONE_CLAIM", "https://salon.example/phone",
                        "JWT_PHONE_VERIFIED_CLAIM", "https://salon.example/phone_verified"))),
                Clock.fixed(NOW, ZoneOffset.UTC), new DecisionLog("profile", logs, Clock.fixed(NOW, ZoneOffset.UTC))));

        assertFalse(body(handle("verified-phone-claim")).path("phoneVerified").asBoolean(true), "the OpenID names are not configured here");
        assertTrue(body(handleEvent(withClaims("profile", Map.of("https://salon.example/phone", PHONE,
                "https://salon.example/phone_verified", "true")))).path("phoneVerified").asBoolean());
    }

    @Test
    void aStrangersPhoneWithoutProofIsStoredButNotTaken() throws Exception {
        HttpResponse response = handle("phone-of-another-user");

        assertEquals(200, response.status(), "never 409: the answer does not say whose the number is: " + response.body());
        assertFalse(body(response).path("phoneVerified").asBoolean(true));
        assertEquals("someone-else", ledger.links.userForPhone("+79990000005").orElseThrow());
        assertTrue(ledger.links.linksOf(USER).isEmpty());
    }

    @Test
    void aProvenOwnerTakesOverAPhoneLinkedToAnotherUser() throws Exception {
        JsonNode body = body(handleEvent(withClaims("phone-of-another-user",
                Map.of("phone_number", "+79990000005", "phone_number_verified", "true"))));

        assertTrue(body.path("phoneVerified").asBoolean(), body.toString());
        assertEquals(USER, ledger.links.userForPhone("+79990000005").orElseThrow());
        assertTrue(ledger.links.linksOf("someone-else").map(UserLinkStore.Links::phoneE164).isEmpty(), "the old link ended");
    }

    @Test
    void anSmsProofLinksOnceAndIsUsedUp() throws Exception {
        verifications.putCode(USER, PHONE, new byte[] {1}, new byte[] {2}, 5, NOW.plus(Duration.ofMinutes(10)));
        verifications.prove(verifications.code(USER, PHONE).orElseThrow(), NOW.plus(Duration.ofMinutes(15)));

        JsonNode body = body(handle("profile"));

        assertTrue(body.path("phoneVerified").asBoolean(), body.toString());
        assertEquals("sms", body.path("proof").asText());
        assertEquals("198.00", body.path("credited").asText());
        assertEquals(PhoneVerificationStore.State.USED, verifications.code(USER, PHONE).orElseThrow().state());
        JsonNode again = body(handle("profile"));
        assertEquals("earlier", again.path("proof").asText(), "the link itself is the proof from now on");
        assertTrue(again.path("phoneVerified").asBoolean());
    }

    @Test
    void anSmsProofOfAnotherUserOrAnExpiredOneProvesNothing() throws Exception {
        verifications.putCode("other-user", PHONE, new byte[] {1}, new byte[] {2}, 5, NOW.plus(Duration.ofMinutes(10)));
        verifications.prove(verifications.code("other-user", PHONE).orElseThrow(), NOW.plus(Duration.ofMinutes(15)));
        verifications.putCode(USER, PHONE, new byte[] {1}, new byte[] {2}, 5, NOW.plus(Duration.ofMinutes(10)));
        verifications.prove(verifications.code(USER, PHONE).orElseThrow(), NOW.minusSeconds(1));
        PhoneVerificationStore pending = verifications;
        pending.putCode(USER, "+79990000001", new byte[] {1}, new byte[] {2}, 5, NOW.plus(Duration.ofMinutes(10)));

        assertFalse(body(handle("profile")).path("phoneVerified").asBoolean(true), "another user's proof, and an expired one of mine");
        assertTrue(ledger.links.userForPhone(PHONE).isEmpty());
        assertTrue(verifications.useProof("other-user", PHONE, NOW), "the other user's proof is untouched");
    }

    @Test
    void throttlingAndConflictsAre503WithRetryAfterNever409() throws Exception {
        fault.set(Map.entry("putItem", (RuntimeException) ProvisionedThroughputExceededException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build()).build()));
        HttpResponse throttled = handle("verified-phone-claim");
        assertEquals(503, throttled.status(), throttled.body());
        assertEquals("1", throttled.headers().get("retry-after"));

        RuntimeException conflicting = TransactionCanceledException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TransactionCanceledException").build())
                .cancellationReasons(CancellationReason.builder().code("TransactionConflict").build()).build();
        // One conflict is retried: the save links.
        fault.set(Map.entry("transactWriteItems", conflicting));
        JsonNode once = body(handle("verified-phone-claim"));
        assertTrue(once.path("phoneVerified").asBoolean(), "a passing conflict is retried: " + once);
        assertEquals("198.00", once.path("credited").asText());
        ledger.service.unlink(USER);

        // One that does not pass within the retries is 503, never "linked to another user".
        repeats.set(100);
        fault.set(Map.entry("transactWriteItems", conflicting));
        HttpResponse conflict = handle("verified-phone-claim");
        repeats.set(0);
        fault.set(null);
        assertEquals(503, conflict.status(), "a conflicting transaction is not 'linked to another user': " + conflict.body());
        assertFalse(conflict.body().contains("another"), conflict.body());

        JsonNode retried = body(handle("verified-phone-claim"));
        assertTrue(retried.path("phoneVerified").asBoolean(), "the retry links: " + retried);
    }

    @Test
    void twoConcurrentSavesOfDifferentProvenPhonesLeaveOneLinkAndTellTheTruth() throws Exception {
        String other = "+79990000002";
        String first = withClaims("verified-phone-claim", Map.of());
        String second = withClaims("verified-phone-claim", Map.of("phone_number", other)).replace("+7 999 000-00-00", other);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                java.util.List<java.util.concurrent.Future<HttpResponse>> answers = new java.util.ArrayList<>();
                for (String event : java.util.List.of(first, second)) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return handleEvent(event);
                    }));
                }
                start.countDown();
                java.util.List<JsonNode> bodies = new java.util.ArrayList<>();
                for (var answer : answers) {
                    HttpResponse response = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
                    assertTrue(response.status() == 200 || response.status() == 503, "a lost race is 503, never 409: "
                            + response.body());
                    if (response.status() == 200) {
                        bodies.add(body(response));
                    }
                }
                String linked = ledger.links.linksOf(USER).map(UserLinkStore.Links::phoneE164).orElseThrow();
                assertTrue(PHONE.equals(linked) || other.equals(linked), "one of the two phones is the user's link");
                assertEquals(USER, ledger.links.userForPhone(linked).orElseThrow(), "and its lookup names the user");
                // The last save to link reads its own phone back; an earlier one may have said true before it was outrun.
                for (JsonNode saved : bodies) {
                    if (linked.equals(saved.path("phone").asText())) {
                        assertTrue(saved.path("phoneVerified").asBoolean(), "the save whose phone holds the link says so: " + bodies);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusals() throws Exception {
        HttpResponse invalid = handle("invalid-phone");
        assertFalse(new String(invoke(event("invalid-phone")), StandardCharsets.UTF_8).contains("999"), "nor does the answer");
        assertEquals(400, invalid.status());
        String reason = body(invalid).path("detail").asText();
        assertTrue(reason.startsWith("invalid phone number (wrong_length_for_country)"), reason);
        assertFalse(reason.contains("999"), "the reason never repeats the number");

        assertEquals("name is required", body(handle("missing-name")).path("detail").asText());
        assertEquals(400, handle("malformed-body").status());
        assertEquals(401, handle("no-subject").status());
        assertEquals(401, handle("delete-account-no-subject").status());
        assertFalse(profiles.find(USER).isPresent(), "nothing stored when refused");
    }

    @Test
    void leavingErasesTheProfileLinksAndCodesAndIsSafeToRepeat() throws Exception {
        assertTrue(body(handle("verified-phone-claim")).path("phoneVerified").asBoolean());
        verifications.putCode(USER, "+79990000001", new byte[] {1}, new byte[] {2}, 5, NOW.plus(Duration.ofMinutes(10)));
        bookings.putVisit(USER, new BookingStore.BookedVisit(235564, 100201, "hash-of-the-visit", "booking-1", NOW));
        bookings.claim(USER, "key-1", "fingerprint", "booking-1", 235564, NOW);
        devices.register(USER, Platform.FCM, "profile-device-token-" + APPS.get(), "ru");

        HttpResponse deleted = handle("delete-account");
        assertEquals(204, deleted.status(), deleted.body());
        assertTrue(deleted.body() == null || deleted.body().isEmpty());
        assertEquals(204, handle("delete-account").status(), "idempotent");

        assertTrue(profiles.find(USER).isEmpty(), "the profile is gone");
        assertTrue(ledger.links.linksOf(USER).map(UserLinkStore.Links::phoneE164).isEmpty(), "the link ended");
        assertTrue(ledger.links.userForPhone(PHONE).isEmpty(), "the phone is nobody's again");
        assertTrue(verifications.code(USER, "+79990000001").isEmpty(), "codes and proofs are gone");
        assertTrue(bookings.visit(USER, 235564, 100201).isEmpty() && bookings.find(USER, "key-1").isEmpty(),
                "the app's booking keys and visit hashes are gone");
        assertTrue(pushStore.devicesOf(USER).isEmpty() && sns.endpoints(application).isEmpty(), "the devices and their SNS endpoints are gone");
        HttpResponse bonus = new BonusBalanceHandler(ledger.service).handle(
                Invocations.http("../../events/bonus-balance/my-balance.json"), null);
        assertEquals(200, bonus.status());
        for (String personal : new String[] {"9990000000", "Анна", "anna@example.com", "APP-1001"}) {
            assertFalse(bonus.body().contains(personal), "GET /v1/me/bonus after leaving shows nothing personal: " + bonus.body());
        }
    }
}
