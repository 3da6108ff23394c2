package io.ycbridge.bench;

import io.ycbridge.localaws.LoopbackEventBridge;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * EventBridge's {@code PutEvents} on a loopback port, taking every entry and noting when each arrived
 * ({@link System#nanoTime}, by {@code <recordId>/<detail-type>}): the end of the path a bench times. The functions
 * reach it as they reach EventBridge, through {@code AWS_ENDPOINT_URL_EVENTBRIDGE}.
 */
final class PutEventsArrivals implements LoopbackEventBridge.Bus, AutoCloseable {
    private final LoopbackEventBridge server = new LoopbackEventBridge(this);
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

    URI endpoint() {
        return server.endpoint();
    }

    /** When the event of {@code recordId} and {@code type} arrived, or null if it has not. */
    Long arrival(long recordId, String type) {
        return arrivals.get(recordId + "/" + type);
    }

    /** Notes an arrival now, for a stand-in that skips PutEvents (the stream's own floor). */
    void arrived(long recordId, String type) {
        arrivals.putIfAbsent(recordId + "/" + type, System.nanoTime());
    }

    @Override
    public LoopbackEventBridge.Verdict call(List<LoopbackEventBridge.Entry> entries, long arrivedNanos) {
        // A repeat (a batch delivered again) keeps the first arrival: what a consumer would act on.
        entries.forEach(entry -> arrivals.putIfAbsent(entry.detail().path("recordId").asLong() + "/" + entry.detailType(), arrivedNanos));
        return LoopbackEventBridge.Verdict.TAKEN;
    }

    @Override
    public void close() {
        server.close();
    }
}
