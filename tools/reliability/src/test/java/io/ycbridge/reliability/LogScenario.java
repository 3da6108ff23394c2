package io.ycbridge.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.simulator.Fault;
import io.ycbridge.simulator.SimulatorSeed;
import java.net.URI;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A whole day of the application in a JVM of its own, so that everything it prints — the functions' JSON lines
 * (LogSink.STDOUT binds System.out when first used), System.Logger/JUL output, stack traces — can be captured by the
 * parent ({@link SecurityIT}) and searched for secrets and phone numbers.
 *
 * <p>Arguments: DynamoDB endpoint, partner token, user token, login, password, webhook token, the user token after
 * a password change.
 */
public final class LogScenario {
    static final long COMPANY = 235564;
    static final String DONE = "LOG-SCENARIO-DONE";

    private LogScenario() {
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        String partner = args[1];
        String userToken = args[2];
        String login = args[3];
        String password = args[4];
        String webhookToken = args[5];
        String rotated = args[6];
        DynamoDbClient client = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        Map<String, String> secrets = Map.of(
                "YCLIENTS_PARTNER_TOKEN", partner,
                "YCLIENTS_USER_TOKEN", userToken,
                "YCLIENTS_LOGIN", login,
                "YCLIENTS_PASSWORD", password,
                "YCLIENTS_WEBHOOK_TOKEN", webhookToken,
                "BOOKING_FORMS", COMPANY + ":n239661.yclients.com");
        try (Stack stack = new Stack(endpoint, client, Long.toString(COMPANY), secrets)) {
            stack.sim.clock().set(io.ycbridge.simulator.MovableClock.DEFAULT_START);
            stack.sim.seed(SimulatorSeed.demo());
            stack.sim.acceptPartnerToken(partner);
            stack.sim.addUser(login, password, userToken, COMPANY);
            stack.sim.clock().set(java.time.Instant.now().minus(java.time.Duration.ofDays(2)));

            say("sync", stack.sync(COMPANY).path("outcome").asText());
            say("profile a", stack.putProfile("user-a", "Анна", "+7 999 000-00-00").status());
            say("profile b", stack.putProfile("user-b", "Дмитрий", "8 (916) 123-45-67").status());
            say("profile b again with a's phone, unproven", stack.putProfileUnproven("user-b", "Дмитрий", "+79990000000").status());
            say("profile with a bad phone", stack.putProfile("user-c", "Ольга", "+7 916 555-00-0").status());

            for (long id : stack.sim.data().recordIds(COMPANY)) {
                deliver(stack, webhookToken, stack.sim.webhooks().body(COMPANY, id, "update"));
            }
            long visit = stack.sim.data().createRecord(COMPANY, 4001, 55, List.of(301L), LocalDateTime.of(2026, 11, 27, 12, 0));
            stack.sim.clock().advance(java.time.Duration.ofMinutes(5));
            stack.sim.data().completeVisit(COMPANY, visit, true);
            deliver(stack, webhookToken, stack.sim.webhooks().body(COMPANY, visit, "update"));
            ObjectNode incomplete = (ObjectNode) Stack.JSON.readTree(stack.sim.webhooks().body(COMPANY, visit, "update"));
            ((ObjectNode) incomplete.get("data")).remove(List.of("staff_id", "last_change_date"));
            deliver(stack, webhookToken, Stack.JSON.writeValueAsString(incomplete));
            deliver(stack, webhookToken.substring(1) + "x", stack.sim.webhooks().body(COMPANY, visit, "update"));
            deliver(stack, webhookToken, "{\"company_id\":" + COMPANY + ",\"resource\":\"record\",\"resource_id\":5,"
                    + "\"data\":{\"id\":5,\"client\":{\"phone\":\"+79990000000\",\"name\":\"Анна\"},\"services\":\"+79990000000\"}}");
            deliver(stack, webhookToken, "{\"company_id\":\"+79990000000\"}");

            try (StreamDrain stream = stack.stream(50)) {
                stream.drain();
                say("accruals", stream.delivered());
            }
            say("bonus a", stack.myBonus("user-a", Map.of("limit", "5")).status());
            say("bonus without a user", stack.myBonus(null, Map.of()).status());
            say("booking url a", stack.widget().handle(Stack.mobile("GET", "/v1/booking-url",
                    Map.of("company", Long.toString(COMPANY), "service", "301"), null, null, Stack.claims("user-a")), null).status());
            say("catalog", stack.catalogOf(COMPANY, "user-a").status());

            // A password change resets the user token: the provider logs in again with login and password.
            stack.sim.rotateUserToken(userToken, rotated);
            say("sync after the password change", stack.sync(COMPANY).path("outcome").asText());
            // The outage: partner id refused everywhere.
            stack.sim.faults().always(Fault.status(401, "Не указан идентификатор партнера"));
            say("sync in the outage", stack.sync(COMPANY).path("outcome").asText());
            deliver(stack, webhookToken, Stack.JSON.writeValueAsString(incomplete));
            stack.sim.faults().clear();
            say("sync after the outage", stack.sync(COMPANY).path("outcome").asText());
        }
        client.close();
        System.out.println(DONE);
        System.out.flush();
        System.exit(0);
    }

    private static void deliver(Stack stack, String token, String body) {
        HttpResponse response = stack.webhook().handle(Stack.webhookEvent(token, body), null);
        say("webhook", response.status());
    }

    /** The scenario's own progress lines, with nothing but what the step was and its status. */
    private static void say(String step, Object status) {
        System.err.println("scenario: " + step + " -> " + status);
    }
}
