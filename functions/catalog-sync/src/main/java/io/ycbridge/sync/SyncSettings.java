package io.ycbridge.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How the sync reads records.
 *
 * @param backfill    how far back a company's first run reads (no cursor yet)
 * @param overlap     how far before the cursor each run starts reading again, for clock skew between YClients and us
 * @param slice       the longest window read in one go: the cursor advances after each slice, so a long back-fill cut
 *                    short by the time budget resumes at the last finished slice
 * @param defaultZone the zone for times sent without an offset when the API gives the company none
 * @param catalogInterval how often a company's catalog (3 requests) is read; zero: every run. Records are read every
 *                    run. Each company reads it at its own point within the interval, so each run reads about one
 *                    share of the catalogs (a quarter, at the default two hours and the 30-minute schedule); a
 *                    catalog never read is read before the company's first records, and a record naming a service or
 *                    master the catalog lacks reads it at once (CatalogSyncService.ON_DEMAND_GAP).
 */
public record SyncSettings(Duration backfill, Duration overlap, Duration slice, ZoneId defaultZone, Duration catalogInterval) {
    /**
     * Two hours: a 1,000-company chain then spends about 1,750 of its 30-minute cycle's 6,000 requests (200/min)
     * instead of 4,000 with the catalog read every run (bench/run CatalogSync).
     */
    public static final Duration DEFAULT_CATALOG_INTERVAL = Duration.ofHours(2);
    public static final SyncSettings DEFAULT = new SyncSettings(Duration.ofDays(30), Duration.ofMinutes(5), Duration.ofDays(7),
            ZoneId.of("Europe/Moscow"), DEFAULT_CATALOG_INTERVAL);

    /** The catalog read on every run. */
    public SyncSettings(Duration backfill, Duration overlap, Duration slice, ZoneId defaultZone) {
        this(backfill, overlap, slice, defaultZone, Duration.ZERO);
    }

    public SyncSettings withCatalogInterval(Duration interval) {
        return new SyncSettings(backfill, overlap, slice, defaultZone, interval);
    }

    /**
     * Whether a company whose catalog was last read at {@code last} (null: never) reads it at {@code now}: once per
     * {@link #catalogInterval()}, at a point within it fixed per company, so each run reads about the same share of
     * catalogs instead of all of them every few runs.
     */
    public boolean catalogDue(long companyId, Instant last, Instant now) {
        if (catalogInterval.isZero() || last == null) {
            return true;
        }
        long period = catalogInterval.toMillis();
        long phase = Math.floorMod(Long.hashCode(companyId * 0x9E3779B97F4A7C15L), period);
        return Math.floorDiv(now.toEpochMilli() + phase, period) > Math.floorDiv(last.toEpochMilli() + phase, period);
    }

    public SyncSettings {
        Objects.requireNonNull(defaultZone, "defaultZone");
        if (backfill.isNegative() || overlap.isNegative() || slice.isZero() || slice.isNegative() || catalogInterval.isNegative()) {
            throw new IllegalArgumentException("backfill, overlap and catalog interval must not be negative, slice must be positive");
        }
    }
}
