package io.ycbridge.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.fixture.Tables;
import io.ycbridge.simulator.MovableClock;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.table.TableDefinitions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(LocalDynamoDbExtension.class)
class CatalogStoreTest {
    private static final long COMPANY = 235564;
    private final DynamoDbClient client;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-20T09:00:00Z"));
    private CatalogStore store;

    CatalogStoreTest(DynamoDbClient client) {
        this.client = client;
    }

    @BeforeEach
    void freshTable() {
        store = new CatalogStore(client, Tables.create(client, TableDefinitions.CATALOG), clock);
    }

    @Test
    void theFirstSyncCreatesEveryItemAndARepeatChangesNothing() {
        List<CatalogEntry> services = IntStream.range(0, 30).mapToObj(i -> entry(301 + i, "Service " + i)).toList();

        assertEquals(new KindCounts(30, 0, 0, 0), store.sync(COMPANY, CatalogKind.SERVICE, services));
        clock.advance(Duration.ofMinutes(30));
        assertEquals(new KindCounts(0, 0, 0, 30), store.sync(COMPANY, CatalogKind.SERVICE, services));

        List<CatalogItem> stored = store.items(COMPANY, CatalogKind.SERVICE);
        assertEquals(30, stored.size());
        assertTrue(stored.stream().allMatch(item -> item.syncedAt().equals(Instant.parse("2026-11-20T09:00:00Z"))),
                "an unchanged item is not rewritten");
    }

    @Test
    void aChangedBodyIsAnUpdateAndAMissingItemIsMarkedDeletedOnce() {
        store.sync(COMPANY, CatalogKind.STAFF, List.of(entry(55, "Anna"), entry(56, "Boris")));

        assertEquals(new KindCounts(1, 1, 1, 0), store.sync(COMPANY, CatalogKind.STAFF, List.of(entry(55, "Anna K."), entry(57, "Vera"))));
        assertEquals(new KindCounts(0, 0, 0, 2), store.sync(COMPANY, CatalogKind.STAFF, List.of(entry(55, "Anna K."), entry(57, "Vera"))),
                "a deleted item stays deleted without another write");

        CatalogItem boris = store.items(COMPANY, CatalogKind.STAFF).stream().filter(item -> item.id() == 56).findFirst().orElseThrow();
        assertTrue(boris.deleted());
        assertEquals(body(56, "Boris"), boris.json(), "the last good body is kept");
    }

    @Test
    void anItemListedAgainIsRevived() {
        store.sync(COMPANY, CatalogKind.CATEGORY, List.of(entry(1, "Hair")));
        store.sync(COMPANY, CatalogKind.CATEGORY, List.of());

        assertEquals(new KindCounts(0, 1, 0, 0), store.sync(COMPANY, CatalogKind.CATEGORY, List.of(entry(1, "Hair"))));
        assertFalse(store.items(COMPANY, CatalogKind.CATEGORY).getFirst().deleted());
    }

    @Test
    void kindsAndCompaniesDoNotSeeEachOther() {
        store.sync(COMPANY, CatalogKind.SERVICE, List.of(entry(1, "Cut")));
        store.sync(COMPANY, CatalogKind.STAFF, List.of(entry(1, "Anna")));
        store.sync(COMPANY + 1, CatalogKind.SERVICE, List.of(entry(1, "Cut")));

        assertEquals(new KindCounts(0, 0, 0, 1), store.sync(COMPANY, CatalogKind.SERVICE, List.of(entry(1, "Cut"))));
        assertEquals(1, store.items(COMPANY, CatalogKind.STAFF).size());
    }

    private static CatalogEntry entry(long id, String title) {
        return new CatalogEntry(id, body(id, title));
    }

    private static String body(long id, String title) {
        return "{\"id\":" + id + ",\"title\":\"" + title + "\"}";
    }
}
