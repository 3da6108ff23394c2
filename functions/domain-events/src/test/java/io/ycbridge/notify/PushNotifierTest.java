package io.ycbridge.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.config.Config;
import io.ycbridge.fixture.Invocations;
import io.ycbridge.localaws.MotoServer;
import io.ycbridge.localaws.MotoServerExtension;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.LogSink;
import io.ycbridge.push.Device;
import io.ycbridge.push.MotoPush;
import io.ycbridge.push.Platform;
import io.ycbridge.push.PushSettings;
import io.ycbridge.push.PushStore;
import io.ycbridge.push.PushUnavailableException;
import io.ycbridge.push.SnsEndpoints;
import io.ycbridge.simulator.MovableClock;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.yclients.ApiJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The notifier through its trigger's events (events/push-notifier, as a rule delivers them) over moto's SNS and
 * DynamoDB: what each device was pushed is read back from moto's endpoints.
 */
@ExtendWith(MotoServerExtension.class)
class PushNotifierTest {
    private static final AtomicInteger RUN = new AtomicInteger();
    /** 11:15 in Moscow: outside the default quiet hours. */
    private static final Instant DAY = Instant.parse("2026-12-05T08:15:00Z");
    private static final Instant NIGHT = Instant.parse("2026-12-05T20:30:00Z");
    private final MotoServer server;
    private final MotoPush moto;
    private final LogSink.Captured logs = new LogSink.Captured();
    private final MovableClock clock = new MovableClock(DAY);
    private PushStore store;
    private String application;
    private String table;

    PushNotifierTest(MotoServer server) {
        this.server = server;
        this.moto = new MotoPush(server);
    }

    @BeforeEach
    void stack() {
        int run = RUN.incrementAndGet();
        DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(MotoServer.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(MotoServer.CREDENTIALS)).httpClient(UrlConnectionHttpClient.create()).build();
        table = "PushTable-notifier-" + run;
        TableDefinitions.PUSH.create(dynamoDb, table);
        store = new PushStore(dynamoDb, table, ApiJson.mapper());
        application = moto.application("notifier-app-" + run, "GCM");
    }

    @AfterEach
    void forgetEndpoints() {
        moto.endpoints(application).forEach(endpoint -> moto.endpoints().delete(endpoint.arn()));
    }

    @Test
    void anEnabledEventIsPushedToEachDeviceInItsLanguageOnce() throws Exception {
        Device phone = device("user-sub-1", "phone-token-" + RUN.get(), "ru");
        Device tablet = device("user-sub-1", "tablet-token-" + RUN.get(), "en");

        assertEquals("PUSHED", invoke(notifier(Map.of()), "visit-rescheduled").path("outcome").asText());
        invoke(notifier(Map.of()), "visit-rescheduled");

        List<JsonNode> toPhone = moto.pushedTo(phone.endpointArn());
        assertEquals(1, toPhone.size(), "a repeated delivery is not pushed again");
        JsonNode fcm = ApiJson.mapper().readTree(toPhone.getFirst().path("GCM").asText());
        assertEquals("Запись перенесена", fcm.path("notification").path("title").asText());
        assertEquals("235564-9001-visit-rescheduled-1764922500000", fcm.path("data").path("eventId").asText());
        JsonNode apns = ApiJson.mapper().readTree(toPhone.getFirst().path("APNS").asText());
        assertEquals("Новое время визита: 7 декабря, 15:00.", apns.path("aps").path("alert").path("body").asText());
        assertEquals("Visit moved", ApiJson.mapper().readTree(moto.pushedTo(tablet.endpointArn()).getFirst().path("GCM").asText())
                .path("notification").path("title").asText());
        assertFalse(logs.all().contains("phone-token"), "no token in the logs");
        JsonNode sent = logs.lines().stream().map(PushNotifierTest::json).filter(line -> line.path("device").asText().equals(phone.id()))
                .findFirst().orElseThrow(() -> new AssertionError("no push line for the phone: " + logs.all()));
        assertEquals("push", sent.path("event").asText(), "the line's own event name stands: " + sent);
        assertEquals("235564-9001-visit-rescheduled-1764922500000", sent.path("eventId").asText(), sent.toString());
        assertEquals("SENT", sent.path("outcome").asText(), sent.toString());
    }

    private static JsonNode json(String line) {
        try {
            return ApiJson.mapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anEventTheOperatorDidNotEnableOrOfNoUserIsNotPushed() throws Exception {
        Device phone = device("user-sub-1", "phone-token-" + RUN.get(), "ru");

        assertEquals("NOT_ENABLED", invoke(notifier(Map.of("PUSH_EVENTS", "VisitCancelled")), "visit-rescheduled").path("outcome").asText());
        ObjectNode anonymous = (ObjectNode) PushTextsTest.detail("bonus-accrued");
        anonymous.putNull("userId");
        assertEquals(PushNotifier.Outcome.NO_USER, notifier(Map.of()).notify("BonusAccrued", anonymous));
        assertEquals(PushNotifier.Outcome.NO_DEVICE, notifier(Map.of()).notify("BonusAccrued",
                ((ObjectNode) PushTextsTest.detail("bonus-accrued")).put("userId", "user-without-devices")));

        assertTrue(moto.pushedTo(phone.endpointArn()).isEmpty());
    }

    @Test
    void atNightThePushWaitsForTheMorningTick() throws Exception {
        Device phone = device("user-sub-1", "phone-token-" + RUN.get(), "ru");
        clock.set(NIGHT);

        assertEquals("HELD", invoke(notifier(Map.of()), "bonus-accrued").path("outcome").asText());
        assertTrue(moto.pushedTo(phone.endpointArn()).isEmpty(), "23:30 in Moscow");
        clock.set(Instant.parse("2026-12-06T05:45:00Z"));
        assertEquals(0, invoke(notifier(Map.of()), "release-tick").path("released").asInt(), "08:45: still quiet");

        clock.set(Instant.parse("2026-12-06T06:00:00Z"));
        assertEquals(1, invoke(notifier(Map.of()), "release-tick").path("released").asInt());
        invoke(notifier(Map.of()), "release-tick");

        List<JsonNode> pushed = moto.pushedTo(phone.endpointArn());
        assertEquals(1, pushed.size());
        assertTrue(pushed.getFirst().path("GCM").asText().contains("Начислено бонусов: 75."), pushed.toString());
    }

    @Test
    void aDeviceSnsDisabledIsDisabledHereAndTheOthersStillGetThePush() throws Exception {
        Device stale = device("user-sub-1", "stale-token-" + RUN.get(), "ru");
        Device fresh = device("user-sub-1", "fresh-token-" + RUN.get(), "ru");
        moto.disable(stale.endpointArn());

        invoke(notifier(Map.of()), "bonus-expiring");

        assertEquals(1, moto.pushedTo(fresh.endpointArn()).size());
        Map<String, Boolean> enabled = new HashMap<>();
        store.devicesOf("user-sub-1").forEach(device -> enabled.put(device.id(), device.enabled()));
        assertEquals(Map.of(stale.id(), false, fresh.id(), true), enabled);
        assertTrue(logs.all().contains("DISABLED"), logs.all());
    }

    @Test
    void whenSnsCannotTakeAPushTheInvocationFailsAndItsRetrySendsOnlyWhatIsLeft() throws Exception {
        Device sent = device("user-sub-1", "sent-token-" + RUN.get(), "ru");
        Device failing = device("user-sub-1", "failing-token-" + RUN.get(), "ru");
        boolean[] down = {true};
        SnsEndpoints flaky = moto.endpointsFailingWhen(form -> down[0] && form.contains(java.net.URLEncoder.encode(failing.endpointArn(),
                java.nio.charset.StandardCharsets.UTF_8)));

        PushNotifier notifier = new PushNotifier(PushSettings.from(Config.of(Map.of())), store, flaky, ZoneId.of("Europe/Moscow"),
                ApiJson.mapper(), clock, new DecisionLog("push", logs, clock));
        JsonNode detail = PushTextsTest.detail("visit-rescheduled");
        assertThrows(PushUnavailableException.class, () -> notifier.notify("VisitRescheduled", detail));
        down[0] = false;
        notifier.notify("VisitRescheduled", detail);

        assertEquals(1, moto.pushedTo(sent.endpointArn()).size());
        assertEquals(1, moto.pushedTo(failing.endpointArn()).size());
    }

    @Test
    void theHandlerBuiltFromItsEnvironmentPushesThroughTheByteStream() throws Exception {
        Device phone = device("user-sub-1", "phone-token-" + RUN.get(), "ru");
        Map<String, String> environment = Map.of("AWS_REGION", MotoServer.REGION.id(), "AWS_ENDPOINT_URL", server.endpoint().toString(),
                "PUSH_TABLE", table, "QUIET_HOURS", "none");

        byte[] answer = Invocations.invoke(new PushNotifierHandler(Config.of(environment)),
                Files.readAllBytes(Path.of("../../events/push-notifier/bonus-expiring.json")));

        assertEquals("PUSHED", ApiJson.mapper().readTree(answer).path("outcome").asText());
        assertEquals(1, moto.pushedTo(phone.endpointArn()).size());
    }

    private JsonNode invoke(PushNotifier notifier, String file) throws Exception {
        byte[] answer = Invocations.invoke(new PushNotifierHandler(notifier), Files.readAllBytes(Path.of("../../events/push-notifier/" + file + ".json")));
        return ApiJson.mapper().readTree(answer);
    }

    private PushNotifier notifier(Map<String, String> settings) {
        return new PushNotifier(PushSettings.from(Config.of(settings)), store, moto.endpoints(), ZoneId.of("Europe/Moscow"),
                ApiJson.mapper(), clock, new DecisionLog("push", logs, clock));
    }

    private Device device(String user, String token, String locale) {
        String arn = moto.endpoints().create(application, token);
        Device device = new Device(token.hashCode() + "-" + RUN.get(), user, Platform.FCM, arn, locale, true, DAY);
        store.save(device, Optional.empty());
        return device;
    }
}
