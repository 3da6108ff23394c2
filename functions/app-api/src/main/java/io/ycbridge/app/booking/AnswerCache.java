package io.ycbridge.app.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * API answers kept briefly in one execution environment: the app asks the same company's free times over and over as
 * its user scrolls, and each read would spend one of the partner token's 5 requests a second. Bounded: when full,
 * the expired answers go, and if none has expired, all of them.
 */
final class AnswerCache<V> {
    static final int MAX_ENTRIES = 2_000;
    private final Duration lifetime;
    private final Clock clock;
    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();

    private record Entry<V>(V value, Instant expiresAt) {
    }

    AnswerCache(Duration lifetime, Clock clock) {
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The kept answer for {@code key}, or {@code read}'s, kept until it expires; a failed read keeps nothing. */
    V get(String key, Supplier<V> read) {
        Instant now = clock.instant();
        Entry<V> kept = entries.get(key);
        if (kept != null && now.isBefore(kept.expiresAt())) {
            return kept.value();
        }
        V value = read.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(value, now.plus(lifetime)));
        return value;
    }
}
