package io.ycbridge.app.bonus;

import io.ycbridge.bonus.BonusRules;
import io.ycbridge.bonus.Ledger;
import io.ycbridge.bonus.Visits;
import static io.ycbridge.bonus.Visits.PHONE;
import static io.ycbridge.bonus.Visits.came;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.edge.HttpRequest;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.fixture.Invocations;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Driven by events/bonus-balance/ (HTTP API v2 with JWT claims). */
@ExtendWith(LocalDynamoDbExtension.class)
class BonusBalanceHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DynamoDbClient client;
    private Ledger ledger;
    private BonusBalanceHandler handler;

    BonusBalanceHandlerTest(DynamoDbClient client) {
        this.client = client;
    }

    @BeforeEach
    void threeVisitsForTheUserOneForSomeoneElse() {
        ledger = new Ledger(client, BonusRules.percent("5"));
        ledger.service.linkProvenPhone("user-sub-1", PHONE);
        ledger.service.linkProvenPhone("someone-else", "+79990000005");
        for (int r = 1; r <= 3; r++) {
            ledger.service.accrue(came(8000 + r, r));
        }
        ledger.service.accrue(Visits.visit(8100, 1, 1, true, false, null, "+79990000005", came(1, 1).services()));
        handler = new BonusBalanceHandler(ledger.service);
    }

    private static HttpRequest event(String name) {
        return Invocations.http("../../events/bonus-balance/" + name);
    }

    @Test
    void returnsTheCallersBalanceAndPagesItsEntries() throws Exception {
        HttpRequest request = event("my-balance.json");
        HttpResponse first = handler.handle(request, null);
        assertEquals(200, first.status());
        JsonNode body = JSON.readTree(first.body());
        assertEquals("297.00", body.path("balance").asText());
        assertEquals(2, body.path("entries").size());
        assertEquals(8003, body.path("entries").get(0).path("recordId").asLong());
        assertEquals("ACCRUAL", body.path("entries").get(0).path("kind").asText());
        assertEquals("99.00", body.path("entries").get(0).path("amount").asText());

        Map<String, String> next = new HashMap<>(request.queryParameters());
        next.put("cursor", body.path("nextCursor").asText());
        JsonNode second = JSON.readTree(handler.handle(Invocations.withQuery(request, next), null).body());
        assertEquals(1, second.path("entries").size());
        assertEquals(8001, second.path("entries").get(0).path("recordId").asLong());
    }

    /** The Lambda entry point, as the runtime calls it: the event file's bytes in, the response's bytes out. */
    private JsonNode invoke(String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(Files.newInputStream(Path.of("../../events/bonus-balance/" + name)), out, null);
        return JSON.readTree(out.toByteArray());
    }

    @Test
    void theEntryPointTakesTheEventBytesAndAnswersInPayloadVersionTwo() throws Exception {
        JsonNode response = invoke("my-balance.json");

        assertEquals(200, response.path("statusCode").asInt(), response.toString());
        assertEquals("application/json", response.path("headers").path("content-type").asText());
        assertFalse(response.path("isBase64Encoded").asBoolean(true));
        JsonNode body = JSON.readTree(response.path("body").asText());
        assertEquals("297.00", body.path("balance").asText());
        assertEquals(2, body.path("entries").size());

        JsonNode forged = invoke("bad-cursor.json");
        assertEquals(400, forged.path("statusCode").asInt(), forged.toString());
        assertFalse(JSON.readTree(forged.path("body").asText()).path("detail").asText().isEmpty());
    }

    @Test
    void withoutATokenSubjectItIs401() {
        HttpResponse response = handler.handle(event("no-subject.json"), null);

        assertEquals(401, response.status());
    }

    @Test
    void aUserParameterOrHeaderIsIgnored() throws Exception {
        JsonNode body = JSON.readTree(handler.handle(event("names-another-user.json"), null).body());

        assertEquals("297.00", body.path("balance").asText(), "the token's user, not the one named");
        body.path("entries").forEach(entry -> assertTrue(entry.path("recordId").asLong() < 8100));
    }

    @Test
    void aForgedCursorIs400() {
        assertEquals(400, handler.handle(event("bad-cursor.json"), null).status());
    }
}
