package io.ycbridge.yclients;

import java.time.Duration;

/** Sees every HTTP exchange the client makes (retries included): for metrics and request counting. */
@FunctionalInterface
public interface RequestObserver {
    RequestObserver NONE = (method, path, status, took, attempt) -> { };

    /**
     * @param status  the HTTP status, or 0 when no answer arrived
     * @param attempt 1 for the first try of a request, 2 for its first retry, …
     */
    void exchanged(String method, String path, int status, Duration took, int attempt);
}
