package io.ycbridge.bonus;

import io.ycbridge.simulator.MovableClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.catalog.CatalogItem;
import io.ycbridge.catalog.CatalogKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CatalogCategoriesTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private final MovableClock clock = new MovableClock(T0);
    private final Map<Long, List<CatalogItem>> catalogs = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> reads = new ConcurrentHashMap<>();
    private final CatalogCategories categories = new CatalogCategories(company -> {
        reads.computeIfAbsent(company, c -> new AtomicInteger()).incrementAndGet();
        return catalogs.getOrDefault(company, List.of());
    }, Duration.ofSeconds(60), clock);

    @Test
    void aCompanysCatalogIsReadOncePerTtlAndEachCompanyOnItsOwn() {
        catalogs.put(1L, List.of(service(1, 301, "{\"id\":301,\"category_id\":10}")));
        catalogs.put(2L, List.of(service(2, 301, "{\"id\":301,\"category_id\":77}")));

        for (int i = 0; i < 50; i++) {
            assertEquals(Optional.of(10L), categories.forCompany(1).categoryOf(301));
        }
        assertEquals(Optional.of(77L), categories.forCompany(2).categoryOf(301), "the same service id in another company");
        assertEquals(1, reads.get(1L).get());
        assertEquals(1, reads.get(2L).get());

        catalogs.put(1L, List.of(service(1, 301, "{\"id\":301,\"category_id\":11}")));
        clock.advance(Duration.ofSeconds(59));
        assertEquals(Optional.of(10L), categories.forCompany(1).categoryOf(301), "within the TTL the cached catalog answers");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.of(11L), categories.forCompany(1).categoryOf(301), "at the TTL it is read again");
        assertEquals(2, reads.get(1L).get());
    }

    @Test
    void deletedServicesKeepTheirCategoryAndServicesWithoutOneHaveNone() {
        catalogs.put(1L, List.of(
                new CatalogItem(1, CatalogKind.SERVICE, 301, "{\"id\":301,\"category_id\":10}", "h", true, T0),
                service(1, 302, "{\"id\":302,\"category_id\":null}"),
                service(1, 303, "{\"id\":303}")));

        ServiceCategories known = categories.forCompany(1);
        assertEquals(Optional.of(10L), known.categoryOf(301), "a record may still name a service that left the list");
        assertEquals(Optional.empty(), known.categoryOf(302));
        assertEquals(Optional.empty(), known.categoryOf(303));
        assertEquals(Optional.empty(), known.categoryOf(999), "not in the catalog yet");
    }

    @Test
    void anUnreadableBodyFailsRatherThanDecidingMoney() {
        catalogs.put(1L, List.of(service(1, 301, "{not json")));

        assertThrows(java.io.UncheckedIOException.class, () -> categories.forCompany(1));
    }

    @Test
    void withoutACatalogAskingFailsLoudly() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CatalogCategories.unavailable().forCompany(5));
        assertTrue(e.getMessage().contains("CATALOG_TABLE"), e.getMessage());
    }

    private static CatalogItem service(long company, long id, String json) {
        return new CatalogItem(company, CatalogKind.SERVICE, id, json, "hash", false, T0);
    }
}
