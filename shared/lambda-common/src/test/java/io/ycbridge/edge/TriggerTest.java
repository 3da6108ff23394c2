package io.ycbridge.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.yclients.ApiJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every file in events/ fed as raw bytes through the stream entry ({@link TriggerHandler#handleRequest}) reads, field
 * by field for the fields our readers read, as the Lambda runtime's own serialization reads it (EventLoader uses the
 * runtime's mixins); and what is wrong with an event is reported by where it is, never by quoting it.
 */
class TriggerTest {
    static final ObjectMapper JSON = ApiJson.mapper();
    static final Path EVENTS = Path.of("../../events");
    /** The trigger behind each folder; a folder missing here fails the test, so a new one cannot go unchecked. */
    private static final Map<String, Trigger<?>> TRIGGERS = Map.ofEntries(
            Map.entry("webhook-intake", Trigger.HTTP_API),
            Map.entry("booking-link", Trigger.HTTP_API),
            Map.entry("catalog", Trigger.HTTP_API),
            Map.entry("profile", Trigger.HTTP_API),
            Map.entry("bonus-balance", Trigger.HTTP_API),
            Map.entry("phone-verification", Trigger.HTTP_API),
            Map.entry("online-booking", Trigger.HTTP_API),
            Map.entry("visits", Trigger.HTTP_API),
            Map.entry("devices", Trigger.HTTP_API),
            Map.entry("bonus-accrual", Trigger.DYNAMODB_STREAM),
            Map.entry("loyalty-mirror", Trigger.DYNAMODB_STREAM),
            Map.entry("visit-events", Trigger.DYNAMODB_STREAM),
            Map.entry("loyalty-cycle", Trigger.SCHEDULE),
            Map.entry("catalog-sync", Trigger.SQS),
            Map.entry("sync-schedule", Trigger.SCHEDULE),
            Map.entry("push-notifier", Trigger.BUS_EVENT));
    private static final List<Trigger<?>> ALL = List.of(Trigger.HTTP_API, Trigger.DYNAMODB_STREAM, Trigger.SQS, Trigger.SCHEDULE, Trigger.BUS_EVENT);

    /** Keeps what the stream entry read; answers an empty JSON object. */
    static final class Capturing<I> extends TriggerHandler<I, JsonNode> {
        final List<I> events = new ArrayList<>();

        Capturing(Trigger<I> trigger) {
            super(trigger);
        }

        @Override
        public JsonNode handle(I event, Context context) {
            events.add(event);
            return JSON.createObjectNode();
        }
    }

    static <I> I throughStream(Trigger<I> trigger, byte[] raw) throws IOException {
        Capturing<I> handler = new Capturing<>(trigger);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(raw), out, null);
        assertEquals("{}", out.toString(StandardCharsets.UTF_8));
        assertEquals(1, handler.events.size());
        return handler.events.getFirst();
    }

    static <I> I throughStream(Trigger<I> trigger, String raw) throws IOException {
        return throughStream(trigger, raw.getBytes(StandardCharsets.UTF_8));
    }

    @TestFactory
    Stream<DynamicTest> everyEventFileReadsAsTheEventsLibraryReadsIt() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> folders = Files.list(EVENTS)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                Trigger<?> trigger = TRIGGERS.get(folder.getFileName().toString());
                assertNotNull(trigger, "events/" + folder.getFileName() + " has no trigger in TriggerTest.TRIGGERS");
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                        tests.add(DynamicTest.dynamicTest(folder.getFileName() + "/" + file.getFileName(), () -> check(trigger, file)));
                    }
                }
            }
        }
        assertTrue(tests.size() >= 45, "events/ holds the fixtures: " + tests.size());
        return tests.stream();
    }

    private static void check(Trigger<?> trigger, Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        if (trigger == Trigger.HTTP_API) {
            assertSameRequest(EventLoader.loadApiGatewayHttpEvent(file.toString()), throughStream(Trigger.HTTP_API, raw));
        } else if (trigger == Trigger.DYNAMODB_STREAM) {
            assertSameChanges(EventLoader.loadDynamoDbEvent(file.toString()), throughStream(Trigger.DYNAMODB_STREAM, raw));
        } else if (trigger == Trigger.BUS_EVENT) {
            assertSameBusEvent(EventLoader.loadScheduledEvent(file.toString()), throughStream(Trigger.BUS_EVENT, raw));
        } else if (trigger == Trigger.SQS) {
            assertSameMessages(EventLoader.loadSQSEvent(file.toString()), throughStream(Trigger.SQS, raw));
        } else {
            assertSameTick(EventLoader.loadScheduledEvent(file.toString()), throughStream(Trigger.SCHEDULE, raw));
        }
    }

    static void assertSameRequest(APIGatewayV2HTTPEvent expected, HttpRequest read) {
        assertEquals(expected.getRouteKey(), read.routeKey());
        assertEquals(orEmpty(expected.getPathParameters()), read.pathParameters());
        assertEquals(orEmpty(expected.getQueryStringParameters()), read.queryParameters());
        assertEquals(orEmpty(expected.getHeaders()), read.headers());
        assertEquals(expected.getBody(), read.body());
        assertEquals(expected.getIsBase64Encoded(), read.base64Encoded());
        Map<String, String> claims = claims(expected);
        assertEquals(claims, read.claims());
        String sub = claims.get("sub");
        assertEquals(sub == null || sub.isBlank() || sub.length() > 256 ? null : sub, read.subject());
        if (expected.getHeaders() != null) {
            expected.getHeaders().forEach((name, value) -> assertEquals(value, read.header(name.toUpperCase(java.util.Locale.ROOT)), name));
        }
    }

    private static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        var authorizer = context == null ? null : context.getAuthorizer();
        return authorizer == null || authorizer.getJwt() == null ? Map.of() : orEmpty(authorizer.getJwt().getClaims());
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    static void assertSameChanges(DynamodbEvent expected, List<StreamChange> read) {
        assertEquals(expected.getRecords().size(), read.size());
        for (int i = 0; i < read.size(); i++) {
            DynamodbEvent.DynamodbStreamRecord want = expected.getRecords().get(i);
            StreamChange got = read.get(i);
            assertEquals(want.getEventName(), got.eventName(), "record " + i);
            var stream = want.getDynamodb();
            assertEquals(stream == null ? null : stream.getSequenceNumber(), got.sequenceNumber(), "record " + i);
            assertEquals(stream == null ? null : sdk(stream.getKeys()), got.keys(), "record " + i);
            assertEquals(stream == null ? null : sdk(stream.getOldImage()), got.oldImage(), "record " + i);
            assertEquals(stream == null ? null : sdk(stream.getNewImage()), got.newImage(), "record " + i);
        }
    }

    static void assertSameMessages(SQSEvent expected, List<QueueMessage> read) {
        assertEquals(expected.getRecords().stream().map(m -> new QueueMessage(m.getMessageId(), m.getBody())).toList(), read);
    }

    /** The events library reads any EventBridge event as a ScheduledEvent: source, detail-type, id and detail. */
    static void assertSameBusEvent(ScheduledEvent expected, BusEvent read) {
        assertEquals(expected.getSource(), read.source());
        assertEquals(expected.getDetailType(), read.detailType());
        assertEquals(expected.getId(), read.id());
        assertEquals(JSON.valueToTree(expected.getDetail() == null ? Map.of() : expected.getDetail()), read.detail());
    }

    static void assertSameTick(ScheduledEvent expected, ScheduleTick read) {
        assertEquals("Scheduled Event", expected.getDetailType());
        assertEquals(expected.getId(), read.id());
        assertEquals(expected.getTime().getMillis(), Instant.parse(read.time()).toEpochMilli());
    }

    /** The events library's stream image in the SDK's types, one type per value, as bonus accrual once converted it. */
    static Map<String, AttributeValue> sdk(Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        if (image == null) {
            return null;
        }
        Map<String, AttributeValue> item = new HashMap<>();
        image.forEach((name, value) -> item.put(name, sdk(value)));
        return item;
    }

    private static AttributeValue sdk(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value) {
        if (value == null) {
            return null;
        }
        AttributeValue.Builder sdk = AttributeValue.builder();
        if (value.getS() != null) {
            return sdk.s(value.getS()).build();
        }
        if (value.getN() != null) {
            return sdk.n(value.getN()).build();
        }
        if (value.getBOOL() != null) {
            return sdk.bool(value.getBOOL()).build();
        }
        if (value.getNULL() != null) {
            return sdk.nul(value.getNULL()).build();
        }
        if (value.getB() != null) {
            return sdk.b(SdkBytes.fromByteBuffer(value.getB().duplicate())).build();
        }
        if (value.getM() != null) {
            return sdk.m(sdk(value.getM())).build();
        }
        if (value.getL() != null) {
            List<AttributeValue> list = new ArrayList<>();
            value.getL().forEach(element -> list.add(sdk(element)));
            return sdk.l(list).build();
        }
        if (value.getSS() != null) {
            return sdk.ss(value.getSS()).build();
        }
        if (value.getNS() != null) {
            return sdk.ns(value.getNS()).build();
        }
        if (value.getBS() != null) {
            return sdk.bs(value.getBS().stream().map(bytes -> SdkBytes.fromByteBuffer(bytes.duplicate())).toList()).build();
        }
        return sdk.build();
    }

    @Test
    void anHttpEventKeepsTheVerifiedSubjectAndTheBody() throws IOException {
        HttpRequest request = throughStream(Trigger.HTTP_API, Files.readAllBytes(EVENTS.resolve("profile/profile.json")));

        assertEquals("PUT /v1/me/profile", request.routeKey());
        assertEquals("user-sub-1", request.subject());
        assertEquals("application/json", request.header("content-type"));
        assertEquals("application/json", request.header("Content-Type"), "any case");
        assertTrue(request.bodyText().startsWith("{\"name\": \"Анна Смирнова\""), request.bodyText());
        assertFalse(request.base64Encoded());
    }

    @Test
    void aBase64BodyIsDecodedWhenFlagged(@TempDir Path dir) throws IOException {
        String raw = """
                {"version":"2.0","routeKey":"PUT /v1/me/profile","rawPath":"/v1/me/profile","body":"eyJhIjoxfQ==",
                 "isBase64Encoded":true,"cookies":["a=1","b=2"],"requestContext":{"http":{"method":"PUT"},
                 "authentication":{"clientCert":{"serialNumber":"1"}}}}""";
        HttpRequest request = throughStream(Trigger.HTTP_API, raw);
        assertSameRequest(EventLoader.loadApiGatewayHttpEvent(Files.writeString(dir.resolve("base64.json"), raw).toString()), request);

        assertTrue(request.base64Encoded());
        assertEquals("eyJhIjoxfQ==", request.body());
        assertEquals("{\"a\":1}", request.bodyText());
        assertEquals("{\"a\":1}", new String(request.bodyBytes(), StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class,
                () -> throughStream(Trigger.HTTP_API, "{\"isBase64Encoded\":true,\"body\":\"not base64!\"}").bodyText(),
                "decoded when asked for, so each route answers a bad body in its own words");
    }

    @Test
    void theSubjectIsTheVerifiedSubClaimWithinBounds() {
        assertEquals("u", request(Map.of("sub", "u")).subject());
        assertEquals("x".repeat(256), request(Map.of("sub", "x".repeat(256))).subject());
        assertNull(request(Map.of("sub", "x".repeat(257))).subject(), "too long for any identity provider and a key");
        assertNull(request(Map.of("sub", "  ")).subject());
        assertNull(request(Map.of("email", "a@example.com")).subject());
        assertNull(request(null).subject());
    }

    private static HttpRequest request(Map<String, String> claims) {
        return new HttpRequest("GET /v1/me/bonus", null, null, Map.of("x-user", "someone-else"), null, false, claims);
    }

    /** Every attribute type a stream image can hold, nested, with fields nobody reads around them. */
    static final String EVERY_TYPE = """
            {"Records":[{"eventID":"e1","eventName":"MODIFY","eventVersion":"1.1","eventSource":"aws:dynamodb",
              "awsRegion":"eu-central-1","eventSourceARN":"arn:aws:dynamodb:eu-central-1:1:table/T/stream/S",
              "userIdentity":{"type":"Service","principalId":"dynamodb.amazonaws.com"},
              "dynamodb":{"ApproximateCreationDateTime":1763632800.25,"SequenceNumber":"42","SizeBytes":99,
                "StreamViewType":"NEW_AND_OLD_IMAGES",
                "Keys":{"company_id":{"N":"235564"},"record_id":{"N":"9001"}},
                "NewImage":{"company_id":{"N":"235564"},"name":{"S":"x"},"gone":{"NULL":true},"paid":{"BOOL":true},
                  "raw":{"B":"AQID"},"tags":{"SS":["a","b"]},"ids":{"NS":["1","2.5"]},"blobs":{"BS":["AQ==","Ag=="]},
                  "outer":{"M":{"inner":{"M":{"deep":{"L":[{"N":"1"},{"NULL":true},{"BOOL":false},{"M":{"k":{"S":"v"}}}]}}}}}},
                "OldImage":{"company_id":{"N":"235564"},"paid":{"BOOL":false}}}}]}""";

    @Test
    void everyAttributeTypeReadsAsTheRuntimeReadsIt(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("every-type.json"), EVERY_TYPE);
        List<StreamChange> read = throughStream(Trigger.DYNAMODB_STREAM, EVERY_TYPE);
        assertSameChanges(EventLoader.loadDynamoDbEvent(file.toString()), read);

        StreamChange change = read.getFirst();
        Map<String, AttributeValue> image = change.newImage();
        assertEquals("MODIFY", change.eventName());
        assertEquals("42", change.sequenceNumber());
        assertEquals(AttributeValue.fromN("9001"), change.keys().get("record_id"));
        assertEquals(AttributeValue.fromS("x"), image.get("name"));
        assertEquals(AttributeValue.fromNul(true), image.get("gone"));
        assertEquals(AttributeValue.fromBool(true), image.get("paid"));
        assertEquals(AttributeValue.fromBool(false), change.oldImage().get("paid"));
        assertEquals(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3})), image.get("raw"));
        assertEquals(AttributeValue.fromSs(List.of("a", "b")), image.get("tags"));
        assertEquals(AttributeValue.fromNs(List.of("1", "2.5")), image.get("ids"));
        assertEquals(AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1}), SdkBytes.fromByteArray(new byte[] {2}))),
                image.get("blobs"));
        List<AttributeValue> deep = image.get("outer").m().get("inner").m().get("deep").l();
        assertEquals(List.of(AttributeValue.fromN("1"), AttributeValue.fromNul(true), AttributeValue.fromBool(false),
                AttributeValue.fromM(Map.of("k", AttributeValue.fromS("v")))), deep);
    }

    /** Values DynamoDB never sends still read as the events library read them, for the image's reader to refuse. */
    @Test
    void aValueOfNoTypeOrOfTwoReadsAsBonusAccrualOnceConvertedIt(@TempDir Path dir) throws IOException {
        String odd = """
                {"Records":[{"eventName":"INSERT","dynamodb":{"SequenceNumber":"1","NewImage":{
                  "none":{},"unknown":{"X":"1"},"two":{"N":"1","S":"a"},"nulled":null,
                  "list":{"L":[null,{"S":"a"}]},"nullS":{"S":null,"N":"2"}}}}]}""";
        List<StreamChange> read = throughStream(Trigger.DYNAMODB_STREAM, odd);
        assertSameChanges(EventLoader.loadDynamoDbEvent(Files.writeString(dir.resolve("odd.json"), odd).toString()), read);

        Map<String, AttributeValue> image = read.getFirst().newImage();
        assertEquals(AttributeValue.Type.UNKNOWN_TO_SDK_VERSION, image.get("none").type());
        assertEquals(AttributeValue.Type.UNKNOWN_TO_SDK_VERSION, image.get("unknown").type());
        assertEquals(AttributeValue.fromS("a"), image.get("two"), "S first, as the conversion took it");
        assertTrue(image.containsKey("nulled") && image.get("nulled") == null);
        assertEquals(AttributeValue.fromN("2"), image.get("nullS"));
    }

    @Test
    void namesMatchExactlyAsTheRuntimeMatchesThem(@TempDir Path dir) throws IOException {
        String lower = EVERY_TYPE.replace("\"NewImage\"", "\"newImage\"").replace("\"SequenceNumber\"", "\"sequenceNumber\"");
        Path file = Files.writeString(dir.resolve("lower.json"), lower);
        List<StreamChange> read = throughStream(Trigger.DYNAMODB_STREAM, lower);

        assertSameChanges(EventLoader.loadDynamoDbEvent(file.toString()), read);
        assertNull(read.getFirst().newImage());
        assertNull(read.getFirst().sequenceNumber());
    }

    @Test
    void aQueueMessageAndAScheduleTickKeepWhatTheHandlersRead() throws IOException {
        List<QueueMessage> messages = throughStream(Trigger.SQS, Files.readAllBytes(EVENTS.resolve("catalog-sync/backfill.json")));
        assertEquals(1, messages.size());
        assertEquals("0f9b7c1e-0003-4d6a-9a5e-235564000003", messages.getFirst().messageId());
        assertEquals(235564, JSON.readTree(messages.getFirst().body()).path("companyId").asLong());

        ScheduleTick tick = throughStream(Trigger.SCHEDULE, Files.readAllBytes(EVENTS.resolve("sync-schedule/schedule.json")));
        assertEquals(new ScheduleTick("6a7e8feb-b491-4cf7-a9f1-bf3703467718", "2026-11-20T09:00:00Z"), tick);
        // EventBridge Scheduler's default notification: its own source, and the detail as text.
        assertEquals(new ScheduleTick("s1", null), throughStream(Trigger.SCHEDULE,
                "{\"id\":\"s1\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.scheduler\",\"detail\":\"{}\"}"));
        assertEquals(new ScheduleTick(null, null), throughStream(Trigger.SCHEDULE, "{\"source\":\"aws.events\"}"));
    }

    @Test
    void anHttpResponseIsPayloadVersionTwo() throws IOException {
        JsonNode ok = written(new HttpResponse(200, Map.of("content-type", "application/json"), "{\"a\":1}"));
        assertEquals(JSON.readTree("""
                {"statusCode":200,"headers":{"content-type":"application/json"},"body":"{\\"a\\":1}","isBase64Encoded":false}"""), ok);

        JsonNode notModified = written(new HttpResponse(304, Map.of("etag", "\"x\""), null));
        assertEquals(List.of("statusCode", "headers", "isBase64Encoded"), fieldNames(notModified), "a 304 has no body");

        JsonNode json = written(HttpResponse.json(201, Map.of("n", 1), Map.of("cache-control", "private")));
        assertEquals("application/json", json.path("headers").path("content-type").asText());
        assertEquals("private", json.path("headers").path("cache-control").asText(), "the route's header wins");
        assertEquals("{\"n\":1}", json.path("body").asText());
        assertEquals("no-store", written(HttpResponse.error(400, "why")).path("headers").path("cache-control").asText());
        assertEquals("{\"type\":\"urn:ycbridge:problem:invalid-request\",\"title\":\"The request is not valid\",\"status\":400,"
                + "\"detail\":\"why\"}", written(HttpResponse.error(400, "why")).path("body").asText());
        JsonNode noContent = written(HttpResponse.noContent());
        assertEquals(204, noContent.path("statusCode").asInt());
        assertEquals("{\"cache-control\":\"no-store\"}", noContent.path("headers").toString());
        assertFalse(noContent.has("body"));
    }

    @Test
    void aBatchAnswerNamesTheFailedItems() throws IOException {
        assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"42\"}]}", writtenText(new BatchItemFailures(List.of("42"))));
        assertEquals("{\"batchItemFailures\":[]}", writtenText(new BatchItemFailures(List.of())));
        List<String> unnamed = new ArrayList<>();
        unnamed.add(null);
        assertEquals("{\"batchItemFailures\":[{}]}", writtenText(new BatchItemFailures(unnamed)), "Lambda then retries the batch");
    }

    @Test
    void anythingElseIsNoAnswer() {
        assertThrows(IllegalArgumentException.class, () -> writtenText(Map.of("a", 1)));
    }

    private static String writtenText(Object answer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResponseJson.write(out, answer);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode written(Object answer) throws IOException {
        return JSON.readTree(writtenText(answer));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Input that is no event of any kind, each carrying a phone number and a token that no message may repeat. */
    static final List<String> NOT_AN_EVENT = List.of(
            "",
            "null",
            "   ",
            "[\"+79991234567\", \"tok-SECRET\"]",
            "\"+79991234567 tok-SECRET\"",
            "{\"body\": \"+79991234567 tok-SECRET\"",
            "{\"headers\": {\"authorization\": \"tok-SECRET\"}, \"body\": +79991234567}",
            "[".repeat(5_000) + "\"tok-SECRET\"",
            "{\"ignored\": " + "[".repeat(5_000) + "\"tok-SECRET +79991234567\"" + "]".repeat(5_000) + "}",
            "{\"body\": \"tok-SECRET\", \"n\": 1e99999999999, \"+79991234567\": -",
            "{\"body\": \"tok-SECRET\u0000\" \u00ff\u00fe +79991234567}");
    /** JSON objects with a field the trigger's reader reads of the wrong kind (unknown fields are ignored, as AWS adds some). */
    static final Map<Trigger<?>, List<String>> MISFITS = Map.of(
            Trigger.HTTP_API, List.of(
                    "{\"headers\": [\"+79991234567\", \"tok-SECRET\"]}",
                    "{\"isBase64Encoded\": \"+79991234567 tok-SECRET\"}",
                    "{\"headers\": {\"tok-SECRET+79991234567\": [1]}}",
                    "{\"requestContext\": {\"authorizer\": {\"jwt\": {\"claims\": \"sub=tok-SECRET +79991234567\"}}}}"),
            Trigger.DYNAMODB_STREAM, List.of(
                    "{\"Records\": \"+79991234567 tok-SECRET\"}",
                    "{\"Records\": [{\"dynamodb\": {\"Keys\": \"+79991234567x\", \"SequenceNumber\": \"tok-SECRET\"}}]}",
                    "{\"Records\": [{\"dynamodb\": {\"NewImage\": {\"phone\": {\"S\": [\"+79991234567\"]}}}}]}"),
            Trigger.SQS, List.of(
                    "{\"Records\": \"+79991234567 tok-SECRET\"}",
                    "{\"Records\": [{\"messageId\": \"m\", \"body\": {\"phone\": \"+79991234567\", \"token\": \"tok-SECRET\"}}]}"),
            Trigger.SCHEDULE, List.of(
                    "{\"detail-type\": \"+79991234567 tok-SECRET\"}",
                    "{\"detail-type\": [\"tok-SECRET\"], \"source\": \"+79991234567\"}"),
            Trigger.BUS_EVENT, List.of(
                    "{\"detail-type\": \"VisitBooked\"}",
                    "{\"source\": \"ycbridge\", \"detail-type\": {\"tok-SECRET\": \"+79991234567\"}}",
                    "{\"source\": \"ycbridge\", \"detail-type\": \"VisitBooked\", \"detail\": \"+79991234567 tok-SECRET\"}",
                    "{\"source\": \"ycbridge\", \"detail-type\": \"VisitBooked\"}"));

    @TestFactory
    Stream<DynamicTest> undecodableInputFailsTheInvocationWithoutQuotingIt() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Trigger<?> trigger : ALL) {
            List<String> inputs = new ArrayList<>(NOT_AN_EVENT);
            inputs.addAll(MISFITS.get(trigger));
            for (int i = 0; i < inputs.size(); i++) {
                String input = inputs.get(i);
                tests.add(DynamicTest.dynamicTest(trigger + " #" + i, () -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    UndecodableEventException thrown = assertThrows(UndecodableEventException.class, () ->
                            new Capturing<>(trigger).handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, null),
                            input.substring(0, Math.min(80, input.length())));
                    assertFalse(thrown.getMessage().contains("7999") || thrown.getMessage().contains("SECRET"), thrown.getMessage());
                    assertNull(thrown.getCause(), "a cause's message could quote the input");
                    assertEquals(0, out.size(), "nothing is answered");
                }));
            }
        }
        return tests.stream();
    }

    /** Input → the whole message: the place by property names and indexes, a map's keys (the sender's) as {@code *}. */
    static final Map<String, String> HTTP_MISFITS = Map.ofEntries(
            Map.entry("{\"headers\": {\"authorization\": {\"tok-SECRET\": 1}}}", "headers.*"),
            Map.entry("{\"headers\": \"tok-SECRET\"}", "headers"),
            Map.entry("{\"queryStringParameters\": {\"company\": [\"1\"]}}", "queryStringParameters.*"),
            Map.entry("{\"pathParameters\": [\"tok-SECRET\"]}", "pathParameters"),
            Map.entry("{\"routeKey\": [\"GET /v1/catalog\"]}", "routeKey"),
            Map.entry("{\"body\": {\"phone\": \"+79991234567\"}}", "body"),
            Map.entry("{\"isBase64Encoded\": \"true\"}", "isBase64Encoded"),
            Map.entry("{\"requestContext\": [1]}", "requestContext"),
            Map.entry("{\"requestContext\": {\"authorizer\": \"tok-SECRET\"}}", "requestContext.authorizer"),
            Map.entry("{\"requestContext\": {\"authorizer\": {\"jwt\": [\"tok-SECRET\"]}}}", "requestContext.authorizer.jwt"),
            Map.entry("{\"requestContext\": {\"authorizer\": {\"jwt\": {\"claims\": [\"sub\"]}}}}", "requestContext.authorizer.jwt.claims"));
    static final Map<String, String> STREAM_MISFITS = Map.ofEntries(
            Map.entry("{}", "Records"),
            Map.entry("{\"Records\": {\"0\": {}}}", "Records"),
            Map.entry("{\"Records\": [{}, \"tok-SECRET\"]}", "Records[1]"),
            Map.entry("{\"Records\": [{}, null]}", "Records[1]"),
            Map.entry("{\"Records\": [{\"dynamodb\": [\"+79991234567\"]}]}", "Records[0].dynamodb"),
            Map.entry("{\"Records\": [{\"dynamodb\": {\"NewImage\": \"+79991234567\"}}]}", "Records[0].dynamodb.NewImage"),
            Map.entry("{\"Records\": [{\"dynamodb\": {\"NewImage\": {\"phone\": \"+79991234567\"}}}]}", "Records[0].dynamodb.NewImage.*"),
            Map.entry("{\"Records\": [{\"dynamodb\": {\"NewImage\": {\"phone\": {\"S\": [\"+79991234567\"]}}}}]}",
                    "Records[0].dynamodb.NewImage.*.S"),
            Map.entry("{\"Records\": [{}, {\"dynamodb\": {\"Keys\": {\"a\": {\"M\": {\"b\": {\"L\": [{\"N\": \"1\"}, {\"BOOL\": \"yes\"}]}}}}}}]}",
                    "Records[1].dynamodb.Keys.*.M.*.L[1].BOOL"),
            Map.entry("{\"Records\": [{\"dynamodb\": {\"OldImage\": {\"a\": {\"L\": [\"+79991234567\"]}}}}]}", "Records[0].dynamodb.OldImage.*.L[0]"),
            Map.entry("{\"Records\": [{\"dynamodb\": {\"OldImage\": {\"a\": {\"L\": {\"b\": 1}}}}}]}", "Records[0].dynamodb.OldImage.*.L"),
            Map.entry("{\"Records\": [{\"dynamodb\": {\"NewImage\": {\"a\": {\"B\": \"not base64 tok-SECRET!\"}}}}]}", "Records[0].dynamodb.NewImage.*.B"),
            Map.entry("{\"Records\": [{\"dynamodb\": {\"NewImage\": {\"a\": {\"BS\": [\"AQ==\", \"tok-SECRET!\"]}}}}]}", "Records[0].dynamodb.NewImage.*.BS[1]"),
            Map.entry("{\"Records\": [{\"dynamodb\": {\"NewImage\": {\"a\": {\"NULL\": 1}}}}]}", "Records[0].dynamodb.NewImage.*.NULL"),
            Map.entry("{\"Records\": [{\"dynamodb\": {\"NewImage\": {\"a\": {\"SS\": \"+79991234567\"}}}}]}", "Records[0].dynamodb.NewImage.*.SS"),
            Map.entry("{\"Records\": [{\"dynamodb\": {\"NewImage\": {\"a\": {\"S\": \"x\", \"M\": [\"+79991234567\"]}}}}]}",
                    "Records[0].dynamodb.NewImage.*.M"),
            Map.entry("{\"Records\": [{\"dynamodb\": {\"SequenceNumber\": {\"tok-SECRET\": 1}}}]}", "Records[0].dynamodb.SequenceNumber"),
            Map.entry("{\"Records\": [{\"eventName\": {\"+79991234567\": 1}}]}", "Records[0].eventName"));
    static final Map<String, String> QUEUE_MISFITS = Map.ofEntries(
            Map.entry("{\"companyId\": 235564}", "Records"),
            Map.entry("{\"Records\": [\"tok-SECRET\"]}", "Records[0]"),
            Map.entry("{\"Records\": [{\"messageId\": [1]}]}", "Records[0].messageId"),
            Map.entry("{\"Records\": [{}, {\"body\": {\"companyId\": 1}}]}", "Records[1].body"));
    static final Map<String, String> SCHEDULE_MISFITS = Map.ofEntries(
            Map.entry("{}", "detail-type"),
            Map.entry("{\"detail-type\": \"Object Created\", \"source\": \"aws.s3\"}", "detail-type"),
            Map.entry("{\"Records\": []}", "detail-type"),
            Map.entry("{\"detail-type\": {\"+79991234567\": 1}}", "detail-type"),
            Map.entry("{\"detail-type\": \"Scheduled Event\", \"id\": [\"tok-SECRET\"]}", "id"));

    @TestFactory
    Stream<DynamicTest> aMisfitIsReportedByWhereItIs() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<Trigger<?>, Map<String, String>> misfits : Map.of(Trigger.HTTP_API, HTTP_MISFITS, Trigger.DYNAMODB_STREAM, STREAM_MISFITS,
                Trigger.SQS, QUEUE_MISFITS, Trigger.SCHEDULE, SCHEDULE_MISFITS).entrySet()) {
            for (Map.Entry<String, String> misfit : misfits.getValue().entrySet()) {
                tests.add(DynamicTest.dynamicTest(misfits.getKey() + ": " + misfit.getValue(), () -> {
                    UndecodableEventException thrown = assertThrows(UndecodableEventException.class, () ->
                            throughStream(misfits.getKey(), misfit.getKey()));
                    assertEquals("the event does not fit " + misfits.getKey() + " at " + misfit.getValue(), thrown.getMessage());
                }));
            }
        }
        return tests.stream();
    }

    /**
     * The readers read what the handlers need, so a field they do not read cannot make an event undecodable, whatever
     * its kind: these were refusals when the edge mapped every field of the events library's classes.
     */
    @Test
    void aFieldNoReaderReadsIsNoProblemWhateverItHolds() throws IOException {
        for (String http : List.of("{\"requestContext\": {\"http\": [1]}}", "{\"cookies\": \"a=tok-SECRET\"}",
                "{\"requestContext\": {\"timeEpoch\": \"1795082701000\"}}",
                "{\"requestContext\": {\"authorizer\": {\"lambda\": [1], \"jwt\": {\"scopes\": [[\"openid\"]]}}}}")) {
            assertNull(throughStream(Trigger.HTTP_API, http).routeKey(), http);
        }
        for (String stream : List.of("{\"Records\": [{\"dynamodb\": {\"ApproximateCreationDateTime\": \"2026-11-20T10:00:00Z\"}}]}",
                "{\"Records\": [{\"dynamodb\": {\"SizeBytes\": 1.5, \"StreamViewType\": \"SIDEWAYS\"}, \"userIdentity\": [\"x\"]}]}")) {
            assertEquals(1, throughStream(Trigger.DYNAMODB_STREAM, stream).size(), stream);
        }
        assertEquals(List.of(new QueueMessage("m", "{}")),
                throughStream(Trigger.SQS, "{\"Records\": [{\"messageId\": \"m\", \"body\": \"{}\", \"attributes\": [1]}]}"));
        assertEquals(new ScheduleTick(null, null), throughStream(Trigger.SCHEDULE, "{\"detail-type\": \"Scheduled Event\", \"detail\": [1]}"));
    }

    /** Why events are read with doubles, not the mapper's BigDecimal: this would fail the whole parse as BigDecimal. */
    @Test
    void aNumberBeyondEveryRangeInAFieldNobodyReadsIsNoProblem() throws IOException {
        String raw = "{\"routeKey\":\"GET /v1/catalog\",\"ignored\":1e99999999999,\"Records\":[],\"detail-type\":\"Scheduled Event\"}";
        assertEquals("GET /v1/catalog", throughStream(Trigger.HTTP_API, raw).routeKey());
        assertEquals(List.of(), throughStream(Trigger.DYNAMODB_STREAM, raw));
        assertEquals(List.of(), throughStream(Trigger.SQS, raw));
        assertEquals(new ScheduleTick(null, null), throughStream(Trigger.SCHEDULE, raw));
    }

    @Test
    void anEventMustBeAJsonObject() {
        for (Trigger<?> trigger : ALL) {
            for (String input : List.of("", "[1, \"tok-SECRET\"]", "\"+79991234567\"", "{\"a\": tok-SECRET}")) {
                UndecodableEventException thrown = assertThrows(UndecodableEventException.class, () -> throughStream(trigger, input));
                assertTrue(thrown.getMessage().startsWith("the event is "), thrown.getMessage());
                assertFalse(thrown.getMessage().contains("7999") || thrown.getMessage().contains("SECRET"), thrown.getMessage());
            }
        }
    }

    @Test
    void whatIsWrongAtTheTopIsSaidInTheTriggersWords() {
        assertEquals("the event is empty: expected a JSON object (an SQS batch)",
                assertThrows(UndecodableEventException.class, () -> Trigger.SQS.read(new byte[0])).getMessage());
        assertEquals("the event is not a JSON object (a DynamoDB stream batch)",
                assertThrows(UndecodableEventException.class, () -> Trigger.DYNAMODB_STREAM.read("[]".getBytes(StandardCharsets.UTF_8))).getMessage());
        assertEquals("the event is not valid JSON (at line 1, column 7)",
                assertThrows(UndecodableEventException.class, () -> Trigger.HTTP_API.read("{\"a\": }".getBytes(StandardCharsets.UTF_8))).getMessage());
    }

    /**
     * API Gateway hands claims over as strings, but a token's claims are JSON: numbers and booleans read as their text
     * (as the runtime reads them), arrays and objects as their JSON text, so one claim the function never reads cannot
     * make the request undecodable.
     */
    @Test
    void aClaimThatIsNoStringIsReadAsItsText(@TempDir Path dir) throws IOException {
        String scalars = """
                {"requestContext":{"authorizer":{"jwt":{"claims":{"sub":"user-1","exp":1795082701,"email_verified":true,
                 "nothing":null},"scopes":["openid"]}}}}""";
        HttpRequest request = throughStream(Trigger.HTTP_API, scalars);
        assertSameRequest(EventLoader.loadApiGatewayHttpEvent(Files.writeString(dir.resolve("claims.json"), scalars).toString()), request);
        assertEquals("1795082701", request.claims().get("exp"));
        assertEquals("true", request.claims().get("email_verified"));
        assertTrue(request.claims().containsKey("nothing") && request.claims().get("nothing") == null, request.claims().toString());

        String containers = """
                {"requestContext":{"authorizer":{"jwt":{"claims":{"sub":"user-1","groups":["a", "b"],
                 "address":{"country":"RU","n":1}}}}}}""";
        request = throughStream(Trigger.HTTP_API, containers);
        assertEquals("user-1", request.subject());
        assertEquals("[\"a\",\"b\"]", request.claims().get("groups"));
        assertEquals("{\"country\":\"RU\",\"n\":1}", request.claims().get("address"));
    }

    /** Every field of the payload the events library has, the Lambda and IAM authorizers' included: what we read agrees. */
    static final String EVERY_HTTP_FIELD = """
            {"version":"2.0","routeKey":"GET /v1/catalog","rawPath":"/v1/catalog","rawQueryString":"company=1&x=2",
             "cookies":["a=1"],"headers":{"accept":"application/json","x-n":5},"queryStringParameters":{"company":"1","x":"2"},
             "pathParameters":{"id":"7"},"stageVariables":{"stage":"prod"},"body":"","isBase64Encoded":false,
             "requestContext":{"accountId":"123456789012","apiId":"abc","domainName":"abc.example","domainPrefix":"abc",
              "http":{"method":"GET","path":"/v1/catalog","protocol":"HTTP/1.1","sourceIp":"10.0.0.1","userAgent":"app"},
              "requestId":"r1","routeKey":"GET /v1/catalog","stage":"$default","time":"20/Nov/2026:10:05:01 +0000",
              "timeEpoch":1795082701000,"authentication":{"clientCert":{"serialNumber":"1"}},
              "authorizer":{"lambda":{"user":"u1","n":1,"big":12345678901,"f":1.5,"ok":true,"none":null,"list":[1,"x",{"k":[]}]},
               "iam":{"accessKey":"AK","accountId":"123","callerId":"C","principalOrgId":"o","userArn":"arn:x","userId":"U",
                "cognitoIdentity":{"amr":["authenticated"],"identityId":"i","identityPoolId":"p"}}}}}""";

    @Test
    void everyHttpFieldReadsAsTheRuntimeReadsIt(@TempDir Path dir) throws IOException {
        HttpRequest request = throughStream(Trigger.HTTP_API, EVERY_HTTP_FIELD);
        assertSameRequest(EventLoader.loadApiGatewayHttpEvent(Files.writeString(dir.resolve("every.json"), EVERY_HTTP_FIELD).toString()), request);

        assertEquals("5", request.header("x-n"));
        assertEquals(Map.of("id", "7"), request.pathParameters());
        assertEquals(Map.of(), request.claims(), "a Lambda or IAM authorizer verifies no JWT");
        assertNull(request.subject());
        assertEquals("", request.bodyText());
    }

    /** Nesting up to the parser's limit reads (the reader recurses once per level); beyond it is invalid JSON, not a crash. */
    @Test
    void deepImagesAndHugeValuesRead() throws IOException {
        int levels = 480;   // two JSON levels each, plus the envelope's six: under StreamReadConstraints' 1,000
        String deep = "{\"Records\":[{\"dynamodb\":{\"NewImage\":{\"a\":" + "{\"M\":{\"a\":".repeat(levels) + "{\"S\":\"x\"}"
                + "}}".repeat(levels) + "}}}]}";
        AttributeValue value = throughStream(Trigger.DYNAMODB_STREAM, deep).getFirst().newImage().get("a");
        for (int i = 0; i < levels; i++) {
            value = value.m().get("a");
        }
        assertEquals("x", value.s());

        String deeper = deep.replace("{\"S\":\"x\"}", "{\"M\":{\"a\":".repeat(20) + "{\"S\":\"x\"}" + "}}".repeat(20));
        UndecodableEventException thrown = assertThrows(UndecodableEventException.class, () -> throughStream(Trigger.DYNAMODB_STREAM, deeper));
        assertTrue(thrown.getMessage().startsWith("the event is not valid JSON"), thrown.getMessage());

        String body = "+79991234567 ".repeat(300_000);
        HttpRequest big = throughStream(Trigger.HTTP_API, "{\"body\":\"" + body + "\",\"headers\":{\"a\":\"" + body + "\"}}");
        assertEquals(body, big.body());
        assertEquals(body, big.header("a"));
    }
}
