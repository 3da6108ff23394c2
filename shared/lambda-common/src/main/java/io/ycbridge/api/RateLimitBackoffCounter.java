package io.ycbridge.api;

import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.yclients.RateLimiter;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Counts every 429 that slowed a rate limiter down, as the {@value #METRIC} metric: a steady count means our limits
 * are above what YClients lets this token do (lower YCLIENTS_RATE_PER_SECOND/_PER_MINUTE); a lone one is the back-off
 * doing its job.
 */
final class RateLimitBackoffCounter implements RateLimiter {
    static final String METRIC = "RateLimitBackoff";

    private final RateLimiter limiter;
    private final EmfMetrics metrics;

    RateLimitBackoffCounter(RateLimiter limiter, EmfMetrics metrics) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void acquire() throws InterruptedException {
        limiter.acquire();
    }

    @Override
    public void rateLimited(Duration retryAfter) {
        limiter.rateLimited(retryAfter);
        metrics.count(METRIC, Map.of());
    }

    @Override
    public void returnUnused() {
        limiter.returnUnused();
    }
}
