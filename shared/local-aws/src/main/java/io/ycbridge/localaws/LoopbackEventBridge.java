package io.ycbridge.localaws;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * EventBridge's {@code PutEvents} on a loopback port, in its JSON 1.1 protocol ({@code X-Amz-Target:
 * AWSEvents.PutEvents}), for the local stack, the tests and the benchmarks: the functions reach it through
 * {@code AWS_ENDPOINT_URL_EVENTBRIDGE} as they reach EventBridge. What becomes of each call is its {@link Bus}'s say:
 * every entry taken, some failed in a 200 answer (an {@code ErrorCode} in place of the {@code EventId}, the entries
 * around them taken), or the whole call refused, as EventBridge answers them ("Sending events with PutEvents in Amazon
 * EventBridge", eb-putevents.html). Calls are answered one at a time, in the order they came.
 */
public final class LoopbackEventBridge implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One entry of a call: the id it is given if taken, and what was published. */
    public record Entry(String eventId, String source, String detailType, JsonNode detail) {
    }

    /** What the bus does with a call: the indexes of the entries it fails, or the whole call refused. */
    public record Verdict(boolean refused, Set<Integer> failed) {
        public static final Verdict TAKEN = new Verdict(false, Set.of());
        public static final Verdict THROTTLED = new Verdict(true, Set.of());

        public static Verdict failing(Set<Integer> failed) {
            return new Verdict(false, Set.copyOf(failed));
        }

        public boolean takes(int index) {
            return !refused && !failed.contains(index);
        }
    }

    /** The bus's side of the calls. */
    public interface Bus {
        /** Decides the call before it is answered; {@code arrivedNanos} is when it arrived ({@link System#nanoTime}). */
        Verdict call(List<Entry> entries, long arrivedNanos);

        /** The entries taken, once the answer went back: a subscriber's work does not hold up the publisher. */
        default void taken(List<Entry> entries) {
        }
    }

    private final HttpServer server;
    private final Bus bus;

    public LoopbackEventBridge(Bus bus) {
        this.bus = bus;
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private synchronized void answer(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        List<Entry> taken = new ArrayList<>();
        try (exchange) {
            if (!"AWSEvents.PutEvents".equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"))) {
                reply(exchange, 400, JSON.createObjectNode().put("__type", "UnknownOperationException")
                        .put("message", "this loopback EventBridge takes PutEvents only"));
                return;
            }
            List<Entry> entries = new ArrayList<>();
            for (JsonNode entry : JSON.readTree(exchange.getRequestBody()).path("Entries")) {
                entries.add(new Entry(UUID.randomUUID().toString(), entry.path("Source").asText(), entry.path("DetailType").asText(),
                        JSON.readTree(entry.path("Detail").asText("{}"))));
            }
            Verdict verdict = bus.call(entries, arrived);
            if (verdict.refused()) {
                reply(exchange, 400, JSON.createObjectNode().put("__type", "ThrottlingException").put("message", "Rate exceeded"));
                return;
            }
            ObjectNode answer = JSON.createObjectNode().put("FailedEntryCount", verdict.failed().size());
            ArrayNode results = answer.putArray("Entries");
            for (int i = 0; i < entries.size(); i++) {
                if (verdict.takes(i)) {
                    results.addObject().put("EventId", entries.get(i).eventId());
                    taken.add(entries.get(i));
                } else {
                    results.addObject().put("ErrorCode", "InternalFailure").put("ErrorMessage", "refused on purpose");
                }
            }
            reply(exchange, 200, answer);
        }
        if (!taken.isEmpty()) {
            bus.taken(taken);
        }
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
