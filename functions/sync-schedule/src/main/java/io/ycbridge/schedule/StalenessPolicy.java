package io.ycbridge.schedule;

import io.ycbridge.sync.SyncFreshness;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a company's sync is stale: no success for two schedule intervals. Judged at a tick from the company's last
 * success, or, for a company that never succeeded, from when the schedule first queued it, so a fresh deployment (or
 * a company just added to CompanyIds) has its first two cycles before it counts. A failing run does not make a company
 * stale by itself; only the lack of a success does.
 *
 * <p>The limit is two intervals and a tenth of one. The success stamp is when that run started, seconds after its
 * tick, while the check runs at a later tick, which the scheduler may fire a little late: with exactly two intervals
 * a company that missed one cycle could tip over by those seconds. With a tenth more, a company is stale at the
 * third tick after its last success, that is once two cycles in a row brought none, unless its runs start later
 * than nine tenths of an interval after their tick, when the fan-out no longer keeps up anyway.
 */
public record StalenessPolicy(Duration interval) {
    public StalenessPolicy {
        Objects.requireNonNull(interval, "interval");
    }

    /** How old the last success (or the first scheduling) may be before the company is stale. */
    public Duration limit() {
        return interval.multipliedBy(2).plus(interval.dividedBy(10));
    }

    /** The moment the company's staleness is measured from; empty for a company the schedule has not queued before. */
    public static Optional<Instant> since(SyncFreshness freshness) {
        return freshness.lastSuccessAt().or(freshness::firstScheduledAt);
    }

    /** Whether the company is stale at {@code now}; one never seen before is not (it is being queued for the first time). */
    public boolean stale(SyncFreshness freshness, Instant now) {
        return since(freshness).map(since -> since.plus(limit()).isBefore(now)).orElse(false);
    }
}
