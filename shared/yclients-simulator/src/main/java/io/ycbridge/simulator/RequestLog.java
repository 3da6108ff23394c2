package io.ycbridge.simulator;

import java.util.ArrayList;
import java.util.List;

/** Every request in arrival order; the lock makes "arrival" the order in which handlers recorded them. */
final class RequestLog {
    private final List<RecordedRequest> requests = new ArrayList<>();

    synchronized void add(RecordedRequest request) {
        requests.add(request);
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(requests);
    }

    synchronized int size() {
        return requests.size();
    }

    synchronized void clear() {
        requests.clear();
    }
}
