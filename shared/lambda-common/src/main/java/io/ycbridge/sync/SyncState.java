package io.ycbridge.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * A company's sync state. {@code cursor}: every record changed before it is stored (empty until the first back-fill
 * finished a slice). {@code zone}: the company's time zone as the API last gave it. {@code phoneRegion}: the region
 * its country names for phone numbers ({@link SyncStateStore#NO_REGION} when its data names none). {@code lastError} is the
 * operator-facing message of the last failed run, cleared by a good one. {@code lastCatalogAt}: when the catalog was
 * last read completely.
 */
public record SyncState(long companyId, Optional<Instant> cursor, Optional<String> zone, Optional<String> phoneRegion,
                        Optional<Instant> lastRunAt,
                        Optional<String> lastOutcome, Optional<String> lastError, Optional<Instant> lastSuccessAt,
                        Optional<Instant> lastCatalogAt) {

    public static SyncState none(long companyId) {
        return new SyncState(companyId, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
