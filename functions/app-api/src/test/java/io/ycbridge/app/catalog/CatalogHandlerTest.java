package io.ycbridge.app.catalog;

import io.ycbridge.app.booking.DemoCatalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.edge.HttpRequest;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.fixture.Invocations;
import io.ycbridge.http.ApiRoute;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Driven by events/catalog/ over the demo seed's synced catalog (service 305 and master 57 since deleted). */
@ExtendWith(LocalDynamoDbExtension.class)
class CatalogHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CatalogHandler handler;

    @BeforeAll
    static void demoCatalogSynced(DynamoDbClient client) {
        handler = new CatalogHandler(DemoCatalog.SERVED, DemoCatalog.reader(client));
    }

    static HttpRequest event(String name) {
        return Invocations.http("../../events/catalog/" + name + ".json");
    }

    private static HttpResponse handle(HttpRequest event) {
        HttpResponse response = handler.handle(event, null);
        assertTrue(ApiRoute.CATALOG.statuses().contains(response.status()), "declared in ApiRoute and openapi.yaml");
        return response;
    }

    @Test
    void listsBookableServicesWithCategoriesPricesDurationsAndStaff() throws Exception {
        HttpResponse response = handle(event("catalog"));

        assertEquals(200, response.status());
        JsonNode body = JSON.readTree(response.body());
        assertEquals(235564, body.path("companyId").asLong());
        assertEquals(List.of(1001L, 1002L, 1003L), ids(body.path("categories")));
        assertEquals(List.of(301L, 302L, 303L, 304L), ids(body.path("services")), "305 was deleted");
        assertEquals(List.of(55L, 56L), ids(body.path("staff")), "57 was fired");
        JsonNode haircut = body.path("services").get(0);
        assertEquals("Стрижка женская", haircut.path("title").asText());
        assertEquals(1001, haircut.path("categoryId").asLong());
        assertEquals("1500", haircut.path("priceMin").asText().replaceAll("\\.0+$", ""));
        assertEquals(3600, haircut.path("durationSeconds").asInt());
        assertEquals("Анна Смирнова", body.path("staff").get(0).path("name").asText());
        assertTrue(response.headers().get("etag").matches("\"[0-9a-f]{32}\""));
    }

    /** The Lambda entry point, as the runtime calls it: the event's bytes in, the response's bytes out. */
    private static JsonNode invoke(byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return JSON.readTree(out.toByteArray());
    }

    @Test
    void theEntryPointAnswersWithTheCatalogAndA304WithoutABody() throws Exception {
        Path file = Path.of("../../events/catalog/catalog.json");
        JsonNode ok = invoke(Files.readAllBytes(file));
        assertEquals(200, ok.path("statusCode").asInt(), ok.toString());
        assertEquals("application/json", ok.path("headers").path("content-type").asText());
        assertEquals("private, no-cache", ok.path("headers").path("cache-control").asText());
        assertEquals(List.of(301L, 302L, 303L, 304L), ids(JSON.readTree(ok.path("body").asText()).path("services")));
        String etag = ok.path("headers").path("etag").asText();

        ObjectNode conditional = (ObjectNode) JSON.readTree(file.toFile());
        ((ObjectNode) conditional.path("headers")).put("if-none-match", etag);
        JsonNode notModified = invoke(JSON.writeValueAsBytes(conditional));

        assertEquals(304, notModified.path("statusCode").asInt(), notModified.toString());
        assertEquals(etag, notModified.path("headers").path("etag").asText());
        assertFalse(notModified.has("body"), "a 304 has no body: " + notModified);
        assertFalse(notModified.path("isBase64Encoded").asBoolean(true));
    }

    @Test
    void theSameEtagAnswers304WithoutABodyAndAStaleOneGetsTheCatalog() {
        String etag = handle(event("catalog")).headers().get("etag");
        Map<String, String> headers = new HashMap<>(event("catalog").headers());
        headers.put("if-none-match", "W/" + etag + ", \"other\"");
        HttpRequest again = Invocations.withHeaders(event("catalog"), headers);

        HttpResponse notModified = handle(again);
        HttpResponse stale = handle(event("catalog-stale-etag"));

        assertEquals(304, notModified.status());
        assertNull(notModified.body());
        assertEquals(etag, notModified.headers().get("etag"));
        assertEquals(200, stale.status());
        assertEquals(etag, stale.headers().get("etag"), "same content, same tag");
    }

    @Test
    void refusals() throws Exception {
        assertEquals(401, handle(event("no-subject")).status());
        HttpResponse bad = handle(event("bad-company"));
        assertEquals(400, bad.status());
        assertEquals("company must be a positive numeric id", JSON.readTree(bad.body()).path("detail").asText());
        HttpResponse unserved = handle(event("unserved-company"));
        assertEquals(404, unserved.status());
        assertFalse(unserved.headers().containsKey("etag"));
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }
}
