package io.ycbridge.event;

import java.util.List;
import java.util.Set;

/** Where domain events go. */
public interface EventBus {
    /**
     * Publishes the events, in order as far as the bus keeps order.
     *
     * @return the ids of the events the bus did not take (the caller delivers them again); empty when all were taken
     */
    Set<String> publish(List<DomainEvent> events);
}
