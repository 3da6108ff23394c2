package io.ycbridge.yclients;

import java.time.Clock;
import java.time.Duration;

/**
 * A token bucket for one JVM: {@code capacity} requests at once, refilled at {@code capacity} per {@code period}.
 * Waiting happens outside the lock so one slow sleeper does not hold the others. A 429 empties it and stops its
 * refill for {@link RateLimiter#pauseAfter429}, so every thread of this JVM slows down, not only the one that was told.
 */
public final class TokenBucket implements RateLimiter {
    private final double capacity;
    private final double tokensPerNano;
    private final Clock clock;
    private final Sleeper sleeper;
    private double tokens;
    /** Refilled up to here; after a 429 it lies ahead, and nothing refills before it. */
    private long lastNanos;

    public TokenBucket(int capacity, Duration period, Clock clock, Sleeper sleeper) {
        if (capacity < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs capacity ≥ 1 and a positive period");
        }
        this.capacity = capacity;
        this.tokensPerNano = capacity / (double) period.toNanos();
        this.clock = clock;
        this.sleeper = sleeper;
        this.tokens = capacity;
        this.lastNanos = nanos();
    }

    public static TokenBucket perSecond(int requests, Clock clock, Sleeper sleeper) {
        return new TokenBucket(requests, Duration.ofSeconds(1), clock, sleeper);
    }

    public static TokenBucket perMinute(int requests, Clock clock, Sleeper sleeper) {
        return new TokenBucket(requests, Duration.ofMinutes(1), clock, sleeper);
    }

    @Override
    public void acquire() throws InterruptedException {
        while (true) {
            long waitNanos;
            synchronized (this) {
                refill();
                if (tokens >= 1) {
                    tokens -= 1;
                    return;
                }
                waitNanos = Math.max(0, lastNanos - nanos()) + (long) Math.ceil((1 - tokens) / tokensPerNano);
            }
            sleeper.sleep(Duration.ofNanos(Math.max(waitNanos, 1_000)));
        }
    }

    @Override
    public synchronized void rateLimited(Duration retryAfter) {
        refill();
        tokens = 0;
        lastNanos = Math.max(lastNanos, nanos() + RateLimiter.pauseAfter429(retryAfter).toNanos());
    }

    private void refill() {
        long now = nanos();
        if (now <= lastNanos) {
            return;
        }
        tokens = Math.min(capacity, tokens + (now - lastNanos) * tokensPerNano);
        lastNanos = now;
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
