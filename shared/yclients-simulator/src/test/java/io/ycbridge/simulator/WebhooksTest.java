package io.ycbridge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook bodies in the real shape, delivered over HTTP to a tiny receiver, and the hooks settings endpoint. */
class WebhooksTest {
    private static final long SALON = SimulatorSeed.DEMO_SALON_ID;
    private YClientsSimulator sim;
    private HttpServer receiver;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private final AtomicInteger answerWith = new AtomicInteger(200);

    @BeforeEach
    void start() throws IOException {
        sim = YClientsSimulator.start().seed(SimulatorSeed.demo());
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.sendResponseHeaders(answerWith.get(), -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        sim.close();
    }

    private URI hook(String secret) {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook/" + secret);
    }

    @Test
    void theBodyIsTheRealShapeWithTheFullRecord() throws IOException {
        JsonNode body = Api.JSON.readTree(sim.webhooks().body(SALON, 9002, "update"));
        assertEquals(SALON, body.path("company_id").asLong());
        assertEquals("record", body.path("resource").asText());
        assertEquals(9002, body.path("resource_id").asLong());
        assertEquals("update", body.path("status").asText());
        assertEquals(sim.data().recordJson(SALON, 9002).orElseThrow(), body.path("data"));
        assertTrue(body.path("data").path("visit_id").isTextual(), "as the single answer writes it");
        assertEquals(List.of("company_id", "resource", "resource_id", "status", "data"), names(body));
        assertThrows(IllegalArgumentException.class, () -> sim.webhooks().body(SALON, 9002, "cancel"));
        assertThrows(IllegalArgumentException.class, () -> sim.webhooks().body(SALON, 404, "update"));
    }

    @Test
    void deliversToAReceiverAndReportsItsStatus() throws IOException {
        assertEquals(200, sim.webhooks().deliver(hook("s3cret"), SALON, 9001, "create"));
        answerWith.set(500);
        assertEquals(500, sim.webhooks().deliver(hook("s3cret"), SALON, 9001, "create"));
        assertEquals(2, received.size());
        assertEquals("application/json", contentTypes.getFirst());
        assertEquals(9001, Api.JSON.readTree(received.getFirst()).path("resource_id").asLong());
    }

    @Test
    void anOldBodyCanBeReplayedAfterANewerOne() throws IOException {
        String created = sim.webhooks().body(SALON, 9001, "create");
        sim.data().cancel(SALON, 9001);
        sim.webhooks().deliver(hook("x"), SALON, 9001, "delete");
        sim.webhooks().deliver(hook("x"), created);
        assertTrue(Api.JSON.readTree(received.get(0)).path("data").path("deleted").asBoolean());
        assertEquals("create", Api.JSON.readTree(received.get(1)).path("status").asText());
    }

    @Test
    void hookSettingsRoundTripInTheDocumentedShapeAndDriveDelivery() {
        Api api = Api.of(sim);
        Api.Answer none = api.get("/hooks_settings/" + SALON);
        assertEquals(200, none.status());
        assertEquals(0, none.data().path("active").asInt());
        assertTrue(none.data().path("urls").isArray() && none.data().path("urls").isEmpty());
        assertEquals(List.of(), sim.webhooks().deliverToSubscribers(SALON, 9001, "update"), "nothing configured, nothing sent");

        String url = hook("abc123").toString();
        Api.Answer written = api.post("/hooks_settings/" + SALON,
                "{\"urls\":[\"" + url + "\"],\"active\":1,\"record\":true,\"client\":\"0\"}");
        assertEquals(201, written.status(), written.text());
        assertEquals(url, written.data().path("urls").get(0).asText());
        assertEquals(1, written.data().path("record").asInt());
        assertEquals(0, written.data().path("client").asInt());
        assertEquals(written.data(), api.get("/hooks_settings/" + SALON).data());
        assertEquals(written.data(), sim.data().hookSettingsJson(SALON).orElseThrow());
        assertEquals(15, written.data().size(), "urls, active and the thirteen documented switches");

        assertEquals(List.of(200), sim.webhooks().deliverToSubscribers(SALON, 9001, "update"));
        assertEquals(1, received.size());
    }

    @Test
    void settingsWithoutUrlsAreRefused() {
        Api.Answer refused = Api.of(sim).post("/hooks_settings/" + SALON,
                "{\"url\":\"https://example.test/hook\",\"active\":true,\"record\":true}");
        assertEquals(422, refused.status());
        assertEquals(0, Api.of(sim).get("/hooks_settings/" + SALON).data().path("active").asInt());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
