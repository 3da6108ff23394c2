package io.ycbridge.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * What the schedule's staleness check reads of a company's state: when its sync last succeeded, how its last run
 * ended, and when the schedule first queued it (the start of a company that never synced yet).
 */
public record SyncFreshness(long companyId, Optional<Instant> lastSuccessAt, Optional<String> lastOutcome,
                            Optional<Instant> firstScheduledAt) {

    /** A company without an item: never synced, never queued. */
    public static SyncFreshness unknown(long companyId) {
        return new SyncFreshness(companyId, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
