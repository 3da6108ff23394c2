package io.ycbridge.app.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.config.Config;
import io.ycbridge.edge.HttpRequest;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.fixture.Invocations;
import io.ycbridge.http.ApiRoute;
import io.ycbridge.localaws.MotoServer;
import io.ycbridge.localaws.MotoServerExtension;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.LogSink;
import io.ycbridge.push.Device;
import io.ycbridge.push.MotoPush;
import io.ycbridge.push.PushSettings;
import io.ycbridge.push.PushStore;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.yclients.ApiJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The devices routes through their event files (events/devices, HTTP API v2 with the JWT's subject) over moto's SNS
 * platform applications and DynamoDB: what SNS holds after each request is read back from moto.
 */
@ExtendWith(MotoServerExtension.class)
class DevicesHandlerTest {
    private static final AtomicInteger RUN = new AtomicInteger();
    private static final String TOKEN = "fcm-device-token-AAA111:APA91bExample";
    private final MotoServer server;
    private final MotoPush moto;
    private final LogSink.Captured logs = new LogSink.Captured();
    private DynamoDbClient dynamoDb;
    private String table;
    private String fcm;
    private PushStore store;
    private DevicesHandler handler;

    DevicesHandlerTest(MotoServer server) {
        this.server = server;
        this.moto = new MotoPush(server);
    }

    @BeforeEach
    void stack() {
        int run = RUN.incrementAndGet();
        dynamoDb = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(MotoServer.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(MotoServer.CREDENTIALS)).httpClient(UrlConnectionHttpClient.create()).build();
        table = "PushTable-devices-" + run;
        TableDefinitions.PUSH.create(dynamoDb, table);
        fcm = moto.application("salon-app-" + run, "GCM");
        store = new PushStore(dynamoDb, table, ApiJson.mapper());
        handler = handler(Map.of("FCM_PLATFORM_APPLICATION_ARN", fcm));
    }

    /** moto finds an endpoint by its token in any application (SNS, within one): each test starts without the files' tokens. */
    @AfterEach
    void forgetEndpoints() {
        moto.endpoints(fcm).forEach(endpoint -> moto.endpoints().delete(endpoint.arn()));
    }

    private DevicesHandler handler(Map<String, String> settings) {
        PushSettings push = PushSettings.from(Config.of(settings));
        return new DevicesHandler(new DeviceRegistration(push, store, moto.endpoints(), Clock.systemUTC(),
                new DecisionLog("devices", logs, Clock.systemUTC())));
    }

    @Test
    void theSameTokenAgainIsTheSameDeviceAndOneEndpoint() throws Exception {
        JsonNode first = json(call("register-fcm"), 200);
        JsonNode again = json(call("register-fcm"), 200);

        assertEquals(first.path("id").asText(), again.path("id").asText());
        assertEquals("fcm", first.path("platform").asText());
        assertEquals("en", first.path("locale").asText());
        assertTrue(first.path("enabled").asBoolean());
        assertFalse(first.toString().contains(TOKEN) || first.has("endpointArn"), "neither the token nor the endpoint go back: " + first);
        assertEquals(1, endpointsOf(TOKEN).size(), "one endpoint in SNS");
        Device device = store.devicesOf("user-sub-1").getFirst();
        assertEquals(endpointsOf(TOKEN).getFirst().arn(), device.endpointArn());
        assertFalse(logs.all().contains(TOKEN), "the token is never logged");
    }

    @Test
    void anEndpointSnsDisabledIsEnabledAgainByTheNextRegistration() throws Exception {
        json(call("register-fcm"), 200);
        Device device = store.devicesOf("user-sub-1").getFirst();
        moto.disable(device.endpointArn());
        store.disable(device);

        json(call("register-fcm"), 200);

        assertTrue(endpointsOf(TOKEN).getFirst().enabled());
        assertTrue(store.devicesOf("user-sub-1").getFirst().enabled());
    }

    @Test
    void aTokenOfAnotherUserBecomesTheirsAndLeavesTheFirst() throws Exception {
        String id = json(call("register-fcm"), 200).path("id").asText();

        JsonNode moved = json(call("register-fcm-other-user"), 200);

        assertEquals(id, moved.path("id").asText());
        assertEquals("ru", moved.path("locale").asText(), "no locale: the deployment's default");
        assertTrue(store.devicesOf("user-sub-1").isEmpty());
        assertEquals(1, store.devicesOf("user-sub-2").size());
        assertTrue(logs.all().contains("CHANGED_HANDS"), logs.all());
    }

    @Test
    void removingTakesTheEndpointOutOfSnsAndAnotherUsersDeviceIsNotFound() throws Exception {
        String id = json(call("register-fcm"), 200).path("id").asText();
        json(call("register-fcm-other-user"), 200);

        HttpResponse notYours = handler.handle(withId(Invocations.http("../../events/devices/remove-device.json"), id), null);
        assertEquals(404, notYours.status(), notYours.body());
        assertEquals(1, endpointsOf(TOKEN).size());

        Map<String, Object> event = ApiJson.mapper().readValue(Files.readAllBytes(Path.of("../../events/devices/remove-device.json")), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> claims = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) event.get("requestContext"))
                .get("authorizer")).get("jwt")).get("claims");
        claims.put("sub", "user-sub-2");
        HttpResponse removed = handler.handle(withId(Invocations.http(ApiJson.mapper().valueToTree(event)), id), null);

        assertEquals(204, removed.status(), removed.body());
        assertTrue(endpointsOf(TOKEN).isEmpty(), "the endpoint is deleted in SNS");
        assertTrue(store.device(id).isEmpty());
        assertEquals(404, handler.handle(Invocations.http("../../events/devices/remove-device.json"), null).status(), "an unknown id");
    }

    @Test
    void aPlatformWithoutItsApplicationIsRefusedWithTheSettingToSet() throws Exception {
        HttpResponse refused = call("register-apns");
        assertEquals(409, refused.status());
        assertTrue(refused.body().contains("APNS_PLATFORM_APPLICATION_ARN"), refused.body());
        assertTrue(store.devicesOf("user-sub-1").isEmpty());
    }

    @Test
    void badInputIsRefusedWithItsReason() throws Exception {
        Map<String, String> reasons = Map.of(
                "register-bad-platform", "platform must be fcm or apns",
                "register-token-with-space", "token must be",
                "register-bad-locale", "locale must be ru or en",
                "register-no-subject", "no user");
        for (Map.Entry<String, String> bad : reasons.entrySet()) {
            HttpResponse answer = call(bad.getKey());
            assertEquals(bad.getKey().equals("register-no-subject") ? 401 : 400, answer.status(), bad.getKey());
            assertTrue(answer.body().contains(bad.getValue()), bad.getKey() + ": " + answer.body());
        }
        assertTrue(moto.endpoints(fcm).isEmpty(), "nothing reached SNS");
    }

    @Test
    void theHandlerBuiltFromItsEnvironmentRegistersThroughTheByteStream() throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of("AWS_REGION", MotoServer.REGION.id(), "AWS_ENDPOINT_URL", server.endpoint().toString(),
                "PUSH_TABLE", table, "FCM_PLATFORM_APPLICATION_ARN", fcm));
        byte[] answer = Invocations.invoke(new DevicesHandler(Config.of(environment)), Files.readAllBytes(Path.of("../../events/devices/register-fcm.json")));

        assertEquals(200, Invocations.httpAnswer(answer).status(), new String(answer, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(1, store.devicesOf("user-sub-1").size());
    }

    /** The file's answer, which must be a status openapi.yaml declares for its route (ApiRoute). */
    private HttpResponse call(String file) {
        HttpRequest request = Invocations.http("../../events/devices/" + file + ".json");
        HttpResponse response = handler.handle(request, null);
        ApiRoute route = Stream.of(ApiRoute.values()).filter(r -> r.routeKey().equals(request.routeKey())).findFirst().orElseThrow();
        assertTrue(route.statuses().contains(response.status()), file + " answered " + response.status() + ", not declared for " + route);
        return response;
    }

    private static HttpRequest withId(HttpRequest request, String id) {
        return Invocations.withPath(request, Map.of("id", id));
    }

    private static JsonNode json(HttpResponse response, int status) throws Exception {
        assertEquals(status, response.status(), response.body());
        return ApiJson.mapper().readTree(response.body());
    }

    private List<MotoPush.Held> endpointsOf(String token) {
        return moto.endpoints(fcm).stream().filter(endpoint -> token.equals(endpoint.token())).toList();
    }
}
