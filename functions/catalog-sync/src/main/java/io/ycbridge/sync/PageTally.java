package io.ycbridge.sync;

import io.ycbridge.record.StoredRecord;
import io.ycbridge.record.StoredService;
import io.ycbridge.record.UpsertOutcome;
import java.util.HashSet;
import java.util.Set;

/**
 * What storing one page of records did, added up in the reading thread from pages written in parallel.
 *
 * @param named the services and masters named by the records this page created or changed, so the sync can tell
 *              when the stored catalog lacks one of them (see {@code CatalogSyncService}'s on-demand read)
 */
record PageTally(int fetched, int created, int updated, int unchanged, int rejected, CatalogNames named) {
    static final PageTally NONE = new PageTally(0, 0, 0, 0, 0, CatalogNames.NONE);

    PageTally plus(PageTally other) {
        return new PageTally(fetched + other.fetched, created + other.created, updated + other.updated,
                unchanged + other.unchanged, rejected + other.rejected, named.plus(other.named));
    }

    static PageTally alreadyStored() {
        return new PageTally(0, 0, 0, 1, 0, CatalogNames.NONE);
    }

    static PageTally of(UpsertOutcome outcome, StoredRecord record) {
        return switch (outcome) {
            case CREATED -> new PageTally(0, 1, 0, 0, 0, CatalogNames.of(record));
            case UPDATED -> new PageTally(0, 0, 1, 0, 0, CatalogNames.of(record));
            case DUPLICATE, STALE, CONFLICT -> alreadyStored();
        };
    }

    /** Service and master ids; 0 or no master means "any master" and names nobody. */
    record CatalogNames(Set<Long> services, Set<Long> staff) {
        static final CatalogNames NONE = new CatalogNames(Set.of(), Set.of());

        static CatalogNames of(StoredRecord record) {
            Set<Long> services = new HashSet<>();
            record.services().stream().map(StoredService::id).forEach(services::add);
            Set<Long> staff = record.staffId() == null || record.staffId() <= 0 ? Set.of() : Set.of(record.staffId());
            return new CatalogNames(Set.copyOf(services), staff);
        }

        CatalogNames plus(CatalogNames other) {
            if (other.services.isEmpty() && other.staff.isEmpty()) {
                return this;
            }
            if (services.isEmpty() && staff.isEmpty()) {
                return other;
            }
            Set<Long> allServices = new HashSet<>(services);
            allServices.addAll(other.services);
            Set<Long> allStaff = new HashSet<>(staff);
            allStaff.addAll(other.staff);
            return new CatalogNames(Set.copyOf(allServices), Set.copyOf(allStaff));
        }
    }
}
