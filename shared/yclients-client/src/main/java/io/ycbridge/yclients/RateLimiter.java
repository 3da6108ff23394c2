package io.ycbridge.yclients;

import java.util.List;

/**
 * Keeps calls under YClients' limits (officially 5 requests/s and 200 requests/min). The client holds one per
 * token; a limiter shared across Lambda invocations can implement the same interface.
 */
@FunctionalInterface
public interface RateLimiter {
    RateLimiter UNLIMITED = () -> { };

    /** Blocks until one request may be sent. */
    void acquire() throws InterruptedException;

    static RateLimiter allOf(RateLimiter... limiters) {
        List<RateLimiter> all = List.of(limiters);
        return () -> {
            for (RateLimiter limiter : all) {
                limiter.acquire();
            }
        };
    }
}
