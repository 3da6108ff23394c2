package io.ycbridge.bonus;

import static io.ycbridge.bonus.Visits.came;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.http.ApiRoute;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.phone.PhoneNormalizer;
import io.ycbridge.profile.Profile;
import io.ycbridge.profile.ProfileStore;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.trigger.TriggerJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Driven by events/profile/ (HTTP API v2 with JWT claims, user-sub-1). */
@ExtendWith(LocalDynamoDbExtension.class)
class ProfileHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "user-sub-1";
    private final DynamoDbClient client;
    private Ledger ledger;
    private ProfileStore profiles;
    private ProfileHandler handler;

    ProfileHandlerTest(DynamoDbClient client) {
        this.client = client;
    }

    @BeforeEach
    void twoVisitsUnderTheUsersPhoneWaitForALink() {
        ledger = new Ledger(client, BonusRules.percent("5"));
        profiles = new ProfileStore(client, Ledger.create(client, TableDefinitions.PROFILES));
        ledger.service.linkProvenPhone("someone-else", "+79990000005");
        for (int r = 1; r <= 2; r++) {
            // Walk-ins known only by phone: nobody has claimed +79990000000 yet, so the accruals are pending.
            ledger.service.accrue(Visits.visit(8200 + r, r, StoredRecord.ATTENDANCE_CAME, true, false, null, "+79990000000", came(1, 1).services()));
        }
        handler = new ProfileHandler(new ProfileService(ledger.service, ledger.links, profiles, PhoneNormalizer.russia(),
                Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC)));
    }

    /** Through the Lambda entry point, as the runtime calls it: the event file's bytes in, the response read from the bytes out. */
    private APIGatewayV2HTTPResponse handle(String name) throws IOException {
        APIGatewayV2HTTPResponse response = TriggerJson.read(invoke(name), APIGatewayV2HTTPResponse.class);
        assertTrue(ApiRoute.PROFILE.statuses().contains(response.getStatusCode()), "declared in ApiRoute and openapi.yaml");
        return response;
    }

    private byte[] invoke(String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(Files.newInputStream(Path.of("../../events/profile/" + name + ".json")), out, null);
        return out.toByteArray();
    }

    @Test
    void theAnswerIsInPayloadVersionTwo() throws Exception {
        JsonNode response = JSON.readTree(invoke("profile"));

        assertEquals(200, response.path("statusCode").asInt(), response.toString());
        assertEquals("application/json", response.path("headers").path("content-type").asText());
        assertFalse(response.path("isBase64Encoded").asBoolean(true));
        assertFalse(response.has("cookies") || response.has("multiValueHeaders"), response.toString());
        assertEquals("+79990000000", JSON.readTree(response.path("body").asText()).path("phone").asText());
    }

    @Test
    void theTypedEntryPointAnswersTheSame() throws Exception {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("../../events/profile/profile.json");
        APIGatewayV2HTTPResponse response = handler.handle(event, null);

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("198.00", JSON.readTree(response.getBody()).path("credited").asText());
    }

    @Test
    void storesTheProfileLinksThePhoneAndCreditsPendingVisits() throws Exception {
        APIGatewayV2HTTPResponse response = handle("profile");

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode body = JSON.readTree(response.getBody());
        assertEquals("+79990000000", body.path("phone").asText());
        assertEquals("198.00", body.path("credited").asText());
        assertEquals(new Profile(USER, "Анна Смирнова", "+79990000000", "anna@example.com", "APP-1001", Instant.parse("2026-11-20T10:00:00Z")),
                profiles.find(USER).orElseThrow());
        assertEquals("+79990000000", ledger.links.linksOf(USER).orElseThrow().phoneE164());
        assertEquals(USER, ledger.links.userForPhone("+79990000000").orElseThrow());

        JsonNode again = JSON.readTree(handle("profile").getBody());
        assertEquals("0.00", again.path("credited").asText(), "a repeat credits nothing twice");
    }

    @Test
    void aDomesticNotationIsStoredAsE164() throws Exception {
        APIGatewayV2HTTPResponse response = handle("profile-domestic-phone");

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("+79161234567", JSON.readTree(response.getBody()).path("phone").asText());
        assertFalse(JSON.readTree(response.getBody()).hasNonNull("email"));
    }

    @Test
    void refusals() throws Exception {
        APIGatewayV2HTTPResponse invalid = handle("invalid-phone");
        assertFalse(new String(invoke("invalid-phone"), java.nio.charset.StandardCharsets.UTF_8).contains("999"), "nor does the answer");
        assertEquals(400, invalid.getStatusCode());
        String reason = JSON.readTree(invalid.getBody()).path("error").asText();
        assertTrue(reason.startsWith("invalid phone number (wrong_length_for_country)"), reason);
        assertFalse(reason.contains("999"), "the reason never repeats the number");

        assertEquals("name is required", JSON.readTree(handle("missing-name").getBody()).path("error").asText());
        assertEquals(400, handle("malformed-body").getStatusCode());
        assertEquals(401, handle("no-subject").getStatusCode());
        assertEquals(409, handle("phone-of-another-user").getStatusCode());
        assertFalse(profiles.find(USER).isPresent(), "nothing stored when refused");
    }
}
