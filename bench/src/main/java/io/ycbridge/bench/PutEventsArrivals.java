package io.ycbridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * EventBridge's {@code PutEvents} on a loopback port, taking every entry and noting when each arrived
 * ({@link System#nanoTime}, by {@code <recordId>/<detail-type>}): the end of the path a bench times. The functions
 * reach it as they reach EventBridge, through {@code AWS_ENDPOINT_URL_EVENTBRIDGE}.
 */
final class PutEventsArrivals implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

    PutEventsArrivals() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** When the event of {@code recordId} and {@code type} arrived, or null if it has not. */
    Long arrival(long recordId, String type) {
        return arrivals.get(recordId + "/" + type);
    }

    /** Notes an arrival now, for a stand-in that skips PutEvents (the stream's own floor). */
    void arrived(long recordId, String type) {
        arrivals.putIfAbsent(recordId + "/" + type, System.nanoTime());
    }

    private void answer(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try (exchange) {
            JsonNode entries = JSON.readTree(exchange.getRequestBody()).path("Entries");
            ObjectNode answer = JSON.createObjectNode().put("FailedEntryCount", 0);
            ArrayNode results = answer.putArray("Entries");
            for (JsonNode entry : entries) {
                JsonNode detail = JSON.readTree(entry.path("Detail").asText("{}"));
                // A repeat (a batch delivered again) keeps the first arrival: what a consumer would act on.
                arrivals.putIfAbsent(detail.path("recordId").asLong() + "/" + entry.path("DetailType").asText(), arrived);
                results.addObject().put("EventId", UUID.randomUUID().toString());
            }
            byte[] bytes = JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
