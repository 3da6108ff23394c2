package io.ycbridge.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.edge.HttpRouteHandler;
import io.ycbridge.fixture.Invocations;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.record.RecordItem;
import io.ycbridge.simulator.SimulatorSeed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Hostile input, generated from a seed: well over 1,000 malformed webhook bodies and mobile requests (wrong types,
 * huge numbers, unicode and control characters, deep nesting, missing fields, oversize bodies, nulls, arrays for
 * objects, bad query parameters, odd JWT claim shapes) through the five HTTP handlers' Lambda entry points, with valid
 * webhooks interleaved; and bytes that are no HTTP API event at all. No answer may be a 5xx, no handler may throw,
 * every 4xx must say why, and every valid event must be stored.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class BadInputIT {
    private static final long COMPANY = 235564;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final LocalDynamoDb dynamo;

    BadInputIT(LocalDynamoDb dynamo) {
        this.dynamo = dynamo;
    }

    @Test
    void hostileInputIsRefusedWithAReasonAndValidInputStillLands() throws Exception {
        long seed = Stack.seed(20261125L);
        try {
            run(seed);
        } catch (Throwable failure) {
            throw new AssertionError("BadInputIT failed with seed " + seed + " (repeat with -Dycbridge.seed=" + seed + "): "
                    + failure.getMessage(), failure);
        }
    }

    private record Outcome(String handler, String input, int status, String body) {
    }

    private void run(long seed) throws Exception {
        Random random = new Random(seed);
        try (Stack stack = new Stack(dynamo, Long.toString(COMPANY), Map.of("BOOKING_FORMS", COMPANY + ":n239661.yclients.com"))) {
            stack.sim.seed(SimulatorSeed.demo());
            assertEquals("OK", stack.sync(COMPANY).path("outcome").asText());
            ObjectNode template = (ObjectNode) Stack.JSON.readTree(stack.sim.webhooks().body(COMPANY, 9001, "update"));

            // Found by this test (seed 20261125): a service with a negative amount made the intake throw (Lambda 500, so
            // YClients would deliver it again forever) instead of refusing it.
            ObjectNode negative = template.deepCopy();
            negative.put("resource_id", 999_999);
            ((ObjectNode) negative.get("data")).put("id", 999_999);
            ((ObjectNode) negative.get("data").get("services").get(0)).put("amount", -1);
            HttpResponse refusedNegative = stack.deliver(Stack.JSON.writeValueAsString(negative));
            assertEquals(400, refusedNegative.status(), refusedNegative.body());
            assertTrue(hasReason(refusedNegative.body()), refusedNegative.body());

            // Found by this test (seed 42): a cost of more digits than DynamoDB's numbers hold was answered 503, so YClients
            // would deliver it again forever.
            ObjectNode huge = negative.deepCopy();
            ((ObjectNode) huge.get("data").get("services").get(0)).put("amount", 1).put("cost", "1".repeat(60));
            HttpResponse refusedHuge = stack.deliver(Stack.JSON.writeValueAsString(huge));
            assertEquals(400, refusedHuge.status(), refusedHuge.body());

            List<Outcome> problems = new ArrayList<>();
            int total = 0;
            int refusals = 0;
            Map<Long, Long> valid = new LinkedHashMap<>();
            OffsetDateTime base = OffsetDateTime.parse("2026-11-21T10:00:00+03:00");
            for (int i = 0; i < 1_200; i++) {
                if (i % 10 == 0) {
                    long id = 1 + valid.size();
                    ObjectNode body = template.deepCopy();
                    body.put("resource_id", id);
                    body.put("status", "create");
                    ((ObjectNode) body.get("data")).put("id", id);
                    OffsetDateTime change = base.plusMinutes(i);
                    ((ObjectNode) body.get("data")).put("last_change_date", change.toString().replace("+03:00", "+0300"));
                    HttpResponse response = stack.deliver(Stack.JSON.writeValueAsString(body));
                    assertEquals(200, response.status(), "valid event " + id + ": " + response.body());
                    valid.put(id, change.toInstant().toEpochMilli());
                }
                int kind = random.nextInt(5);
                String handlerName;
                ObjectNode event;
                HttpRouteHandler handler;
                switch (kind) {
                    case 0, 1 -> {
                        handlerName = "webhook";
                        handler = stack.webhook();
                        event = Stack.webhookEventJson(random.nextInt(20) == 0 ? hostileString(random) : Stack.WEBHOOK_TOKEN,
                                hostileWebhook(template, random));
                        if (random.nextInt(30) == 0) {
                            event.put("isBase64Encoded", true);
                        }
                    }
                    case 2 -> {
                        handlerName = "booking-url";
                        handler = stack.widget();
                        event = Stack.mobileJson("GET", "/v1/booking-url", hostileQuery(random, "company", "service", "staff"),
                                hostileHeaders(random), null, hostileClaims(random));
                    }
                    case 3 -> {
                        if (random.nextBoolean()) {
                            handlerName = "catalog";
                            handler = stack.catalog();
                            event = Stack.mobileJson("GET", "/v1/catalog", hostileQuery(random, "company"), hostileHeaders(random), null,
                                    hostileClaims(random));
                        } else {
                            handlerName = "bonus";
                            handler = stack.balance();
                            event = Stack.mobileJson("GET", "/v1/me/bonus", hostileQuery(random, "limit", "cursor"), hostileHeaders(random), null,
                                    hostileClaims(random));
                        }
                    }
                    default -> {
                        handlerName = "profile";
                        handler = stack.profile();
                        event = Stack.mobileJson("PUT", "/v1/me/profile", null, hostileHeaders(random), hostileProfile(random),
                                hostileClaims(random));
                        if (random.nextInt(30) == 0) {
                            event.put("isBase64Encoded", true);
                        }
                    }
                }
                total++;
                String input = describe(event);
                try {
                    HttpResponse response = invoke(handler, Stack.JSON.writeValueAsBytes(event));
                    int status = response.status();
                    if (status >= 500) {
                        problems.add(new Outcome(handlerName, input, status, response.body()));
                    } else if (status >= 400) {
                        refusals++;
                        if (!hasReason(response.body()) && !strangerRefused(handlerName, status, response.body())) {
                            problems.add(new Outcome(handlerName + " (4xx without a reason)", input, status, response.body()));
                        }
                    }
                } catch (RuntimeException | IOException | StackOverflowError thrown) {
                    problems.add(new Outcome(handlerName + " threw " + thrown, input, -1, null));
                }
            }
            System.out.printf("BadInputIT seed %d: %d hostile requests (%d refused with a reason), %d valid webhooks, %d problems%n",
                    seed, total, refusals, valid.size(), problems.size());
            assertTrue(total >= 1_000);
            assertTrue(problems.isEmpty(), problems.size() + " hostile inputs answered 5xx, threw, or were refused without a reason: "
                    + problems.subList(0, Math.min(5, problems.size())));
            for (Map.Entry<Long, Long> entry : valid.entrySet()) {
                Map<String, AttributeValue> item = stack.client().getItem(r -> r.tableName(stack.table("RECORDS_TABLE"))
                        .key(Map.of(RecordItem.COMPANY_ID, AttributeValue.fromN(Long.toString(COMPANY)),
                                RecordItem.RECORD_ID, AttributeValue.fromN(Long.toString(entry.getKey()))))).item();
                assertTrue(item != null && !item.isEmpty(), "valid event " + entry.getKey() + " stored");
                assertEquals(entry.getValue().toString(), item.get(RecordItem.CHANGED_AT).n(), "valid event " + entry.getKey() + " version");
            }
        }
    }

    @Test
    void bytesThatAreNoHttpApiEventAreRefusedWithAReason() throws Exception {
        Random random = new Random(Stack.seed(20261125L));
        byte[] valid = Stack.JSON.writeValueAsBytes(Stack.webhookEventJson(Stack.WEBHOOK_TOKEN, "{}"));
        List<byte[]> inputs = new ArrayList<>(List.of(new byte[0], "null".getBytes(StandardCharsets.UTF_8),
                "[]".getBytes(StandardCharsets.UTF_8), "\"+79990000000\"".getBytes(StandardCharsets.UTF_8),
                "{\"headers\": \"+79990000000\"}".getBytes(StandardCharsets.UTF_8),
                "{\"requestContext\": {\"authorizer\": {\"jwt\": {\"claims\": [\"+79990000000\"]}}}}".getBytes(StandardCharsets.UTF_8),
                "{\"isBase64Encoded\": {}}".getBytes(StandardCharsets.UTF_8),
                "[".repeat(100_000).getBytes(StandardCharsets.UTF_8),
                ("{\"body\": \"" + "x".repeat(3_000_000)).getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < 40; i++) {
            inputs.add(java.util.Arrays.copyOf(valid, random.nextInt(valid.length - 1)));   // cut short
            byte[] noise = new byte[1 + random.nextInt(200)];
            random.nextBytes(noise);
            inputs.add(noise);
        }
        try (Stack stack = new Stack(dynamo, Long.toString(COMPANY), Map.of("BOOKING_FORMS", COMPANY + ":n239661.yclients.com"))) {
            Map<String, HttpRouteHandler> handlers = Map.of("webhook", stack.webhook(), "booking-url", stack.widget(),
                    "catalog", stack.catalog(), "bonus", stack.balance(), "profile", stack.profile());
            for (Map.Entry<String, HttpRouteHandler> handler : handlers.entrySet()) {
                for (int i = 0; i < inputs.size(); i++) {
                    HttpResponse response = invoke(handler.getValue(), inputs.get(i));
                    assertEquals(400, response.status(), handler.getKey() + " input #" + i + ": " + response.body());
                    assertTrue(hasReason(response.body()), handler.getKey() + " input #" + i + ": " + response.body());
                    assertFalse(response.body().contains("7999"), "the input is not quoted back: " + response.body());
                }
            }
        }
    }

    /** Through the Lambda entry point, as the runtime calls it: the event's bytes in, the response read from the bytes out. */
    private static HttpResponse invoke(HttpRouteHandler handler, byte[] event) throws IOException {
        return Invocations.httpAnswer(Invocations.invoke(handler, event));
    }

    /**
     * The one refusal without a reason, by design (README, "Webhook intake"): a wrong webhook token is answered 401
     * {@code {"outcome":"unauthorized"}} — a stranger learns nothing more.
     */
    private static boolean strangerRefused(String handler, int status, String body) {
        return handler.equals("webhook") && status == 401 && "{\"outcome\":\"unauthorized\"}".equals(body);
    }

    private static boolean hasReason(String body) {
        if (body == null || body.isBlank()) {
            return false;
        }
        try {
            JsonNode json = Stack.JSON.readTree(body);
            String reason = json.path("reason").asText(json.path("detail").asText(json.path("message").asText("")));
            return !reason.isBlank();
        } catch (Exception notJson) {
            return false;
        }
    }

    private static String describe(JsonNode event) {
        String body = event.path("body").isNull() ? "null" : event.path("body").asText();
        JsonNode claims = event.path("requestContext").path("authorizer").path("jwt").path("claims");
        String text = "query=" + event.path("queryStringParameters") + " claims=" + (claims.isMissingNode() ? "none" : claims)
                + " body=" + body;
        return text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text;
    }

    // ---- generators ----

    private static final List<Supplier<JsonNode>> NASTY_VALUES = List.of(
            NODES::nullNode,
            () -> NODES.textNode(""),
            () -> NODES.textNode("abc"),
            () -> NODES.textNode("235564abc"),
            () -> NODES.numberNode(new java.math.BigInteger("99999999999999999999999999999999")),
            () -> NODES.numberNode(new java.math.BigDecimal("1e400")),
            () -> NODES.numberNode(-1L),
            () -> NODES.numberNode(Long.MAX_VALUE),
            () -> NODES.numberNode(Long.MIN_VALUE),
            () -> NODES.numberNode(0.5),
            () -> NODES.booleanNode(true),
            () -> NODES.arrayNode(),
            () -> NODES.arrayNode().add(1).add("x"),
            () -> NODES.objectNode(),
            () -> NODES.objectNode().put("id", "x"),
            () -> NODES.textNode("𝕐𝕔 клиент ☃ \u202e\u0000\u0007"),
            () -> NODES.textNode("1".repeat(500)),
            () -> NODES.textNode("2026-13-45T99:99:99+9999"),
            () -> NODES.textNode("NaN"),
            () -> NODES.textNode("<script>alert(1)</script>"),
            () -> nested(200));

    private static JsonNode nested(int depth) {
        ArrayNode root = NODES.arrayNode();
        ArrayNode current = root;
        for (int i = 0; i < depth; i++) {
            ArrayNode next = NODES.arrayNode();
            current.add(next);
            current = next;
        }
        return root;
    }

    private static JsonNode nasty(Random random) {
        return NASTY_VALUES.get(random.nextInt(NASTY_VALUES.size())).get();
    }

    private static String hostileWebhook(ObjectNode template, Random random) throws Exception {
        switch (random.nextInt(14)) {
            case 0:
                return "";
            case 1:
                return "{\"company_id\": 235564, \"resource\": \"record\", \"resource_id\": 5, \"data\": {";
            case 2:
                return "[" + "[".repeat(5_000) + "]".repeat(5_000) + "]";
            case 3:
                return "{\"a\":\"" + "x".repeat(300_000) + "\"}";
            case 4:
                return Stack.JSON.writeValueAsString(nasty(random));
            case 5:
                return new String(randomBytes(random, 1 + random.nextInt(200)), StandardCharsets.ISO_8859_1);
            default:
                break;
        }
        ObjectNode body = template.deepCopy();
        long id = 1_000_000L + random.nextInt(1_000_000);
        body.put("resource_id", id);
        ((ObjectNode) body.get("data")).put("id", id);
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            ObjectNode target = random.nextBoolean() ? body : (body.get("data") instanceof ObjectNode data ? data : body);
            List<String> fields = new ArrayList<>();
            target.fieldNames().forEachRemaining(fields::add);
            if (fields.isEmpty()) {
                break;
            }
            String field = fields.get(random.nextInt(fields.size()));
            switch (random.nextInt(4)) {
                case 0 -> target.remove(field);
                case 1 -> target.set(field, nasty(random));
                case 2 -> target.set(hostileString(random), nasty(random));
                default -> {
                    JsonNode services = body.path("data").path("services");
                    if (services instanceof ArrayNode array && !array.isEmpty() && array.get(0) instanceof ObjectNode service) {
                        List<String> keys = new ArrayList<>();
                        service.fieldNames().forEachRemaining(keys::add);
                        service.set(keys.get(random.nextInt(keys.size())), nasty(random));
                    } else {
                        target.set(field, nasty(random));
                    }
                }
            }
        }
        return Stack.JSON.writeValueAsString(body);
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String hostileString(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> "";
            case 1 -> " ";
            case 2 -> "x".repeat(5_000 + random.nextInt(5_000));
            case 3 -> "𝕐\u0000\u202e" + random.nextInt();
            case 4 -> "USER#someone-else";
            case 5 -> "../../etc/passwd";
            case 6 -> "1e400";
            case 7 -> "%00%ZZ";
            case 8 -> "99999999999999999999999";
            default -> new String(randomBytes(random, 1 + random.nextInt(40)), StandardCharsets.ISO_8859_1);
        };
    }

    private static Map<String, String> hostileQuery(Random random, String... names) {
        if (random.nextInt(10) == 0) {
            return null;
        }
        Map<String, String> query = new HashMap<>();
        for (String name : names) {
            int roll = random.nextInt(6);
            if (roll == 0) {
                continue;
            }
            String value = switch (name) {
                case "company" -> roll == 1 ? Long.toString(COMPANY) : hostileString(random);
                case "service", "staff" -> roll == 1 ? "301" : roll == 2 ? "301,,x," + "9".repeat(30) : roll == 3
                        ? String.join(",", java.util.Collections.nCopies(2_000, "301")) : hostileString(random);
                case "limit" -> roll == 1 ? "10" : roll == 2 ? "0" : roll == 3 ? "101" : hostileString(random);
                case "cursor" -> roll == 1 ? Base64.getUrlEncoder().encodeToString("ENTRY#0000000000001#1".getBytes(StandardCharsets.UTF_8))
                        : roll == 2 ? Base64.getUrlEncoder().encodeToString(randomBytes(random, 30)) : hostileString(random);
                default -> hostileString(random);
            };
            query.put(name, value);
        }
        if (random.nextInt(8) == 0) {
            query.put(hostileString(random), hostileString(random));
        }
        return query;
    }

    private static Map<String, String> hostileHeaders(Random random) {
        Map<String, String> headers = new HashMap<>();
        if (random.nextInt(4) == 0) {
            headers.put("if-none-match", random.nextBoolean() ? "*" : hostileString(random));
        }
        if (random.nextInt(4) == 0) {
            headers.put("x-user-id", "someone-else");
        }
        return headers;
    }

    private static Map<String, String> hostileClaims(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> null;
            case 1 -> new HashMap<>();
            case 2 -> {
                Map<String, String> claims = Stack.claims("x");
                claims.put("sub", "");
                yield claims;
            }
            case 3 -> {
                Map<String, String> claims = Stack.claims("x");
                claims.remove("sub");
                claims.put("aud", "[\"other\"]");
                yield claims;
            }
            case 4 -> Stack.claims(hostileString(random));
            case 5 -> {
                Map<String, String> claims = Stack.claims("user-" + random.nextInt(5));
                claims.put("exp", "not-a-number");
                claims.put("phone_number", "+79990000000");
                yield claims;
            }
            default -> Stack.claims("user-" + random.nextInt(5));
        };
    }

    private static String hostileProfile(Random random) throws Exception {
        switch (random.nextInt(10)) {
            case 0:
                return null;
            case 1:
                return random.nextBoolean() ? "null" : "[]";
            case 2:
                return "{\"name\": \"" + "я".repeat(200_000) + "\", \"phone\": \"+79990000000\"}";
            case 3:
                return "[" + "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000) + "]";
            case 4:
                return new String(randomBytes(random, 1 + random.nextInt(100)), StandardCharsets.ISO_8859_1);
            default:
                break;
        }
        ObjectNode body = NODES.objectNode();
        body.put("name", "Анна");
        body.put("phone", "+7 916 " + (100 + random.nextInt(900)) + "-" + (10 + random.nextInt(90)) + "-" + (10 + random.nextInt(90)));
        body.put("email", "anna@example.com");
        body.put("code", "A-1");
        List<String> fields = List.of("name", "phone", "email", "code", "userId", "sub");
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            String field = fields.get(random.nextInt(fields.size()));
            switch (random.nextInt(3)) {
                case 0 -> body.remove(field);
                case 1 -> body.set(field, nasty(random));
                default -> body.put(field, hostileString(random));
            }
        }
        return Stack.JSON.writeValueAsString(body);
    }
}
