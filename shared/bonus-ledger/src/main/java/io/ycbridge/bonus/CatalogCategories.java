package io.ycbridge.bonus;

import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.catalog.CatalogItem;
import io.ycbridge.catalog.CatalogKind;
import io.ycbridge.catalog.CatalogStore;
import io.ycbridge.yclients.ApiJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * The category of each of a company's services, read from the synced catalog (CatalogTable) and kept per execution
 * environment for a short time. Accrual asks once per record; without the cache every record of a company with
 * category exclusions would add a catalog Query to its transaction. The catalog only changes when the sync runs
 * (every 30 minutes), so a minute's staleness costs nothing the sync's own cadence does not already cost.
 *
 * <p>Deleted services keep their category: a record may name a service that has since left the list, and it was in
 * that category when it was sold.
 */
public final class CatalogCategories {
    /** How long a company's catalog is trusted before it is read again. */
    public static final Duration TTL = Duration.ofSeconds(60);

    private final LongFunction<List<CatalogItem>> services;
    private final Duration ttl;
    private final Clock clock;
    private final Map<Long, Cached> byCompany = new ConcurrentHashMap<>();

    private record Cached(ServiceCategories categories, Instant readAt) {
    }

    public CatalogCategories(CatalogStore catalog, Clock clock) {
        this(company -> catalog.items(company, CatalogKind.SERVICE), TTL, clock);
    }

    /** @param services a company's stored SERVICE items; a seam for counting reads in tests */
    CatalogCategories(LongFunction<List<CatalogItem>> services, Duration ttl, Clock clock) {
        this.services = Objects.requireNonNull(services, "services");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * For wirings that never accrue (balance, profile): they build the rules but never evaluate them, so a catalog
     * they cannot read must not be needed to start. Asked anyway, it fails rather than pay as if nothing were excluded.
     */
    public static CatalogCategories unavailable() {
        return new CatalogCategories(company -> {
            throw new IllegalStateException("company " + company + " excludes service categories, but this function has no CATALOG_TABLE");
        }, TTL, Clock.systemUTC());
    }

    public ServiceCategories forCompany(long companyId) {
        Instant now = clock.instant();
        Cached cached = byCompany.get(companyId);
        if (cached != null && now.isBefore(cached.readAt().plus(ttl))) {
            return cached.categories();
        }
        // Two threads may both read an expired company; the reads agree, and a lock would serialise every company.
        ServiceCategories fresh = parse(services.apply(companyId));
        byCompany.put(companyId, new Cached(fresh, now));
        return fresh;
    }

    private static ServiceCategories parse(List<CatalogItem> items) {
        Map<Long, Long> categories = new HashMap<>();
        for (CatalogItem item : items) {
            try {
                // The sync stores the API's body: {"id":301,"category_id":12,...}; no category_id, no category.
                JsonNode body = ApiJson.mapper().readTree(item.json());
                if (body.hasNonNull("category_id")) {
                    categories.put(item.id(), body.get("category_id").asLong());
                }
            } catch (IOException e) {
                // The body is the sync's own canonical JSON: unreadable means a bug, which must not decide money.
                throw new UncheckedIOException("catalog service " + item.companyId() + "/" + item.id() + " has an unreadable body", e);
            }
        }
        return new ServiceCategories(categories);
    }
}
