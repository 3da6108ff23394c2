package io.ycbridge.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * A company's sync state. {@code cursor}: every record changed before it is stored (empty until the first back-fill
 * finished a slice). {@code zone}: the company's time zone as the API last gave it. {@code phoneRegion}: the region
 * its country names for phone numbers ({@link SyncStateStore#NO_REGION} when its data names none). {@code lastError} is the
 * operator-facing message of the last failed run, cleared by a good one. {@code lastCatalogAt}: when the catalog was
 * last read completely. {@code backfill}: the window of the company's first run, which reads its history (empty
 * before that run, and for states written before it was kept).
 */
public record SyncState(long companyId, Optional<Instant> cursor, Optional<String> zone, Optional<String> phoneRegion,
                        Optional<Instant> lastRunAt,
                        Optional<String> lastOutcome, Optional<String> lastError, Optional<Instant> lastSuccessAt,
                        Optional<Instant> lastCatalogAt, Optional<Backfill> backfill) {

    /** The first run's window: history from {@code from} up to {@code to}, the moment that run started. */
    public record Backfill(Instant from, Instant to) {
        /** How much of the window the cursor has passed, 0 to 1. */
        public double done(Optional<Instant> cursor) {
            long whole = to.toEpochMilli() - from.toEpochMilli();
            if (whole <= 0) {
                return 1;
            }
            long passed = cursor.map(at -> at.toEpochMilli() - from.toEpochMilli()).orElse(0L);
            return Math.max(0, Math.min(1, passed / (double) whole));
        }
    }

    public static SyncState none(long companyId) {
        return new SyncState(companyId, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
