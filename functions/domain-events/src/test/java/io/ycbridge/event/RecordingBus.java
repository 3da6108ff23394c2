package io.ycbridge.event;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** A bus that keeps what it is given, and refuses the events a test names. */
final class RecordingBus implements EventBus {
    final List<DomainEvent> published = new ArrayList<>();
    private Predicate<DomainEvent> refuse = event -> false;

    RecordingBus refusing(Predicate<DomainEvent> which) {
        this.refuse = which;
        return this;
    }

    @Override
    public Set<String> publish(List<DomainEvent> events) {
        Set<String> refused = new LinkedHashSet<>();
        for (DomainEvent event : events) {
            if (refuse.test(event)) {
                refused.add(event.id());
            } else {
                published.add(event);
            }
        }
        return refused;
    }

    List<EventType> types() {
        return published.stream().map(DomainEvent::type).toList();
    }
}
