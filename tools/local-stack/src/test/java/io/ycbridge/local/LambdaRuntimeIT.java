package io.ycbridge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ycbridge.aws.SignedAwsCall;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.MotoServer;
import io.ycbridge.localaws.MotoServerExtension;
import io.ycbridge.push.MotoPush;
import io.ycbridge.simulator.SimulatorDefaults;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.simulator.YClientsSimulator;
import io.ycbridge.table.TableDefinition;
import io.ycbridge.table.TableDefinitions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Every function of template.yaml, from its shaded jar, in a fresh JVM under AWS's Java runtime interface client, run by
 * AWS's Lambda Runtime Interface Emulator through tools/lambda-local (the same command line as sam local invoke) with an
 * event file from events/, against DynamoDB Local, moto's Secrets Manager and SQS and SNS, and the YClients simulator;
 * the last test checks that no function of the template went uninvoked. Every invocation
 * logs the classes the JVM loads, to prove the handlers take the runtime's raw bytes: on success, none of the
 * runtime's own serialization (its shaded Jackson, its event mixins) is loaded.
 */
@ExtendWith(MotoServerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LambdaRuntimeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEBHOOK_TOKEN = "local-dev-webhook-token-0000";
    private static Path root;
    private static YClientsSimulator simulator;
    private static LocalDynamoDb dynamoDb;
    private static MotoServer moto;
    private static Map<String, String> parameters;
    private static String javaToolOptions;
    private static String syncQueueUrl;
    private static final Set<String> invoked = new TreeSet<>();
    private static MotoPush push;
    private static String pushApplication;

    @BeforeAll
    static void startEverything(MotoServer motoServer) throws Exception {
        root = TemplateFunctionsTest.templatePath().getParent();
        RuntimeEmulator.require(root);
        TemplateFunctionsTest.readTemplate();
        moto = motoServer;
        simulator = YClientsSimulator.start();
        simulator.seed(SimulatorSeed.demo());
        dynamoDb = LocalDynamoDb.start();
        DynamoDbClient client = dynamoDb.client();
        for (TableDefinition table : TableDefinitions.all()) {
            // The emulator resolves !Ref RecordsTable to the logical id, as sam local does; so the tables are named that.
            table.create(client, table.logicalId());
        }
        String secret = JSON.writeValueAsString(Map.of(
                "partnerToken", SimulatorDefaults.PARTNER_TOKEN,
                "userToken", SimulatorDefaults.USER_TOKEN,
                "baseUrl", simulator.baseUri().toString(),
                "companies", List.of(235564, 1169323),
                "webhookToken", WEBHOOK_TOKEN));
        String arn;
        try (SecretsManagerClient secrets = SecretsManagerClient.builder().endpointOverride(moto.endpoint()).region(MotoServer.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(MotoServer.CREDENTIALS)).build()) {
            arn = secrets.createSecret(create -> create.name("ycbridge-it-" + System.nanoTime()).secretString(secret)).arn();
        }
        try (SqsClient sqs = sqs()) {
            syncQueueUrl = sqs.createQueue(create -> create.queueName("ycbridge-it-sync-" + System.nanoTime())).queueUrl();
        }
        // The domain events' bus and the push platform application, made on moto with their services' own calls.
        String bus = "ycbridge-it-events-" + System.nanoTime();
        SignedAwsCall events = new SignedAwsCall(UrlConnectionHttpClient.create(), moto.endpoint(), "events", MotoServer.REGION.id(),
                StaticCredentialsProvider.create(MotoServer.CREDENTIALS));
        assertEquals(200, events.post(Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", "AWSEvents.CreateEventBus"),
                JSON.writeValueAsString(Map.of("Name", bus))).status());
        push = new MotoPush(moto);
        pushApplication = push.application("ycbridge-it-" + System.nanoTime(), "GCM");
        parameters = Map.of(
                "EVENT_BUS_NAME", bus,
                "FCM_PLATFORM_APPLICATION_ARN", pushApplication,
                "QUIET_HOURS", "none",
                "SYNC_QUEUE_URL", syncQueueUrl,
                "YCLIENTS_SECRET_ARN", arn,
                "COMPANY_IDS", "235564,1169323",
                "BOOKING_FORMS", "235564:n239661.yclients.com",
                "LOYALTY_CARDS", SimulatorSeed.DEMO_SALON_ID + ":" + SimulatorSeed.DEMO_CHAIN_ID + ":" + SimulatorSeed.DEMO_CARD_TYPE_ID);
        javaToolOptions = new ObjectMapper(new YAMLFactory()).readTree(TemplateFunctionsTest.templatePath().toFile())
                .path("Globals").path("Function").path("Environment").path("Variables").path("JAVA_TOOL_OPTIONS").asText("");
    }

    @AfterAll
    static void stopEverything() throws IOException {
        if (simulator != null) {
            simulator.close();
        }
        if (dynamoDb != null) {
            dynamoDb.close();
        }
    }

    /** Runs tools/lambda-local; returns the function's response, after checking what the runtime loaded for it. */
    private static Invocation invoke(String logicalId, String event) throws Exception {
        return invoke(logicalId, root.resolve(event));
    }

    private static Invocation invoke(String logicalId, Path event) throws Exception {
        Path classLog = Files.createTempFile("ycbridge-classes", ".log");
        Path envFile = Files.createTempFile("ycbridge-env", ".json");
        Map<String, String> environment = new HashMap<>(parameters);
        environment.put("JAVA_TOOL_OPTIONS", (javaToolOptions + " -Xlog:class+load=info:file=" + classLog).strip());
        Files.writeString(envFile, JSON.writeValueAsString(Map.of("Parameters", environment)));
        try {
            Invocation invocation = run(logicalId, event, envFile);
            List<String> serialization = Files.readAllLines(classLog).stream()
                    .filter(line -> line.contains(" com.amazonaws.lambda.thirdparty.")
                            || line.contains(" com.amazonaws.services.lambda.runtime.serialization.events.")
                            || line.contains(" com.amazonaws.services.lambda.runtime.serialization.factories."))
                    .toList();
            assertTrue(Files.size(classLog) > 0, "the class-load log was written");
            // Reporting a failure, the runtime writes the error with its own (shaded) Gson whatever the handler's kind.
            if (invocation.exitCode() == 0) {
                assertTrue(serialization.isEmpty(), logicalId + ": the runtime loaded " + serialization.size()
                        + " classes of its own serialization, e.g. " + serialization.stream().limit(3).toList());
            }
            return invocation;
        } finally {
            Files.deleteIfExists(classLog);
            Files.deleteIfExists(envFile);
        }
    }

    private static Invocation run(String logicalId, Path event, Path envFile) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(root.resolve("tools/lambda-local").toString(), "invoke", logicalId,
                "-e", event.toString(), "--env-vars", envFile.toString())
                .directory(root.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("AWS_REGION", MotoServer.REGION.id());
        builder.environment().put("AWS_ACCESS_KEY_ID", MotoServer.CREDENTIALS.accessKeyId());
        builder.environment().put("AWS_SECRET_ACCESS_KEY", MotoServer.CREDENTIALS.secretAccessKey());
        builder.environment().put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString());
        builder.environment().put("AWS_ENDPOINT_URL_SECRETS_MANAGER", moto.endpoint().toString());
        builder.environment().put("AWS_ENDPOINT_URL_SQS", moto.endpoint().toString());
        builder.environment().put("AWS_ENDPOINT_URL_SNS", moto.endpoint().toString());
        builder.environment().put("AWS_ENDPOINT_URL_EVENTBRIDGE", moto.endpoint().toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), logicalId + " did not finish");
        invoked.add(logicalId);
        return new Invocation(process.exitValue(), out.isBlank() ? null : JSON.readTree(out));
    }

    private record Invocation(int exitCode, JsonNode response) {
        int statusCode() {
            return response.path("statusCode").asInt();
        }

        JsonNode body() throws IOException {
            return JSON.readTree(response.path("body").asText());
        }
    }

    private static SqsClient sqs() {
        return SqsClient.builder().endpointOverride(moto.endpoint()).region(MotoServer.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(MotoServer.CREDENTIALS)).build();
    }

    private static int count(String table) {
        return dynamoDb.client().scan(ScanRequest.builder().tableName(table).build()).count();
    }

    @Test
    @Order(1)
    void webhookIntakeStoresARecord() throws Exception {
        Invocation result = invoke("WebhookIntakeFunction", "events/webhook-intake/record-created.json");
        assertEquals(0, result.exitCode());
        assertEquals(200, result.statusCode(), result.response().toString());
        assertEquals("accepted", result.body().path("outcome").asText());
        assertEquals(1, count("RecordsTable"));
    }

    @Test
    @Order(2)
    void catalogSyncSyncsTheCompaniesOfAFanOutBatch() throws Exception {
        Invocation result = invoke("CatalogSyncFunction", "events/catalog-sync/sqs-messages.json");
        assertEquals(0, result.exitCode(), String.valueOf(result.response()));
        assertTrue(result.response().path("batchItemFailures").isEmpty(), result.response().toString());
        assertTrue(count("CatalogTable") > 0, "the catalog was stored: " + result.response());
        assertTrue(count("SyncStateTable") >= 2, "both companies' cursors were kept");
    }

    @Test
    @Order(2)
    void theScheduleQueuesOneMessagePerCompany() throws Exception {
        Invocation result = invoke("SyncScheduleFunction", "events/sync-schedule/schedule.json");
        assertEquals(0, result.exitCode(), String.valueOf(result.response()));
        assertEquals(2, result.response().path("queued").asInt(), result.response().toString());
        try (SqsClient sqs = sqs()) {
            List<String> bodies = new java.util.ArrayList<>();
            for (int i = 0; i < 5 && bodies.size() < 2; i++) {
                sqs.receiveMessage(receive -> receive.queueUrl(syncQueueUrl).maxNumberOfMessages(10))
                        .messages().forEach(message -> bodies.add(message.body()));
            }
            assertEquals(java.util.Set.of("{\"companyId\":235564}", "{\"companyId\":1169323}"), new java.util.HashSet<>(bodies));
        }
    }

    @Test
    @Order(2)
    void catalogSyncTakesOnlyQueueMessagesSoADirectInvocationFails() throws Exception {
        Path direct = Files.createTempFile("direct-sync", ".json");
        try {
            Files.writeString(direct, "{\"companyId\": 235564}");
            Invocation result = invoke("CatalogSyncFunction", direct);
            assertTrue(result.exitCode() != 0, String.valueOf(result.response()));
            assertEquals("the event does not fit an SQS batch at Records", result.response().path("errorMessage").asText(),
                    result.response().toString());
        } finally {
            Files.deleteIfExists(direct);
        }
    }

    @Test
    @Order(3)
    void bonusAccrualTakesAStreamBatch() throws Exception {
        Invocation result = invoke("BonusAccrualFunction", "events/bonus-accrual/record-completed.json");
        assertEquals(0, result.exitCode());
        assertTrue(result.response().path("batchItemFailures").isEmpty(), result.response().toString());
        assertTrue(count("BonusLedgerTable") > 0);
    }

    @Test
    @Order(4)
    void profileLinksTheUserByTheTokensVerifiedPhone() throws Exception {
        Invocation result = invoke("ProfileFunction", "events/profile/verified-phone-claim.json");
        assertEquals(200, result.statusCode(), result.response().toString());
        assertTrue(result.body().path("phoneVerified").asBoolean(), result.response().toString());
        assertEquals(1, count("ProfilesTable"));
    }

    @Test
    @Order(4)
    void phoneVerificationTextsACodeThroughSns() throws Exception {
        Invocation result = invoke("PhoneVerificationFunction", "events/phone-verification/send-code.json");
        assertEquals(0, result.exitCode(), String.valueOf(result.response()));
        assertEquals(202, result.statusCode(), result.response().toString());
        assertTrue(count("PhoneVerificationsTable") >= 2, "the code and its counters were stored");
        java.net.http.HttpResponse<String> sent = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(moto.endpoint() + "/moto-api/data.json")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(JSON.readTree(sent.body()).path("sns").path("SMS").toString().contains("+79990000000"), "moto's SNS took the SMS");
    }

    @Test
    @Order(5)
    void bonusBalanceAnswersTheUser() throws Exception {
        Invocation result = invoke("BonusBalanceFunction", "events/bonus-balance/my-balance.json");
        assertEquals(200, result.statusCode(), result.response().toString());
        // The accrued visit is another client's (+79990000001; this user proved +79990000000), so the ledger is empty.
        assertEquals("0.00", result.body().path("balance").asText(), result.response().toString());
        assertTrue(result.body().path("entries").isArray() && result.body().path("entries").isEmpty(), result.response().toString());
    }

    @Test
    @Order(6)
    void bookingUrlIsBuiltFromTheSyncedCatalog() throws Exception {
        Invocation result = invoke("BookingLinkFunction", "events/booking-link/service-and-staff.json");
        assertEquals(200, result.statusCode(), result.response().toString());
        assertTrue(result.body().path("url").asText().startsWith("https://n239661.yclients.com/company/235564/"), result.response().toString());
    }

    @Test
    @Order(7)
    void freeTimesComeFromTheOnlineBookingApiWithTheSecretAndTheSharedLimiter() throws Exception {
        Invocation result = invoke("OnlineBookingFunction", "events/online-booking/times.json");
        assertEquals(200, result.statusCode(), result.response().toString());
        assertFalse(result.body().path("times").isEmpty(), result.response().toString());
        assertTrue(result.body().path("times").get(0).path("datetime").asText().startsWith("2026-12-10T"), result.response().toString());
    }

    @Test
    @Order(7)
    void visitsAreListedFromTheRecordsIndex() throws Exception {
        Invocation result = invoke("VisitsFunction", "events/visits/my-visits.json");
        assertEquals(200, result.statusCode(), result.response().toString());
        assertTrue(result.body().path("visits").isArray(), result.response().toString());
        assertFalse(result.response().path("headers").path("etag").asText().isEmpty(), result.response().toString());
    }

    @Test
    @Order(8)
    void aLedgerEntryGoesOnTheClientsLoyaltyCardThroughTheSecretAndTheSharedLimiter() throws Exception {
        // ProfileFunction (order 4) proved user-sub-1's phone, so the mirror finds the client and issues the card.
        Invocation result = invoke("LoyaltyMirrorFunction", "events/loyalty-mirror/entry-accrued.json");
        assertEquals(0, result.exitCode(), String.valueOf(result.response()));
        assertTrue(result.response().path("batchItemFailures").isEmpty(), result.response().toString());
        assertEquals(1, simulator.loyalty().cardsOf("79990000000").size(), "the card was issued");
        assertEquals(0, new java.math.BigDecimal("75").compareTo(simulator.loyalty().cardsOf("79990000000").getFirst().balance()),
                "the entry is on it");
        assertTrue(count("LoyaltyCardsTable") >= 3, "the link, the posted marker and the card's owner were stored");
    }

    @Test
    @Order(9)
    void theLoyaltyCycleTakesAScheduleTick() throws Exception {
        Invocation result = invoke("LoyaltyCycleFunction", "events/loyalty-cycle/schedule.json");
        assertEquals(0, result.exitCode(), String.valueOf(result.response()));
        assertEquals(1, result.response().path("feeds").size(), result.response().toString());
        assertEquals(0, result.response().path("feedFailures").asInt(), result.response().toString());
    }

    @Test
    @Order(7)
    void catalogIsServedWithAnEtag() throws Exception {
        Invocation result = invoke("CatalogFunction", "events/catalog/catalog.json");
        assertEquals(200, result.statusCode(), result.response().toString());
        assertFalse(result.response().path("headers").path("etag").asText().isEmpty(), result.response().toString());
        // What the sync above stored from the simulator's demo company.
        assertEquals(235564, result.body().path("companyId").asInt(), result.response().toString());
        for (String part : List.of("categories", "services", "staff")) {
            assertFalse(result.body().path(part).isEmpty(), part + " of the synced catalog: " + result.response());
        }
    }

    @Test
    @Order(8)
    void anHttpFunctionAnswersUndecodableInputWith400() throws Exception {
        Path garbage = Files.createTempFile("not-an-event", ".json");
        try {
            Files.writeString(garbage, "{\"routeKey\": \"PUT /v1/me/profile\", \"headers\": [\"+79990000000\"]}");
            Invocation result = invoke("ProfileFunction", garbage);
            assertEquals(0, result.exitCode());
            assertEquals(400, result.statusCode(), result.response().toString());
            assertEquals("the event does not fit an HTTP API request at headers", result.body().path("detail").asText());
        } finally {
            Files.deleteIfExists(garbage);
        }
    }

    @Test
    @Order(9)
    void aStreamFunctionFailsOnUndecodableInputSoLambdaRetries() throws Exception {
        Path garbage = Files.createTempFile("not-an-event", ".json");
        try {
            Files.writeString(garbage, "{\"Records\": [{\"dynamodb\": {\"NewImage\": \"+79990000000\"}}]}");
            Invocation result = invoke("BonusAccrualFunction", garbage);
            assertTrue(result.exitCode() != 0, String.valueOf(result.response()));
            assertEquals("the event does not fit a DynamoDB stream batch at Records[0].dynamodb.NewImage",
                    result.response().path("errorMessage").asText(), result.response().toString());
            assertFalse(result.response().toString().contains("7999"), result.response().toString());
        } finally {
            Files.deleteIfExists(garbage);
        }
    }

    @Test
    @Order(11)
    void leavingErasesTheProfile() throws Exception {
        Invocation result = invoke("ProfileFunction", "events/profile/delete-account.json");
        assertEquals(0, result.exitCode(), String.valueOf(result.response()));
        assertEquals(204, result.statusCode(), result.response().toString());
        assertEquals(0, count("ProfilesTable"));
    }

    @Test
    @Order(10)
    void anEventOfAnotherTriggerIsRefusedNotFailed() throws Exception {
        // The sync's back-fill message is a JSON object, so it reads (unknown fields ignored) as an HTTP request with no
        // verified subject: refused like any caller without one. (A failing function exits non-zero: see @Order(9).)
        Invocation result = invoke("BonusBalanceFunction", "events/catalog-sync/backfill.json");
        assertEquals(0, result.exitCode());
        assertEquals(401, result.statusCode(), String.valueOf(result.response()));
    }

    @Test
    @Order(12)
    void visitEventsPublishesABookingToTheBus() throws Exception {
        Invocation result = invoke("VisitEventsFunction", "events/visit-events/record-booked.json");
        assertEquals(0, result.exitCode(), String.valueOf(result.response()));
        assertTrue(result.response().path("batchItemFailures").isEmpty(), "moto's bus took the event: " + result.response());
    }

    @Test
    @Order(12)
    void bonusEventsPublishesAnAccrualToTheBus() throws Exception {
        Invocation result = invoke("BonusEventsFunction", "events/loyalty-mirror/entry-accrued.json");
        assertEquals(0, result.exitCode(), String.valueOf(result.response()));
        assertTrue(result.response().path("batchItemFailures").isEmpty(), "moto's bus took the event: " + result.response());
    }

    @Test
    @Order(13)
    void devicesRegistersATokenAsAnSnsEndpoint() throws Exception {
        Invocation result = invoke("DevicesFunction", "events/devices/register-fcm.json");
        assertEquals(0, result.exitCode(), String.valueOf(result.response()));
        assertEquals(200, result.statusCode(), result.response().toString());
        assertEquals(1, push.endpoints(pushApplication).size());
        assertEquals(2, count("PushTable"), "the device under its user, and its owner");
    }

    @Test
    @Order(14)
    void thePushNotifierPushesARuleDeliveredEventToTheDevice() throws Exception {
        Invocation result = invoke("PushNotifierFunction", "events/push-notifier/visit-rescheduled.json");
        assertEquals(0, result.exitCode(), String.valueOf(result.response()));
        assertEquals("PUSHED", result.response().path("outcome").asText(), result.response().toString());
        List<JsonNode> pushed = push.pushedTo(push.endpoints(pushApplication).getFirst().arn());
        assertEquals(1, pushed.size());
        assertTrue(pushed.getFirst().path("GCM").asText().contains("Visit moved"), pushed.toString());
    }

    @Test
    @Order(99)
    void everyFunctionOfTheTemplateWasInvoked() {
        assertEquals(new TreeSet<>(TemplateFunctionsTest.functionIds()), invoked,
                "each AWS::Serverless::Function of template.yaml needs a test here that invokes it through the emulator");
    }
}
