package io.ycbridge.webhook;

import java.util.List;

/**
 * What became of one delivery: its one event, or each element of an array of events.
 *
 * @param batch whether the body was an array; its answer then lists every element's outcome
 */
record DeliveryResult(List<IntakeResult> events, boolean batch) {
    DeliveryResult {
        events = List.copyOf(events);
        if (events.isEmpty() || (!batch && events.size() != 1)) {
            throw new IllegalArgumentException("a delivery has one event, or a batch of at least one");
        }
    }

    static DeliveryResult single(IntakeResult result) {
        return new DeliveryResult(List.of(result), false);
    }

    /**
     * The HTTP status YClients gets. For a batch: 503 when any element could not be stored, so the whole array comes
     * again (the elements already stored come back as duplicates); else 200 when any element was taken, a refused
     * element being logged and answered in the list (sending it again would not change it); else the first refusal's.
     */
    int status() {
        if (!batch) {
            return events.getFirst().outcome().status();
        }
        if (events.stream().anyMatch(event -> event.outcome() == IntakeOutcome.UNAVAILABLE)) {
            return IntakeOutcome.UNAVAILABLE.status();
        }
        return events.stream().anyMatch(event -> event.outcome().status() < 400) ? 200 : events.getFirst().outcome().status();
    }
}
