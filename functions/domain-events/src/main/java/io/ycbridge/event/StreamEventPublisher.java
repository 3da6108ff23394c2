package io.ycbridge.event;

import io.ycbridge.edge.BatchItemFailures;
import io.ycbridge.edge.StreamChange;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.EmfMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One stream batch → its events → the bus, in one PutEvents per ten events. An item that cannot be read, or whose
 * event the bus did not take, is a batch item failure: Lambda delivers the batch again from the first of them, and
 * the events after it go out a second time under the same ids, which consumers drop. An item that is no news costs
 * nothing but its log line.
 */
public final class StreamEventPublisher {
    private final Function<StreamChange, Optional<DomainEvent>> derive;
    private final EventBus bus;
    private final DecisionLog log;
    private final EmfMetrics metrics;

    public StreamEventPublisher(Function<StreamChange, Optional<DomainEvent>> derive, EventBus bus, DecisionLog log, EmfMetrics metrics) {
        this.derive = derive;
        this.bus = bus;
        this.log = log;
        this.metrics = metrics;
    }

    public BatchItemFailures publish(List<StreamChange> batch) {
        List<String> failures = new ArrayList<>();
        List<DomainEvent> events = new ArrayList<>();
        Map<String, String> sequenceOf = new LinkedHashMap<>();
        int quiet = 0;
        for (StreamChange change : batch) {
            try {
                Optional<DomainEvent> event = derive.apply(change);
                if (event.isPresent()) {
                    events.add(event.get());
                    sequenceOf.put(event.get().id(), change.sequenceNumber());
                } else {
                    quiet++;
                }
            } catch (RuntimeException e) {
                // The exception's class only: a message could quote an image, and images hold phone numbers.
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("sequence", change.sequenceNumber());
                fields.put("outcome", "UNREADABLE");
                fields.put("error", e.getClass().getSimpleName());
                log.error("domain-event", fields);
                failures.add(change.sequenceNumber());
            }
        }
        Set<String> refused = events.isEmpty() ? Set.of() : bus.publish(events);
        for (DomainEvent event : events) {
            boolean taken = !refused.contains(event.id());
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("companyId", event.companyId());
            fields.put("recordId", event.recordId());
            fields.put("type", event.type().wire());
            fields.put("eventId", event.id());
            fields.put("linked", event.userId() != null);
            fields.put("outcome", taken ? "PUBLISHED" : "REFUSED");
            if (taken) {
                log.info("domain-event", fields);
            } else {
                log.error("domain-event", fields);
                failures.add(sequenceOf.get(event.id()));
            }
            metrics.count(taken ? "EventPublished" : "EventRefused", Map.of("EventType", event.type().wire()));
        }
        if (quiet > 0) {
            log.info("domain-event", Map.of("outcome", "NO_NEWS", "items", quiet));
        }
        return new BatchItemFailures(failures);
    }
}
