package io.ycbridge.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told: the simulator's notion of now (change dates, creation dates and company offsets
 * come from it) and every test's and benchmark's clock, so TTLs, caches, cursors and seeded data move without waiting.
 * It lives with the simulator because every module's tests can reach that without a cycle; code under test can share
 * the simulator's.
 */
public final class MovableClock extends Clock {
    /** A fixed start keeps seeded data and answers reproducible from run to run. */
    public static final Instant DEFAULT_START = Instant.parse("2026-11-20T09:00:00Z");

    private final AtomicReference<Instant> now;

    public MovableClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    public MovableClock() {
        this(DEFAULT_START);
    }

    public Instant now() {
        return now.get();
    }

    public Instant advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        return now.updateAndGet(current -> current.plus(duration));
    }

    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A view in another zone that still moves with this clock. */
    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }

            @Override
            public Instant instant() {
                return source.instant();
            }
        };
    }

    @Override
    public String toString() {
        return "MovableClock[" + now.get() + "]";
    }
}
