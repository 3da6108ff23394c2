package io.ycbridge.yclients;

import java.time.Duration;
import java.util.List;

/**
 * Keeps calls under YClients' limits (officially 5 requests/s and 200 requests/min). The client holds one per
 * token; a limiter shared across Lambda invocations can implement the same interface.
 */
@FunctionalInterface
public interface RateLimiter {
    RateLimiter UNLIMITED = () -> { };
    Duration DEFAULT_429_PAUSE = Duration.ofSeconds(1);
    Duration LONGEST_429_PAUSE = Duration.ofMinutes(1);

    /** Blocks until one request may be sent. */
    void acquire() throws InterruptedException;

    /**
     * The API answered 429 to a request this limiter let through: YClients counts differently from us (429s come below
     * its published limits), so a limiter slows down rather than let the retry and every other caller run into the same
     * wall. The client calls this before it decides whether to retry.
     *
     * @param retryAfter the wait the API asked for, or null when it said none
     */
    default void rateLimited(Duration retryAfter) {
    }

    /**
     * The caller expects no request for a while (e.g. an invocation ended): a limiter that reserved capacity ahead of
     * use gives back what it can, so that others need not wait for it.
     */
    default void returnUnused() {
    }

    /**
     * How long a limiter stops after a 429: what the API asked for, else one second (the shorter of its two windows);
     * at most a minute, so a broken {@code Retry-After} cannot stop every caller for hours.
     */
    static Duration pauseAfter429(Duration retryAfter) {
        if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
            return DEFAULT_429_PAUSE;
        }
        return retryAfter.compareTo(LONGEST_429_PAUSE) > 0 ? LONGEST_429_PAUSE : retryAfter;
    }

    static RateLimiter allOf(RateLimiter... limiters) {
        List<RateLimiter> all = List.of(limiters);
        return new RateLimiter() {
            @Override
            public void acquire() throws InterruptedException {
                for (RateLimiter limiter : all) {
                    limiter.acquire();
                }
            }

            @Override
            public void rateLimited(Duration retryAfter) {
                all.forEach(limiter -> limiter.rateLimited(retryAfter));
            }

            @Override
            public void returnUnused() {
                all.forEach(RateLimiter::returnUnused);
            }
        };
    }
}
