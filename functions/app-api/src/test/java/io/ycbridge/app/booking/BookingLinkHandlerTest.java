package io.ycbridge.app.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.edge.HttpRequest;
import io.ycbridge.fixture.Invocations;
import io.ycbridge.http.ApiRoute;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Driven by events/booking-link/ (HTTP API v2 with JWT claims) over the demo seed's synced catalog. */
@ExtendWith(LocalDynamoDbExtension.class)
class BookingLinkHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static BookingLinkHandler handler;

    @BeforeAll
    static void demoCatalogSynced(DynamoDbClient client) {
        handler = new BookingLinkHandler(DemoCatalog.service(client));
    }

    static HttpRequest event(String name) {
        return Invocations.http("../../events/booking-link/" + name + ".json");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("company-only", 200, "https://n239661.yclients.com/company/235564/personal/menu?o="),
                Arguments.of("service-and-staff", 200, "https://n239661.yclients.com/company/235564/personal/select-time?o=m55s301,304"),
                Arguments.of("service-any-staff", 200, "https://n239661.yclients.com/company/235564/personal/select-time?o=m-1s302"),
                Arguments.of("staff-only", 200,
                        "https://n239661.yclients.com/company/235564/personal/select-master/master-info/235564/56?o=m56"),
                Arguments.of("altegio-branch", 200, "https://n1180001.alteg.io/company/1169323/menu?o=s601"),
                Arguments.of("no-subject", 401, "no user: the request carries no token subject"),
                Arguments.of("missing-company", 400, "company is required: the YClients company (branch) id"),
                Arguments.of("bad-service", 400, "service must be a positive numeric id"),
                Arguments.of("bad-staff", 400, "staff must be a positive numeric id or 'any'"),
                Arguments.of("unknown-service", 404, "service 999 is not in the catalog"),
                Arguments.of("deleted-service", 404, "service 305 was removed from the catalog"),
                Arguments.of("fired-staff", 404, "staff member 57 was removed from the catalog"),
                Arguments.of("unserved-company", 404, "company 100 is not served here"),
                Arguments.of("company-without-form", 403, "online booking is not set up for company 240012"));
    }

    /** Through the Lambda entry point, as the runtime calls it: the event file's bytes in, the response's bytes out. */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("cases")
    void answers(String name, int status, String urlOrReason) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(Files.newInputStream(Path.of("../../events/booking-link/" + name + ".json")), out, null);
        JsonNode response = JSON.readTree(out.toByteArray());

        assertEquals(status, response.path("statusCode").asInt(), response.toString());
        assertTrue(ApiRoute.BOOKING_URL.statuses().contains(status), "declared in ApiRoute and openapi.yaml");
        assertEquals(status == 200 ? "application/json" : "application/problem+json", response.path("headers").path("content-type").asText());
        assertEquals("no-store", response.path("headers").path("cache-control").asText());
        assertFalse(response.path("isBase64Encoded").asBoolean(true));
        assertFalse(response.has("cookies"), response.toString());
        JsonNode body = JSON.readTree(response.path("body").asText());
        assertEquals(urlOrReason, status == 200 ? body.path("url").asText() : body.path("detail").asText());
        if (status != 200) {
            assertEquals(status, body.path("status").asInt(), "an RFC 9457 problem: " + body);
            assertTrue(body.path("type").asText().startsWith("urn:ycbridge:problem:"), body.toString());
        }
    }

    @Test
    void theLinkComesWithWhatTheFormWillKnowAboutTheUser() throws Exception {
        JsonNode body = JSON.readTree(handler.handle(event("service-and-staff"), null).body());

        assertEquals("yclients-client-by-phone", body.path("prefill").path("mechanism").asText());
        assertEquals("+79990000000", body.path("prefill").path("phone").asText());
        assertEquals("Анна Смирнова", body.path("prefill").path("name").asText());
        assertEquals("[\"email\"]", body.path("prefill").path("missing").toString());
        assertEquals("[301,304]", body.path("services").toString());
        assertEquals(55, body.path("staff").asLong());
    }

    @Test
    void aUserNamedByParameterOrHeaderIsIgnored() throws Exception {
        JsonNode body = JSON.readTree(handler.handle(event("names-another-user"), null).body());

        assertEquals("+79990000000", body.path("prefill").path("phone").asText(), "the token's user, not the one named");
    }
}
