package io.ycbridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Where the domain events go locally: a loopback endpoint that answers EventBridge's {@code PutEvents} (its JSON 1.1
 * protocol), prints each event, and hands it, in the envelope a rule's target receives, to the local subscribers (the
 * push notifier). Local only, never deployed: the events functions reach it through {@code AWS_ENDPOINT_URL_EVENTBRIDGE},
 * exactly as they would reach EventBridge.
 */
final class LocalEventSink implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final PrintStream out;
    private final List<JsonNode> published = new ArrayList<>();
    private final List<Consumer<JsonNode>> subscribers = new ArrayList<>();

    LocalEventSink(PrintStream out) throws IOException {
        this.out = out;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A rule's target: gets every event after it is printed, on the publishing thread, as Lambda would get it from a rule. */
    synchronized void subscribe(Consumer<JsonNode> subscriber) {
        subscribers.add(subscriber);
    }

    /** The events published so far, as a rule's target receives them. */
    synchronized List<JsonNode> published() {
        return List.copyOf(published);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!"AWSEvents.PutEvents".equals(target)) {
                reply(exchange, 400, JSON.createObjectNode().put("__type", "UnknownOperationException")
                        .put("message", "the local event sink takes PutEvents only"));
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            ObjectNode answer = JSON.createObjectNode().put("FailedEntryCount", 0);
            ArrayNode results = answer.putArray("Entries");
            List<JsonNode> envelopes = new ArrayList<>();
            for (JsonNode entry : request.path("Entries")) {
                String id = UUID.randomUUID().toString();
                results.addObject().put("EventId", id);
                envelopes.add(envelope(id, entry));
            }
            reply(exchange, 200, answer);
            for (JsonNode event : envelopes) {
                deliver(event);
            }
        }
    }

    private void deliver(JsonNode event) {
        List<Consumer<JsonNode>> targets;
        synchronized (this) {
            published.add(event);
            targets = List.copyOf(subscribers);
        }
        out.println("event (local bus) " + event.path("detail-type").asText() + " " + event.path("detail"));
        for (Consumer<JsonNode> target : targets) {
            try {
                target.accept(event);
            } catch (RuntimeException e) {
                System.err.println("event (local bus): a subscriber failed (" + e.getClass().getSimpleName() + ")");
            }
        }
    }

    /** The event as EventBridge delivers it to a rule's target (version 0, its id, source, detail-type, detail as JSON). */
    private static JsonNode envelope(String id, JsonNode entry) throws IOException {
        ObjectNode event = JSON.createObjectNode()
                .put("version", "0")
                .put("id", id)
                .put("detail-type", entry.path("DetailType").asText())
                .put("source", entry.path("Source").asText())
                .put("account", "000000000000")
                .put("time", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
                .put("region", "local");
        event.putArray("resources");
        event.set("detail", JSON.readTree(entry.path("Detail").asText("{}")));
        return event;
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
