package io.ycbridge.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The bus the visit events function publishes to, answering EventBridge's {@code PutEvents} on a loopback port, so the
 * function runs as deployed (its own {@code EventBridgeBus}, signed, ten entries a call) and only the endpoint is local.
 * It keeps every entry it takes and refuses every {@link #REFUSE_EVERY}th call on purpose, in EventBridge's two ways by
 * turns: the whole call throttled (HTTP 400), or one entry in the middle failed in a 200 answer while the entries
 * around it are taken — so the retry from the first refused item publishes those again, under the same ids.
 */
final class RefusingEventBus implements AutoCloseable {
    static final int REFUSE_EVERY = 7;

    /** An entry the bus took: its detail-type and its detail as published. */
    record Taken(String eventId, String type, JsonNode detail) {
    }

    private final HttpServer server;
    private final List<Taken> taken = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private int calls;
    private int refusedCalls;

    RefusingEventBus() {
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

    synchronized List<Taken> taken() {
        return List.copyOf(taken);
    }

    /** The ids of the entries refused, one per refusal. */
    synchronized List<String> refused() {
        return List.copyOf(refused);
    }

    synchronized int calls() {
        return calls;
    }

    synchronized int refusedCalls() {
        return refusedCalls;
    }

    private synchronized void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"AWSEvents.PutEvents".equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"))) {
                reply(exchange, 400, Stack.JSON.createObjectNode().put("__type", "UnknownOperationException"));
                return;
            }
            JsonNode entries = Stack.JSON.readTree(exchange.getRequestBody()).path("Entries");
            calls++;
            boolean refuse = calls % REFUSE_EVERY == 0;
            if (refuse) {
                refusedCalls++;
            }
            if (refuse && refusedCalls % 2 == 1) {
                entries.forEach(entry -> refused.add(detail(entry).path("eventId").asText()));
                reply(exchange, 400, Stack.JSON.createObjectNode().put("__type", "ThrottlingException").put("message", "Rate exceeded"));
                return;
            }
            int failing = refuse ? entries.size() / 2 : -1;
            ObjectNode answer = Stack.JSON.createObjectNode().put("FailedEntryCount", refuse ? 1 : 0);
            ArrayNode results = answer.putArray("Entries");
            for (int i = 0; i < entries.size(); i++) {
                JsonNode detail = detail(entries.get(i));
                if (i == failing) {
                    refused.add(detail.path("eventId").asText());
                    results.addObject().put("ErrorCode", "InternalFailure").put("ErrorMessage", "refused on purpose");
                } else {
                    taken.add(new Taken(detail.path("eventId").asText(), entries.get(i).path("DetailType").asText(), detail));
                    results.addObject().put("EventId", UUID.randomUUID().toString());
                }
            }
            reply(exchange, 200, answer);
        }
    }

    private static JsonNode detail(JsonNode entry) {
        try {
            return Stack.JSON.readTree(entry.path("Detail").asText("{}"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = Stack.JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
