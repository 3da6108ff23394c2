package io.ycbridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.localaws.LoopbackEventBridge;
import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the domain events go locally: a loopback endpoint that answers EventBridge's {@code PutEvents} (its JSON 1.1
 * protocol), prints each event, and hands it, in the envelope a rule's target receives, to the local subscribers (the
 * push notifier). Local only, never deployed: the events functions reach it through {@code AWS_ENDPOINT_URL_EVENTBRIDGE},
 * exactly as they would reach EventBridge.
 */
final class LocalEventSink implements LoopbackEventBridge.Bus, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LoopbackEventBridge server = new LoopbackEventBridge(this);
    private final PrintStream out;
    private final List<JsonNode> published = new ArrayList<>();
    private final List<Consumer<JsonNode>> subscribers = new ArrayList<>();

    LocalEventSink(PrintStream out) {
        this.out = out;
    }

    URI endpoint() {
        return server.endpoint();
    }

    /** A rule's target: gets every event after it is printed, on the publishing thread, as Lambda would get it from a rule. */
    synchronized void subscribe(Consumer<JsonNode> subscriber) {
        subscribers.add(subscriber);
    }

    /** The events published so far, as a rule's target receives them. */
    synchronized List<JsonNode> published() {
        return List.copyOf(published);
    }

    @Override
    public LoopbackEventBridge.Verdict call(List<LoopbackEventBridge.Entry> entries, long arrivedNanos) {
        return LoopbackEventBridge.Verdict.TAKEN;
    }

    @Override
    public void taken(List<LoopbackEventBridge.Entry> entries) {
        for (LoopbackEventBridge.Entry entry : entries) {
            deliver(envelope(entry));
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
    private static JsonNode envelope(LoopbackEventBridge.Entry entry) {
        ObjectNode event = JSON.createObjectNode()
                .put("version", "0")
                .put("id", entry.eventId())
                .put("detail-type", entry.detailType())
                .put("source", entry.source())
                .put("account", "000000000000")
                .put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("region", "local");
        event.putArray("resources");
        event.set("detail", entry.detail());
        return event;
    }

    @Override
    public void close() {
        server.close();
    }
}
