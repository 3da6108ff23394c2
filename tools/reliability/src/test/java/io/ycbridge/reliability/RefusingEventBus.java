package io.ycbridge.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.localaws.LoopbackEventBridge;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The bus the visit events function publishes to, answering EventBridge's {@code PutEvents} on a loopback port, so the
 * function runs as deployed (its own {@code EventBridgeBus}, signed, ten entries a call) and only the endpoint is local.
 * It keeps every entry it takes and refuses every {@link #REFUSE_EVERY}th call on purpose, in EventBridge's two ways by
 * turns: the whole call throttled (HTTP 400), or one entry in the middle failed in a 200 answer while the entries
 * around it are taken — so the retry from the first refused item publishes those again, under the same ids.
 */
final class RefusingEventBus implements LoopbackEventBridge.Bus, AutoCloseable {
    static final int REFUSE_EVERY = 7;

    /** An entry the bus took: its detail-type and its detail as published. */
    record Taken(String eventId, String type, JsonNode detail) {
    }

    private final LoopbackEventBridge server = new LoopbackEventBridge(this);
    private final List<Taken> taken = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private int calls;
    private int refusedCalls;

    URI endpoint() {
        return server.endpoint();
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

    /** Notes what it takes before the answer goes back, so the publisher, once answered, finds it in {@link #taken()}. */
    @Override
    public synchronized LoopbackEventBridge.Verdict call(List<LoopbackEventBridge.Entry> entries, long arrivedNanos) {
        LoopbackEventBridge.Verdict verdict = verdict(entries);
        for (int i = 0; i < entries.size(); i++) {
            LoopbackEventBridge.Entry entry = entries.get(i);
            if (verdict.takes(i)) {
                taken.add(new Taken(entry.detail().path("eventId").asText(), entry.detailType(), entry.detail()));
            } else {
                refused.add(entry.detail().path("eventId").asText());
            }
        }
        return verdict;
    }

    private LoopbackEventBridge.Verdict verdict(List<LoopbackEventBridge.Entry> entries) {
        calls++;
        if (calls % REFUSE_EVERY != 0) {
            return LoopbackEventBridge.Verdict.TAKEN;
        }
        refusedCalls++;
        return refusedCalls % 2 == 1 ? LoopbackEventBridge.Verdict.THROTTLED : LoopbackEventBridge.Verdict.failing(Set.of(entries.size() / 2));
    }

    @Override
    public void close() {
        server.close();
    }
}
