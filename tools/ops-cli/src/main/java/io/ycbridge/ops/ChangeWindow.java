package io.ycbridge.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A range {@code [from, to)} of record versions by {@code changed_at}: YClients' {@code last_change_date} of the
 * version (or, for a deletion delivered without data, the time it reached the webhook), not the time the bridge stored
 * it. The stream's arrival times are store times, so a failed batch maps to versions changed at most a little after
 * its last arrival — and arbitrarily long before its first: the sync stores a record changed weeks ago when it catches
 * up after an outage, a back-fill or a replay older still.
 */
record ChangeWindow(Instant from, Instant to) {
    /**
     * How far YClients' clock (and a webhook's clock for deletions dated at arrival) may run ahead of the stream's:
     * the sync's own allowance for clock skew (SYNC_OVERLAP_SECONDS' default).
     */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** The on-failure record gives arrivals in whole seconds: the last record may have arrived up to a second later. */
    static final Duration ARRIVAL_PRECISION = Duration.ofSeconds(1);
    /** For a company's whole history: later than any YClients change date (epoch milliseconds stay exact). */
    static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    ChangeWindow {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a window must start before it ends: [" + from + ", " + to + ")");
        }
    }

    /**
     * Every version a failed batch may have carried. The end is firm: nothing stored by its last arrival was changed in
     * YClients later than that, give or take the clocks. The start is not: without {@code lookback} it is the beginning,
     * since a version stored after an outage of weeks is that old and still unpaid; with it, {@code lookback} before the
     * first arrival, for an operator who knows nothing older was being stored then.
     */
    static ChangeWindow around(StreamBatchFailure batch, Optional<Duration> lookback) {
        Instant from = lookback.map(batch.firstArrival()::minus).filter(start -> start.isAfter(Instant.EPOCH)).orElse(Instant.EPOCH);
        return new ChangeWindow(from, batch.lastArrival().plus(ARRIVAL_PRECISION).plus(CLOCK_SKEW));
    }

    static ChangeWindow allTime() {
        return new ChangeWindow(Instant.EPOCH, END_OF_TIME);
    }

    boolean covers(ChangeWindow other) {
        return !other.from.isBefore(from) && !other.to.isAfter(to);
    }

    /** The fewest windows that cover exactly the same versions: overlapping or touching windows become one. */
    static List<ChangeWindow> merged(Collection<ChangeWindow> windows) {
        List<ChangeWindow> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparing(ChangeWindow::from));
        List<ChangeWindow> merged = new ArrayList<>();
        for (ChangeWindow window : sorted) {
            ChangeWindow last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && !window.from.isAfter(last.to)) {
                merged.set(merged.size() - 1, new ChangeWindow(last.from, window.to.isAfter(last.to) ? window.to : last.to));
            } else {
                merged.add(window);
            }
        }
        return merged;
    }

    @Override
    public String toString() {
        return "[" + (from.equals(Instant.EPOCH) ? "the beginning" : from) + ", " + (to.equals(END_OF_TIME) ? "now" : to) + ")";
    }
}
