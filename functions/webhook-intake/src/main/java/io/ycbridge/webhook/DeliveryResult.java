package io.ycbridge.webhook;

import java.util.List;
import java.util.Optional;

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
     * The element whose outcome is the delivery's, empty when the batch was taken (200). For a batch: the first that
     * could not be stored, so the whole array comes again (the elements already stored come back as duplicates);
     * none when any element was taken, a refused element being logged and answered in the list (sending it again
     * would not change it); else the first refusal.
     */
    Optional<IntakeResult> decidedBy() {
        if (!batch) {
            return Optional.of(events.getFirst());
        }
        Optional<IntakeResult> unstored = events.stream().filter(event -> event.outcome() == IntakeOutcome.UNAVAILABLE).findFirst();
        if (unstored.isPresent()) {
            return unstored;
        }
        return events.stream().anyMatch(event -> event.outcome().status() < 400) ? Optional.empty() : Optional.of(events.getFirst());
    }

    /** The HTTP status YClients gets: that of the element {@link #decidedBy()} names, else 200. */
    int status() {
        return decidedBy().map(event -> event.outcome().status()).orElse(200);
    }
}
