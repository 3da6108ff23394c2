package io.ycbridge.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulator's notion of now: change dates, creation dates and company offsets all come from here, so tests
 * move time instead of sleeping. It is a {@link Clock}, so code under test can share it.
 */
public final class SimulatorClock extends Clock {
    /** A fixed start keeps seeded data and answers reproducible from run to run. */
    public static final Instant DEFAULT_START = Instant.parse("2026-11-20T09:00:00Z");

    private final AtomicReference<Instant> now;

    SimulatorClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
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

    @Override
    public Clock withZone(ZoneId zone) {
        SimulatorClock source = this;
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
        return "SimulatorClock[" + now.get() + "]";
    }
}
