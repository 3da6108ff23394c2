package io.ycbridge.api;

import java.time.Duration;

/**
 * How far apart the shared limiter's slots lie. YClients counts a partner token's requests in two windows, 5 per second
 * and 200 per minute; we cannot tell whether they slide or are fixed, so both must hold for every window, sliding.
 *
 * <p>Evenly spaced slots at interval T put at most ⌈W/T⌉ requests in any window of length W. A slot may be used up to
 * {@link #LATENESS} after its time (a worker was busy writing a page of records) and reaches YClients with some network
 * {@link #JITTER}; a request then lands within L = lateness + jitter after its slot, and a window of length W holds
 * at most ⌈(W + L)/T⌉. So T = max((1 s + L)/perSecond, (60 s + L)/perMinute): for 5/s and 200/min, 302.5 ms, i.e.
 * 198 a minute and never 5 inside one second. No burst: any burst allowance must be paid for with a longer interval
 * within the minute, and the sync, which spends nearly all of the budget, needs throughput, not bursts. The half
 * second of lateness is what the second's window leaves free at this spacing (four slots a second, five allowed).
 *
 * @param interval the time between two slots
 * @param lateness how long after its time a slot may still be used; later, it is dropped
 */
record SlotSpacing(Duration interval, Duration lateness) {
    static final Duration LATENESS = Duration.ofMillis(400);
    static final Duration JITTER = Duration.ofMillis(100);

    static SlotSpacing forLimits(int perSecond, int perMinute) {
        if (perSecond < 1 || perMinute < 1) {
            throw new IllegalArgumentException("a rate limit needs at least one request per second and per minute");
        }
        long slack = LATENESS.plus(JITTER).toNanos();
        long second = ceilDiv(Duration.ofSeconds(1).toNanos() + slack, perSecond);
        long minute = ceilDiv(Duration.ofMinutes(1).toNanos() + slack, perMinute);
        // Whole microseconds, rounded up: the schedule item counts in them.
        long micros = ceilDiv(Math.max(second, minute), 1_000);
        return new SlotSpacing(Duration.ofNanos(micros * 1_000), LATENESS);
    }

    long intervalMicros() {
        return interval.toNanos() / 1_000;
    }

    long latenessMicros() {
        return lateness.toNanos() / 1_000;
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
