package io.ycbridge.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.yclients.ApiJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file in events/ fed as raw bytes through the stream entry ({@link JsonStreamHandler#handleRequest}) decodes to
 * what the Lambda runtime's own serialization makes of it (EventLoader uses the runtime's mixins), field by field and
 * as a whole; responses are written in the shapes Lambda reads.
 */
class TriggerJsonTest {
    /** Reads what was written, as a tree. */
    static final ObjectMapper JSON = ApiJson.mapper();
    static final Path EVENTS = Path.of("../../events");
    /** The trigger behind each folder; a folder missing here fails the test, so a new one cannot go unchecked. */
    private static final Map<String, Class<?>> TRIGGERS = Map.of(
            "webhook-intake", APIGatewayV2HTTPEvent.class,
            "widget-url", APIGatewayV2HTTPEvent.class,
            "catalog", APIGatewayV2HTTPEvent.class,
            "profile", APIGatewayV2HTTPEvent.class,
            "bonus-balance", APIGatewayV2HTTPEvent.class,
            "phone-verification", APIGatewayV2HTTPEvent.class,
            "bonus-accrual", DynamodbEvent.class,
            // The sync takes three shapes and tells them apart itself (CatalogSyncHandlerTest); decoded as a tree.
            "catalog-sync", JsonNode.class,
            "sync-schedule", JsonNode.class);

    /** Keeps what the stream entry decoded; answers nothing. */
    static final class Capturing<I> extends JsonStreamHandler<I, Object> {
        final List<I> events = new ArrayList<>();

        Capturing(Class<I> type) {
            super(type);
        }

        @Override
        public Object handle(I event, Context context) {
            events.add(event);
            return Map.of();
        }
    }

    static <I> I throughStream(Class<I> type, byte[] raw) throws IOException {
        Capturing<I> handler = new Capturing<>(type);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(raw), out, null);
        assertEquals("{}", out.toString(StandardCharsets.UTF_8));
        assertEquals(1, handler.events.size());
        return handler.events.getFirst();
    }

    @TestFactory
    Stream<DynamicTest> everyEventFileDecodesAsTheRuntimeDecodesIt() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> folders = Files.list(EVENTS)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                Class<?> trigger = TRIGGERS.get(folder.getFileName().toString());
                assertNotNull(trigger, "events/" + folder.getFileName() + " has no trigger in TriggerJsonTest.TRIGGERS");
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

    private static void check(Class<?> trigger, Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        // Each also written back and read again unchanged: the local stack hands events to handlers that way.
        if (trigger == APIGatewayV2HTTPEvent.class) {
            APIGatewayV2HTTPEvent decoded = throughStream(APIGatewayV2HTTPEvent.class, raw);
            assertSameHttpEvent(EventLoader.loadApiGatewayHttpEvent(file.toString()), decoded);
            assertEquals(decoded, throughStream(APIGatewayV2HTTPEvent.class, TriggerJson.toBytes(decoded)));
        } else if (trigger == DynamodbEvent.class) {
            DynamodbEvent decoded = throughStream(DynamodbEvent.class, raw);
            assertSameStreamEvent(EventLoader.loadDynamoDbEvent(file.toString()), decoded);
            assertEquals(decoded, throughStream(DynamodbEvent.class, TriggerJson.toBytes(decoded)));
        } else {
            assertEquals(JSON.readTree(raw), throughStream(JsonNode.class, raw));
        }
    }

    static void assertSameHttpEvent(APIGatewayV2HTTPEvent expected, APIGatewayV2HTTPEvent decoded) {
        assertEquals(expected.getVersion(), decoded.getVersion());
        assertEquals(expected.getRouteKey(), decoded.getRouteKey());
        assertEquals(expected.getRawPath(), decoded.getRawPath());
        assertEquals(expected.getRawQueryString(), decoded.getRawQueryString());
        assertEquals(expected.getHeaders(), decoded.getHeaders());
        assertEquals(expected.getQueryStringParameters(), decoded.getQueryStringParameters());
        assertEquals(expected.getPathParameters(), decoded.getPathParameters());
        assertEquals(expected.getCookies(), decoded.getCookies());
        assertEquals(expected.getBody(), decoded.getBody());
        assertEquals(expected.getIsBase64Encoded(), decoded.getIsBase64Encoded());
        assertEquals(expected.getRequestContext().getRouteKey(), decoded.getRequestContext().getRouteKey());
        assertEquals(expected.getRequestContext().getHttp(), decoded.getRequestContext().getHttp());
        assertEquals(expected.getRequestContext().getTimeEpoch(), decoded.getRequestContext().getTimeEpoch());
        assertEquals(claims(expected).get("sub"), claims(decoded).get("sub"));
        assertEquals(claims(expected), claims(decoded));
        assertEquals(expected, decoded, "and nothing else differs");
    }

    private static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        var authorizer = event.getRequestContext().getAuthorizer();
        return authorizer == null || authorizer.getJwt() == null ? Map.of() : authorizer.getJwt().getClaims();
    }

    static void assertSameStreamEvent(DynamodbEvent expected, DynamodbEvent decoded) {
        assertEquals(expected.getRecords().size(), decoded.getRecords().size());
        for (int i = 0; i < expected.getRecords().size(); i++) {
            DynamodbEvent.DynamodbStreamRecord want = expected.getRecords().get(i);
            DynamodbEvent.DynamodbStreamRecord got = decoded.getRecords().get(i);
            assertEquals(want.getEventID(), got.getEventID());
            assertEquals(want.getEventName(), got.getEventName());
            assertEquals(want.getEventSource(), got.getEventSource());
            assertEquals(want.getEventSourceARN(), got.getEventSourceARN());
            assertEquals(want.getAwsRegion(), got.getAwsRegion());
            StreamRecord wantStream = want.getDynamodb();
            StreamRecord gotStream = got.getDynamodb();
            assertEquals(wantStream.getSequenceNumber(), gotStream.getSequenceNumber());
            assertEquals(wantStream.getApproximateCreationDateTime(), gotStream.getApproximateCreationDateTime());
            assertEquals(wantStream.getSizeBytes(), gotStream.getSizeBytes());
            assertEquals(wantStream.getStreamViewType(), gotStream.getStreamViewType());
            assertEquals(wantStream.getKeys(), gotStream.getKeys());
            assertEquals(wantStream.getNewImage(), gotStream.getNewImage());
            assertEquals(wantStream.getOldImage(), gotStream.getOldImage());
            assertEquals(want, got, "record " + i + ": nothing else differs");
        }
        assertEquals(expected, decoded);
    }

    @Test
    void anHttpEventKeepsTheVerifiedSubjectAndTheBody() throws IOException {
        APIGatewayV2HTTPEvent event = throughStream(APIGatewayV2HTTPEvent.class, Files.readAllBytes(EVENTS.resolve("profile/profile.json")));

        assertEquals("PUT /v1/me/profile", event.getRouteKey());
        assertEquals("user-sub-1", event.getRequestContext().getAuthorizer().getJwt().getClaims().get("sub"));
        assertEquals("PUT", event.getRequestContext().getHttp().getMethod());
        assertEquals("application/json", event.getHeaders().get("content-type"));
        assertTrue(event.getBody().startsWith("{\"name\": \"Анна Смирнова\""), event.getBody());
        assertFalse(event.getIsBase64Encoded());
    }

    @Test
    void aBase64BodyStaysEncodedAndFlagged(@TempDir Path dir) throws IOException {
        String raw = """
                {"version":"2.0","routeKey":"PUT /v1/me/profile","rawPath":"/v1/me/profile","body":"eyJhIjoxfQ==",
                 "isBase64Encoded":true,"cookies":["a=1","b=2"],"requestContext":{"http":{"method":"PUT"},
                 "authentication":{"clientCert":{"serialNumber":"1"}}}}""";
        APIGatewayV2HTTPEvent event = throughStream(APIGatewayV2HTTPEvent.class, raw.getBytes(StandardCharsets.UTF_8));
        assertSameHttpEvent(EventLoader.loadApiGatewayHttpEvent(Files.writeString(dir.resolve("base64.json"), raw).toString()), event);

        assertTrue(event.getIsBase64Encoded());
        assertEquals("eyJhIjoxfQ==", event.getBody());
        assertEquals(List.of("a=1", "b=2"), event.getCookies());
    }

    /** Every attribute type a stream image can hold, nested, and a fractional creation time. */
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
    void everyAttributeTypeDecodesAsTheRuntimeDecodesIt(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("every-type.json"), EVERY_TYPE);
        DynamodbEvent decoded = throughStream(DynamodbEvent.class, EVERY_TYPE.getBytes(StandardCharsets.UTF_8));
        assertSameStreamEvent(EventLoader.loadDynamoDbEvent(file.toString()), decoded);

        StreamRecord stream = decoded.getRecords().getFirst().getDynamodb();
        Map<String, AttributeValue> image = stream.getNewImage();
        assertEquals(new Date(1_763_632_800_250L), stream.getApproximateCreationDateTime(), "epoch seconds, not millis");
        assertEquals("NEW_AND_OLD_IMAGES", stream.getStreamViewType());
        assertEquals("MODIFY", decoded.getRecords().getFirst().getEventName());
        assertEquals("9001", stream.getKeys().get("record_id").getN());
        assertEquals("x", image.get("name").getS());
        assertEquals(Boolean.TRUE, image.get("gone").getNULL());
        assertEquals(Boolean.TRUE, image.get("paid").getBOOL());
        assertEquals(Boolean.FALSE, stream.getOldImage().get("paid").getBOOL());
        assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), image.get("raw").getB());
        assertEquals(List.of("a", "b"), image.get("tags").getSS());
        assertEquals(List.of("1", "2.5"), image.get("ids").getNS());
        assertEquals(List.of(ByteBuffer.wrap(new byte[] {1}), ByteBuffer.wrap(new byte[] {2})), image.get("blobs").getBS());
        List<AttributeValue> deep = image.get("outer").getM().get("inner").getM().get("deep").getL();
        assertEquals("1", deep.get(0).getN());
        assertEquals(Boolean.TRUE, deep.get(1).getNULL());
        assertEquals(Boolean.FALSE, deep.get(2).getBOOL());
        assertEquals("v", deep.get(3).getM().get("k").getS());
        assertNull(deep.get(3).getS(), "one type per value");
    }

    @Test
    void namesMatchExactlyAsTheRuntimeMatchesThem(@TempDir Path dir) throws IOException {
        String lower = EVERY_TYPE.replace("\"NewImage\"", "\"newImage\"").replace("\"SequenceNumber\"", "\"sequenceNumber\"");
        Path file = Files.writeString(dir.resolve("lower.json"), lower);
        DynamodbEvent decoded = throughStream(DynamodbEvent.class, lower.getBytes(StandardCharsets.UTF_8));

        assertSameStreamEvent(EventLoader.loadDynamoDbEvent(file.toString()), decoded);
        assertNull(decoded.getRecords().getFirst().getDynamodb().getNewImage());
        assertNull(decoded.getRecords().getFirst().getDynamodb().getSequenceNumber());
    }

    @Test
    void aStreamEventIsWrittenBackInLambdasNames() throws IOException {
        DynamodbEvent event = throughStream(DynamodbEvent.class, EVERY_TYPE.getBytes(StandardCharsets.UTF_8));
        JsonNode written = JSON.readTree(TriggerJson.toBytes(event));

        assertEquals(JSON.readTree(EVERY_TYPE), written, "the same JSON, name for name");
        assertEquals(event, throughStream(DynamodbEvent.class, TriggerJson.toBytes(event)));

        event.getRecords().getFirst().getDynamodb().setApproximateCreationDateTime(new Date(1_763_632_800_000L));
        assertEquals("1763632800", JSON.readTree(TriggerJson.toBytes(event))
                .path("Records").path(0).path("dynamodb").path("ApproximateCreationDateTime").toString(), "whole seconds as a whole number");
    }

    @Test
    void anHttpResponseIsPayloadVersionTwo() throws IOException {
        APIGatewayV2HTTPResponse ok = APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withHeaders(Map.of("content-type", "application/json")).withBody("{\"a\":1}").build();
        assertEquals(JSON.readTree("""
                {"statusCode":200,"headers":{"content-type":"application/json"},"body":"{\\"a\\":1}","isBase64Encoded":false}"""),
                JSON.readTree(TriggerJson.toBytes(ok)));

        APIGatewayV2HTTPResponse notModified = APIGatewayV2HTTPResponse.builder().withStatusCode(304)
                .withHeaders(Map.of("etag", "\"x\"")).withCookies(List.of("s=1; Secure")).build();
        JsonNode written = JSON.readTree(TriggerJson.toBytes(notModified));
        assertEquals(Set.of("statusCode", "headers", "cookies", "isBase64Encoded"), fieldNames(written));
        assertEquals("s=1; Secure", written.path("cookies").get(0).asText());
    }

    @Test
    void aStreamResponseNamesTheFailedItems() throws IOException {
        StreamsEventResponse response = new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure("42")));
        assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"42\"}]}", new String(TriggerJson.toBytes(response), StandardCharsets.UTF_8));
        assertEquals("{\"batchItemFailures\":[]}", new String(TriggerJson.toBytes(new StreamsEventResponse(List.of())), StandardCharsets.UTF_8));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
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
    /** JSON objects with a field of the wrong kind for that trigger (unknown fields are ignored, as AWS adds some). */
    static final Map<Class<?>, List<String>> MISFITS = Map.of(
            APIGatewayV2HTTPEvent.class, List.of(
                    "{\"headers\": [\"+79991234567\", \"tok-SECRET\"]}",
                    "{\"isBase64Encoded\": \"+79991234567 tok-SECRET\"}",
                    "{\"headers\": {\"tok-SECRET+79991234567\": [1]}}",
                    "{\"requestContext\": {\"authorizer\": {\"jwt\": {\"claims\": \"sub=tok-SECRET +79991234567\"}}}}"),
            DynamodbEvent.class, List.of(
                    "{\"Records\": \"+79991234567 tok-SECRET\"}",
                    "{\"Records\": [{\"dynamodb\": {\"ApproximateCreationDateTime\": \"+79991234567x\", \"SequenceNumber\": \"tok-SECRET\"}}]}",
                    "{\"Records\": [{\"dynamodb\": {\"NewImage\": {\"phone\": {\"S\": [\"+79991234567\"]}}}}]}"));

    @TestFactory
    Stream<DynamicTest> undecodableInputFailsTheInvocationWithoutQuotingIt() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Class<?> type : List.of(APIGatewayV2HTTPEvent.class, DynamodbEvent.class)) {
            List<String> inputs = new ArrayList<>(NOT_AN_EVENT);
            inputs.addAll(MISFITS.get(type));
            for (int i = 0; i < inputs.size(); i++) {
                String input = inputs.get(i);
                tests.add(DynamicTest.dynamicTest(type.getSimpleName() + " #" + i, () -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    UndecodableEventException thrown = assertThrows(UndecodableEventException.class, () ->
                            new Capturing<>(type).handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, null),
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
            Map.entry("{\"requestContext\": {\"http\": [1]}}", "requestContext.http"),
            Map.entry("{\"headers\": {\"authorization\": {\"tok-SECRET\": 1}}}", "headers.*"),
            Map.entry("{\"queryStringParameters\": {\"company\": [\"1\"]}}", "queryStringParameters.*"),
            Map.entry("{\"cookies\": [\"a=1\", {\"tok-SECRET\": 1}]}", "cookies[1]"),
            Map.entry("{\"cookies\": \"a=tok-SECRET\"}", "cookies"),
            Map.entry("{\"body\": {\"phone\": \"+79991234567\"}}", "body"),
            Map.entry("{\"isBase64Encoded\": \"true\"}", "isBase64Encoded"),
            Map.entry("{\"requestContext\": {\"timeEpoch\": \"1795082701000\"}}", "requestContext.timeEpoch"),
            Map.entry("{\"requestContext\": {\"timeEpoch\": 1.5}}", "requestContext.timeEpoch"),
            Map.entry("{\"requestContext\": {\"timeEpoch\": 99999999999999999999}}", "requestContext.timeEpoch"),
            Map.entry("{\"requestContext\": {\"authorizer\": {\"jwt\": {\"claims\": [\"sub\"]}}}}", "requestContext.authorizer.jwt.claims"),
            Map.entry("{\"requestContext\": {\"authorizer\": {\"jwt\": {\"scopes\": [[\"openid\"]]}}}}", "requestContext.authorizer.jwt.scopes[0]"),
            Map.entry("{\"requestContext\": {\"authorizer\": {\"lambda\": [1]}}}", "requestContext.authorizer.lambda"),
            Map.entry("{\"requestContext\": {\"authorizer\": {\"iam\": {\"cognitoIdentity\": {\"amr\": {}}}}}}",
                    "requestContext.authorizer.iam.cognitoIdentity.amr"));
    static final Map<String, String> STREAM_MISFITS = Map.ofEntries(
            Map.entry("{\"Records\": {\"0\": {}}}", "Records"),
            Map.entry("{\"Records\": [{}, \"tok-SECRET\"]}", "Records[1]"),
            Map.entry("{\"Records\": [{\"dynamodb\": {\"NewImage\": \"+79991234567\"}}]}", "Records[0].dynamodb.NewImage"),
            Map.entry("{\"Records\": [{\"dynamodb\": {\"NewImage\": {\"phone\": \"+79991234567\"}}}]}", "Records[0].dynamodb.NewImage.*"),
            Map.entry("{\"Records\": [{\"dynamodb\": {\"NewImage\": {\"phone\": {\"S\": [\"+79991234567\"]}}}}]}",
                    "Records[0].dynamodb.NewImage.*.S"),
            Map.entry("{\"Records\": [{}, {\"dynamodb\": {\"Keys\": {\"a\": {\"M\": {\"b\": {\"L\": [{\"N\": \"1\"}, {\"BOOL\": \"yes\"}]}}}}}}]}",
                    "Records[1].dynamodb.Keys.*.M.*.L[1].BOOL"),
            Map.entry("{\"Records\": [{\"dynamodb\": {\"OldImage\": {\"a\": {\"L\": [\"+79991234567\"]}}}}]}", "Records[0].dynamodb.OldImage.*.L[0]"),
            Map.entry("{\"Records\": [{\"dynamodb\": {\"NewImage\": {\"a\": {\"B\": \"not base64 tok-SECRET!\"}}}}]}", "Records[0].dynamodb.NewImage.*.B"),
            Map.entry("{\"Records\": [{\"dynamodb\": {\"NewImage\": {\"a\": {\"BS\": [\"AQ==\", \"tok-SECRET!\"]}}}}]}", "Records[0].dynamodb.NewImage.*.BS[1]"),
            Map.entry("{\"Records\": [{\"dynamodb\": {\"NewImage\": {\"a\": {\"NULL\": 1}}}}]}", "Records[0].dynamodb.NewImage.*.NULL"),
            Map.entry("{\"Records\": [{\"dynamodb\": {\"NewImage\": {\"a\": {\"SS\": \"+79991234567\"}}}}]}", "Records[0].dynamodb.NewImage.*.SS"),
            Map.entry("{\"Records\": [{\"dynamodb\": {\"ApproximateCreationDateTime\": \"2026-11-20T10:00:00Z\"}}]}",
                    "Records[0].dynamodb.ApproximateCreationDateTime"),
            Map.entry("{\"Records\": [{\"dynamodb\": {\"ApproximateCreationDateTime\": 1e99999999999}}]}",
                    "Records[0].dynamodb.ApproximateCreationDateTime"),
            Map.entry("{\"Records\": [{\"dynamodb\": {\"ApproximateCreationDateTime\": -1e300}}]}",
                    "Records[0].dynamodb.ApproximateCreationDateTime"),
            Map.entry("{\"Records\": [{\"dynamodb\": {\"SizeBytes\": 1.5}}]}", "Records[0].dynamodb.SizeBytes"),
            Map.entry("{\"Records\": [{\"dynamodb\": {\"StreamViewType\": \"SIDEWAYS\"}}]}", "Records[0].dynamodb.StreamViewType"),
            Map.entry("{\"Records\": [{\"userIdentity\": [\"tok-SECRET\"]}]}", "Records[0].userIdentity"),
            Map.entry("{\"Records\": [{\"eventName\": {\"+79991234567\": 1}}]}", "Records[0].eventName"));

    @TestFactory
    Stream<DynamicTest> aMisfitIsReportedByWhereItIs() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<Class<?>, Map<String, String>> misfits : Map.of(
                APIGatewayV2HTTPEvent.class, HTTP_MISFITS, DynamodbEvent.class, STREAM_MISFITS).entrySet()) {
            for (Map.Entry<String, String> misfit : misfits.getValue().entrySet()) {
                tests.add(DynamicTest.dynamicTest(misfit.getValue(), () -> {
                    UndecodableEventException thrown = assertThrows(UndecodableEventException.class, () ->
                            throughStream(misfits.getKey(), misfit.getKey().getBytes(StandardCharsets.UTF_8)));
                    assertEquals("the event does not fit " + misfits.getKey().getSimpleName() + " at " + misfit.getValue(),
                            thrown.getMessage());
                }));
            }
        }
        return tests.stream();
    }

    /** Why events are read with doubles, not the mapper's BigDecimal: this would fail the whole parse as BigDecimal. */
    @Test
    void aNumberBeyondEveryRangeInAFieldNobodyReadsIsNoProblem() throws IOException {
        byte[] raw = "{\"routeKey\":\"GET /v1/catalog\",\"ignored\":1e99999999999,\"Records\":[]}".getBytes(StandardCharsets.UTF_8);
        assertEquals("GET /v1/catalog", throughStream(APIGatewayV2HTTPEvent.class, raw).getRouteKey());
        assertEquals(List.of(), throughStream(DynamodbEvent.class, raw).getRecords());
        assertTrue(throughStream(JsonNode.class, raw).path("ignored").isNumber());
    }

    @Test
    void aTreeEventMustBeAJsonObjectToo() {
        for (String input : List.of("", "[1, \"tok-SECRET\"]", "\"+79991234567\"", "{\"a\": tok-SECRET}")) {
            UndecodableEventException thrown = assertThrows(UndecodableEventException.class, () ->
                    throughStream(JsonNode.class, input.getBytes(StandardCharsets.UTF_8)));
            assertTrue(thrown.getMessage().startsWith("the event is "), thrown.getMessage());
            assertFalse(thrown.getMessage().contains("7999") || thrown.getMessage().contains("SECRET"), thrown.getMessage());
        }
    }

    @Test
    void syntaxIsReportedByLineAndColumn() {
        UndecodableEventException thrown = assertThrows(UndecodableEventException.class, () -> TriggerJson.read(
                "{\"a\": }".getBytes(StandardCharsets.UTF_8), APIGatewayV2HTTPEvent.class));
        assertEquals("the event is not valid JSON (at line 1, column 7)", thrown.getMessage());
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
        APIGatewayV2HTTPEvent event = throughStream(APIGatewayV2HTTPEvent.class, scalars.getBytes(StandardCharsets.UTF_8));
        assertSameHttpEvent(EventLoader.loadApiGatewayHttpEvent(Files.writeString(dir.resolve("claims.json"), scalars).toString()), event);
        Map<String, String> claims = event.getRequestContext().getAuthorizer().getJwt().getClaims();
        assertEquals("1795082701", claims.get("exp"));
        assertEquals("true", claims.get("email_verified"));
        assertTrue(claims.containsKey("nothing") && claims.get("nothing") == null, claims.toString());

        String containers = """
                {"requestContext":{"authorizer":{"jwt":{"claims":{"sub":"user-1","groups":["a", "b"],
                 "address":{"country":"RU","n":1}}}}}}""";
        event = throughStream(APIGatewayV2HTTPEvent.class, containers.getBytes(StandardCharsets.UTF_8));
        claims = event.getRequestContext().getAuthorizer().getJwt().getClaims();
        assertEquals("user-1", claims.get("sub"));
        assertEquals("[\"a\",\"b\"]", claims.get("groups"));
        assertEquals("{\"country\":\"RU\",\"n\":1}", claims.get("address"));
        assertEquals(event, throughStream(APIGatewayV2HTTPEvent.class, TriggerJson.toBytes(event)), "written back as text");
    }

    /** Every field of the payload the events library has, the Lambda and IAM authorizers' included. */
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
    void everyHttpFieldDecodesAsTheRuntimeDecodesIt(@TempDir Path dir) throws IOException {
        APIGatewayV2HTTPEvent event = throughStream(APIGatewayV2HTTPEvent.class, EVERY_HTTP_FIELD.getBytes(StandardCharsets.UTF_8));
        assertSameHttpEvent(EventLoader.loadApiGatewayHttpEvent(Files.writeString(dir.resolve("every.json"), EVERY_HTTP_FIELD).toString()), event);

        assertEquals("5", event.getHeaders().get("x-n"));
        assertEquals(Map.of("stage", "prod"), event.getStageVariables());
        assertEquals(12345678901L, event.getRequestContext().getAuthorizer().getLambda().get("big"));
        assertEquals(List.of(1, "x", Map.of("k", List.of())), event.getRequestContext().getAuthorizer().getLambda().get("list"));
        assertEquals("p", event.getRequestContext().getAuthorizer().getIam().getCognitoIdentity().getIdentityPoolId());
        assertEquals(event, throughStream(APIGatewayV2HTTPEvent.class, TriggerJson.toBytes(event)));
    }

    @Test
    void responsesAreReadBackAsWritten() throws IOException {
        APIGatewayV2HTTPResponse full = APIGatewayV2HTTPResponse.builder().withStatusCode(302)
                .withHeaders(Map.of("location", "https://example.test/")).withMultiValueHeaders(Map.of("x-a", List.of("1", "2")))
                .withCookies(List.of("s=1")).withBody("AQID").withIsBase64Encoded(true).build();
        assertEquals(full, TriggerJson.read(TriggerJson.toBytes(full), APIGatewayV2HTTPResponse.class));
        assertEquals(List.of("1", "2"), JSON.readTree(TriggerJson.toBytes(full)).path("multiValueHeaders").path("x-a").traverse(JSON)
                .readValueAs(List.class));

        StreamsEventResponse failures = new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure("7"),
                new StreamsEventResponse.BatchItemFailure("9")));
        assertEquals(failures, TriggerJson.read(TriggerJson.toBytes(failures), StreamsEventResponse.class));

        UndecodableEventException thrown = assertThrows(UndecodableEventException.class, () -> TriggerJson.read(
                "{\"statusCode\": \"200\"}".getBytes(StandardCharsets.UTF_8), APIGatewayV2HTTPResponse.class));
        assertEquals("the response does not fit APIGatewayV2HTTPResponse at statusCode", thrown.getMessage());
        thrown = assertThrows(UndecodableEventException.class, () -> TriggerJson.read(
                "{\"multiValueHeaders\": {\"x\": [[1]]}}".getBytes(StandardCharsets.UTF_8), APIGatewayV2HTTPResponse.class));
        assertEquals("the response does not fit APIGatewayV2HTTPResponse at multiValueHeaders.*[0]", thrown.getMessage());
    }

    @Test
    void aTypeItDoesNotKnowIsRefusedUpFront() {
        assertThrows(IllegalArgumentException.class, () -> new Capturing<>(Map.class));
        assertThrows(IllegalArgumentException.class, () -> TriggerJson.read("{}".getBytes(StandardCharsets.UTF_8), StreamRecord.class));
    }

    /** Nesting up to the parser's limit decodes (the decoding recurses once per level); beyond it is invalid JSON, not a crash. */
    @Test
    void deepImagesAndHugeValuesDecode() throws IOException {
        int levels = 480;   // two JSON levels each, plus the envelope's six: under StreamReadConstraints' 1,000
        String deep = "{\"Records\":[{\"dynamodb\":{\"NewImage\":{\"a\":" + "{\"M\":{\"a\":".repeat(levels) + "{\"S\":\"x\"}"
                + "}}".repeat(levels) + "}}}]}";
        DynamodbEvent event = throughStream(DynamodbEvent.class, deep.getBytes(StandardCharsets.UTF_8));
        AttributeValue value = event.getRecords().getFirst().getDynamodb().getNewImage().get("a");
        for (int i = 0; i < levels; i++) {
            value = value.getM().get("a");
        }
        assertEquals("x", value.getS());
        assertEquals(event, throughStream(DynamodbEvent.class, TriggerJson.toBytes(event)));

        String deeper = deep.replace("{\"S\":\"x\"}", "{\"M\":{\"a\":".repeat(20) + "{\"S\":\"x\"}" + "}}".repeat(20));
        UndecodableEventException thrown = assertThrows(UndecodableEventException.class, () ->
                throughStream(DynamodbEvent.class, deeper.getBytes(StandardCharsets.UTF_8)));
        assertTrue(thrown.getMessage().startsWith("the event is not valid JSON"), thrown.getMessage());

        String body = "+79991234567 ".repeat(300_000);
        APIGatewayV2HTTPEvent big = throughStream(APIGatewayV2HTTPEvent.class,
                ("{\"body\":\"" + body + "\",\"headers\":{\"a\":\"" + body + "\"}}").getBytes(StandardCharsets.UTF_8));
        assertEquals(body, big.getBody());
        assertEquals(body, big.getHeaders().get("a"));
    }
}
