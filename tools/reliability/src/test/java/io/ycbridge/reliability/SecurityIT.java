package io.ycbridge.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.edge.HttpRequest;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.edge.HttpRouteHandler;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.simulator.SimulatorSeed;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The promises about who may do what, and what is never written down.
 *
 * <p>Tokens in the app's requests are verified by API Gateway's JWT authorizer (signature, expiry, issuer,
 * audience) before a handler runs; an expired or wrong-audience token never reaches our code. What the handlers own
 * is tested here: no authorizer context, or claims without a subject, is 401 on every mobile route, and the subject
 * is the only source of the user.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class SecurityIT {
    private static final long COMPANY = 235564;
    private final LocalDynamoDb dynamo;

    SecurityIT(LocalDynamoDb dynamo) {
        this.dynamo = dynamo;
    }

    @Test
    void webhookTokenIsComparedAsDigestsInConstantTime() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("io/ycbridge/webhook/WebhookTokenCheck.class")) {
            String constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(constants.contains("java/security/MessageDigest") && constants.contains("isEqual"),
                    "WebhookTokenCheck compares with MessageDigest.isEqual");
        }
        try (Stack stack = new Stack(dynamo, Long.toString(COMPANY), Map.of())) {
            stack.sim.seed(SimulatorSeed.demo());
            String body = stack.sim.webhooks().body(COMPANY, 9001, "update");
            String right = Stack.WEBHOOK_TOKEN;
            assertEquals(200, stack.webhook().handle(Stack.webhookEvent(right, body), null).status());
            char last = right.charAt(right.length() - 1);
            List<String> wrong = new ArrayList<>(List.of(
                    right.substring(0, right.length() - 1) + (last == 'a' ? 'b' : 'a'),          // same length, last char
                    (right.charAt(0) == 'x' ? 'y' : 'x') + right.substring(1),                     // same length, first char
                    right.toUpperCase(java.util.Locale.ROOT),                                     // same length, case
                    right.substring(0, right.length() - 1),                                       // one shorter
                    right + "0",                                                                  // one longer
                    right.substring(0, 8),
                    "",
                    " " + right,
                    right + "\u0000"));
            wrong.add(null);
            for (String token : wrong) {
                HttpResponse response = stack.webhook().handle(Stack.webhookEvent(token, body), null);
                assertEquals(401, response.status(), "token variant refused: " + (token == null ? "none" : token.length() + " chars"));
                assertFalse(response.body().contains("reason"), "a stranger is told nothing: " + response.body());
            }
        }
    }

    @Test
    void mobileRoutesRefuseRequestsWithoutAVerifiedSubject() throws Exception {
        try (Stack stack = new Stack(dynamo, Long.toString(COMPANY), Map.of("BOOKING_FORMS", COMPANY + ":n239661.yclients.com"))) {
            Map<String, HttpRouteHandler> routes = new LinkedHashMap<>();
            routes.put("GET /v1/booking-url", stack.widget());
            routes.put("GET /v1/catalog", stack.catalog());
            routes.put("GET /v1/me/bonus", stack.balance());
            routes.put("PUT /v1/me/profile", stack.profile());
            routes.put("DELETE /v1/me", stack.profile());
            routes.put("POST /v1/me/phone/verification", stack.phoneVerification());
            routes.put("PUT /v1/me/phone/verification", stack.phoneVerification());
            Map<String, String> noSub = Stack.claims("x");
            noSub.remove("sub");
            Map<String, String> blankSub = Stack.claims("  ");
            Map<String, String> subInHeaderOnly = new HashMap<>();
            Map<String, String> hugeSub = Stack.claims("u".repeat(5_000)); // no identity provider issues these; no key can hold it
            for (Map.Entry<String, HttpRouteHandler> route : routes.entrySet()) {
                String[] parts = route.getKey().split(" ");
                for (Map<String, String> claims : java.util.Arrays.asList(null, noSub, blankSub, subInHeaderOnly, hugeSub)) {
                    HttpRequest event = Stack.mobile(parts[0], parts[1], Map.of("company", Long.toString(COMPANY), "user", "user-a"),
                            Map.of("authorization", "Bearer forged.token.value", "x-user-id", "user-a"),
                            "{\"name\":\"A\",\"phone\":\"+79990000000\",\"sub\":\"user-a\"}", claims);
                    HttpResponse response = route.getValue().handle(event, null);
                    assertEquals(401, response.status(), route.getKey() + " with claims " + (claims == null ? null : claims.keySet()) + ": " + response.body());
                    assertTrue(response.body() != null && response.body().contains("\"detail\""), "401 says why");
                }
            }
        }
    }

    @Test
    void aUserCannotReadOrChangeAnothersData() throws Exception {
        try (Stack stack = new Stack(dynamo, Long.toString(COMPANY), Map.of("BOOKING_FORMS", COMPANY + ":n239661.yclients.com",
                "BONUS_PERCENT", "10"))) {
            stack.sim.clock().set(io.ycbridge.simulator.MovableClock.DEFAULT_START);
            stack.sim.seed(SimulatorSeed.demo());
            assertEquals(200, stack.putProfile("user-a", "Анна", "+7 999 000-00-00").status());
            assertEquals(200, stack.putProfile("user-b", "Ольга", "+79165550000").status());
            completeVisitsOfClient4001(stack, 3);
            JsonNode a = Stack.JSON.readTree(stack.myBonus("user-a", Map.of("limit", "1")).body());
            BigDecimal aBalance = new BigDecimal(a.path("balance").asText());
            assertTrue(aBalance.signum() > 0, "user a earned bonuses: " + a);
            String aCursor = a.path("nextCursor").asText(null);
            assertTrue(aCursor != null, "user a has more than one page");
            String aEntry = a.path("entries").get(0).path("id").asText();

            // Names-another-user attempts: query, header, path parameter, and a's own cursor.
            List<HttpRequest> attempts = new ArrayList<>();
            attempts.add(Stack.mobile("GET", "/v1/me/bonus", Map.of("user", "user-a", "userId", "user-a", "sub", "user-a"),
                    Map.of("x-user-id", "user-a", "x-amzn-oidc-identity", "user-a"), null, Stack.claims("user-b")));
            ObjectNode path = Stack.mobileJson("GET", "/v1/me/bonus", null, null, null, Stack.claims("user-b"));
            path.putObject("pathParameters").put("user", "user-a").put("sub", "user-a");
            attempts.add(Stack.read(path));
            attempts.add(Stack.mobile("GET", "/v1/me/bonus", Map.of("cursor", aCursor, "limit", "100"), null, null, Stack.claims("user-b")));
            for (HttpRequest attempt : attempts) {
                HttpResponse response = stack.balance().handle(attempt, null);
                assertTrue(response.status() == 200 || response.status() == 400, response.body());
                assertFalse(response.body().contains(aEntry), "user b sees user a's entries: " + response.body());
                if (response.status() == 200) {
                    assertEquals(0, BigDecimal.ZERO.compareTo(new BigDecimal(Stack.JSON.readTree(response.body()).path("balance").asText())),
                            "user b's balance stays b's: " + response.body());
                }
            }

            // b tries to take a's phone (and with it a's visits and bonuses) without proof, or to write a's profile.
            HttpResponse steal = stack.putProfileUnproven("user-b", "Ольга", "8 999 000 00 00");
            assertEquals(200, steal.status(), "stored as b's contact data, never 409: " + steal.body());
            assertFalse(Stack.JSON.readTree(steal.body()).path("phoneVerified").asBoolean(true), steal.body());
            assertEquals("0.00", Stack.JSON.readTree(steal.body()).path("credited").asText());
            HttpResponse overwrite = stack.profile().handle(Stack.mobile("PUT", "/v1/me/profile", Map.of("user", "user-a"),
                    Map.of("x-user-id", "user-a"), "{\"name\":\"Mallory\",\"phone\":\"+79165550000\",\"userId\":\"user-a\",\"sub\":\"user-a\"}",
                    Stack.claims("user-b")), null);
            assertEquals(200, overwrite.status(), overwrite.body());
            Map<String, AttributeValue> profileA = stack.client().getItem(r -> r.tableName(stack.table("PROFILES_TABLE"))
                    .key(Map.of("user_id", AttributeValue.fromS("user-a"))).consistentRead(true)).item();
            assertTrue(profileA.toString().contains("+79990000000") && !profileA.toString().contains("Mallory"), "a's profile untouched");
            JsonNode aAfter = Stack.JSON.readTree(stack.myBonus("user-a", Map.of()).body());
            assertEquals(0, aBalance.compareTo(new BigDecimal(aAfter.path("balance").asText())), "a's balance untouched");

            // b's booking link is prefilled with b's data only.
            HttpResponse link = stack.widget().handle(Stack.mobile("GET", "/v1/booking-url",
                    Map.of("company", Long.toString(COMPANY), "user", "user-a"), Map.of("x-user-id", "user-a"), null, Stack.claims("user-b")), null);
            assertEquals(200, link.status(), link.body());
            assertFalse(link.body().contains("9990000000") || link.body().contains("Анна")
                    || link.body().contains("%D0%90%D0%BD%D0%BD%D0%B0"), "b's link carries a's data: " + link.body());
        }
    }

    @Test
    void aHostileUserClaimingAStrangersPhoneGetsNoLinkAndNoCreditAndTheProvenOwnerStillLinks() throws Exception {
        try (Stack stack = new Stack(dynamo, Long.toString(COMPANY), Map.of("BOOKING_FORMS", COMPANY + ":n239661.yclients.com",
                "BONUS_PERCENT", "10"))) {
            stack.sim.clock().set(io.ycbridge.simulator.MovableClock.DEFAULT_START);
            stack.sim.seed(SimulatorSeed.demo());
            // Client 4001 (+79990000000) comes twice before anyone has linked the phone: the bonuses wait, pending.
            completeVisitsOfClient4001(stack, 2);

            // The hostile user types the stranger's phone, in every notation, with a token that proves no phone or
            // proves another one, or claims it without the verified flag.
            Map<String, String> otherPhone = Stack.claims("user-h");
            otherPhone.put("phone_number", "+79161234567");
            otherPhone.put("phone_number_verified", "true");
            Map<String, String> unverified = Stack.claims("user-h");
            unverified.put("phone_number", "+79990000000");
            unverified.put("phone_number_verified", "false");
            List<HttpResponse> hostile = List.of(
                    stack.putProfileUnproven("user-h", "Mallory", "+79990000000"),
                    stack.putProfileUnproven("user-h", "Mallory", "8 (999) 000-00-00"),
                    stack.profile().handle(Stack.mobile("PUT", "/v1/me/profile", null, Map.of("content-type", "application/json"),
                            "{\"name\":\"Mallory\",\"phone\":\"+79990000000\"}", otherPhone), null),
                    stack.profile().handle(Stack.mobile("PUT", "/v1/me/profile", null, Map.of("content-type", "application/json"),
                            "{\"name\":\"Mallory\",\"phone\":\"+79990000000\"}", unverified), null));
            for (HttpResponse response : hostile) {
                assertEquals(200, response.status(), response.body());
                JsonNode body = Stack.JSON.readTree(response.body());
                assertFalse(body.path("phoneVerified").asBoolean(true), "no proof, no link: " + body);
                assertEquals("0.00", body.path("credited").asText(), "no proof, no credit: " + body);
            }
            JsonNode hostileBonus = Stack.JSON.readTree(stack.myBonus("user-h", Map.of()).body());
            assertEquals(0, BigDecimal.ZERO.compareTo(new BigDecimal(hostileBonus.path("balance").asText())), hostileBonus.toString());
            assertTrue(hostileBonus.path("entries").isEmpty(), hostileBonus.toString());
            Map<String, AttributeValue> phoneLink = stack.client().getItem(r -> r.tableName(stack.table("USER_LINKS_TABLE"))
                    .key(Map.of("link_key", AttributeValue.fromS("PHONE#+79990000000"))).consistentRead(true)).item();
            assertTrue(phoneLink == null || phoneLink.isEmpty(), "the phone is linked to nobody: " + phoneLink);

            // The real owner proves the phone with the token and gets the visits that waited for them.
            HttpResponse owner = stack.putProfile("user-a", "Анна", "+7 999 000-00-00");
            assertEquals(200, owner.status(), owner.body());
            JsonNode ownerBody = Stack.JSON.readTree(owner.body());
            assertTrue(ownerBody.path("phoneVerified").asBoolean(), ownerBody.toString());
            assertTrue(new BigDecimal(ownerBody.path("credited").asText()).signum() > 0, "the pending visits are credited: " + ownerBody);
            JsonNode ownerBonus = Stack.JSON.readTree(stack.myBonus("user-a", Map.of()).body());
            assertEquals(0, new BigDecimal(ownerBody.path("credited").asText()).compareTo(new BigDecimal(ownerBonus.path("balance").asText())));
            JsonNode stillNothing = Stack.JSON.readTree(stack.myBonus("user-h", Map.of()).body());
            assertEquals(0, BigDecimal.ZERO.compareTo(new BigDecimal(stillNothing.path("balance").asText())), stillNothing.toString());
        }
    }

    /** Client 4001 (+79990000000) books, comes and pays {@code visits} times; the webhooks and the stream are delivered. */
    private static void completeVisitsOfClient4001(Stack stack, int visits) throws Exception {
        for (int i = 0; i < visits; i++) {
            long visit = stack.sim.data().createRecord(COMPANY, 4001, 55, List.of(301L), LocalDateTime.of(2026, 11, 27, 10 + i, 0));
            stack.sim.clock().advance(java.time.Duration.ofMinutes(2));
            stack.sim.data().completeVisit(COMPANY, visit, true);
            assertEquals(200, stack.deliver(stack.sim.webhooks().body(COMPANY, visit, "update")).status());
        }
        try (StreamDrain stream = stack.stream(50)) {
            stream.drain();
        }
    }

    @Test
    void aWholeScenarioLogsNoTokenPasswordOrPhone() throws Exception {
        Random random = new Random(Stack.seed(20261126L));
        HexFormat hex = HexFormat.of();
        String partner = "ptk" + hex.formatHex(bytes(random, 16));
        String user = "utk" + hex.formatHex(bytes(random, 16));
        String login = "owner." + hex.formatHex(bytes(random, 4)) + "@salon.example";
        String password = "Pw-" + hex.formatHex(bytes(random, 12));
        String webhook = "whk" + hex.formatHex(bytes(random, 20));
        String rotated = "utr" + hex.formatHex(bytes(random, 16));

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xss2m", "-cp", System.getProperty("java.class.path"),
                LogScenario.class.getName(), dynamo.endpoint().toString(), partner, user, login, password, webhook, rotated)
                .redirectErrorStream(true).start();
        byte[] captured = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the scenario ends");
        String output = new String(captured, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "the scenario ran to its end:\n" + tail(output));
        assertTrue(output.contains(LogScenario.DONE), tail(output));
        long jsonLines = output.lines().filter(line -> line.startsWith("{")).count();
        assertTrue(jsonLines >= 30, "the functions logged (" + jsonLines + " JSON lines)");
        assertTrue(output.contains("webhook") && output.contains("accrual") && output.contains("sync"), "every function logged");

        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("partner token", partner);
        secrets.put("user token", user);
        secrets.put("rotated user token", rotated);
        secrets.put("password", password);
        secrets.put("webhook token", webhook);
        secrets.put("login", login);
        for (String phone : List.of("79990000000", "70001234567", "79991234567", "79161234567", "79165550000", "380501234567",
                "380671112233")) {
            String national = phone.startsWith("7") ? phone.substring(1) : phone.substring(3);
            secrets.put("phone " + phone + " (E.164)", "+" + phone);
            secrets.put("phone " + phone + " (digits)", phone);
            secrets.put("phone " + phone + " (national)", national);
            if (phone.startsWith("7")) {
                secrets.put("phone " + phone + " (domestic)", "8" + national);
                secrets.put("phone " + phone + " (spaced)", "+7 " + national.substring(0, 3) + " " + national.substring(3, 6) + "-"
                        + national.substring(6, 8) + "-" + national.substring(8));
            }
        }
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            int at = output.indexOf(secret.getValue());
            if (at >= 0) {
                leaks.add(secret.getKey() + " in: " + output.substring(Math.max(0, output.lastIndexOf('\n', at) + 1),
                        Math.min(output.length(), at + 120)));
            }
        }
        assertTrue(leaks.isEmpty(), leaks.size() + " secrets or phone numbers in the logs: " + leaks);
        output.lines().filter(line -> line.startsWith("scenario: ")).forEach(System.out::println);
        System.out.printf("SecurityIT: %d lines (%d JSON) captured from the scenario, %d values searched, none found%n",
                output.lines().count(), jsonLines, secrets.size());
    }

    private static byte[] bytes(Random random, int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String tail(String output) {
        return output.length() > 4_000 ? output.substring(output.length() - 4_000) : output;
    }
}
