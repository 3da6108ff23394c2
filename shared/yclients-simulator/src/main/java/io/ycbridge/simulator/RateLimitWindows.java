package io.ycbridge.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * YClients' documented limits (5 requests a second, 200 a minute) as sliding windows over the simulator's clock,
 * stricter than a token bucket: a client whose bucket refills while a window still holds its burst is refused here,
 * as real clients are below the documented rate. Off until {@link YClientsSimulator#enforceRateLimit} turns it on.
 */
final class RateLimitWindows {
    private final Deque<Instant> lastSecond = new ArrayDeque<>();
    private final Deque<Instant> lastMinute = new ArrayDeque<>();
    private int perSecond;
    private int perMinute;
    private long refused;

    synchronized void limit(int perSecond, int perMinute) {
        if (perSecond < 0 || perMinute < 0) {
            throw new IllegalArgumentException("limits must not be negative (0: no limit)");
        }
        this.perSecond = perSecond;
        this.perMinute = perMinute;
        lastSecond.clear();
        lastMinute.clear();
        refused = 0;
    }

    /** Counts the request when it is within both windows; else how long until it would be. */
    synchronized Optional<Duration> admit(Instant now) {
        if (perSecond == 0 && perMinute == 0) {
            return Optional.empty();
        }
        drop(lastSecond, now.minusSeconds(1));
        drop(lastMinute, now.minusSeconds(60));
        Duration wait = Duration.ZERO;
        if (perSecond > 0 && lastSecond.size() >= perSecond) {
            wait = max(wait, Duration.between(now, lastSecond.peekFirst().plusSeconds(1)));
        }
        if (perMinute > 0 && lastMinute.size() >= perMinute) {
            wait = max(wait, Duration.between(now, lastMinute.peekFirst().plusSeconds(60)));
        }
        if (!wait.isZero()) {
            refused++;
            return Optional.of(wait);
        }
        lastSecond.addLast(now);
        lastMinute.addLast(now);
        return Optional.empty();
    }

    synchronized long refused() {
        return refused;
    }

    /** A request exactly one window old has left it. */
    private static void drop(Deque<Instant> window, Instant horizon) {
        while (!window.isEmpty() && !window.peekFirst().isAfter(horizon)) {
            window.removeFirst();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
