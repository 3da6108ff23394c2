package io.ycbridge.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.fixture.Tables;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.table.TableDefinitions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(LocalDynamoDbExtension.class)
class SyncStateStoreTest {
    private static final long COMPANY = 235564;
    private static final Instant T1 = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-20T09:30:00Z");
    private final DynamoDbClient client;
    private SyncStateStore store;

    SyncStateStoreTest(DynamoDbClient client) {
        this.client = client;
    }

    @BeforeEach
    void freshTable() {
        store = new SyncStateStore(client, Tables.create(client, TableDefinitions.SYNC_STATE));
    }

    @Test
    void anUnknownCompanyHasNoState() {
        assertEquals(SyncState.none(COMPANY), store.get(COMPANY));
    }

    @Test
    void theCursorOnlyMovesForward() {
        assertTrue(store.advanceCursor(COMPANY, T2));
        assertFalse(store.advanceCursor(COMPANY, T1));
        assertFalse(store.advanceCursor(COMPANY, T2));
        assertEquals(Optional.of(T2), store.get(COMPANY).cursor());
    }

    @Test
    void aFailureKeepsTheCursorAndASuccessClearsTheError() {
        store.advanceCursor(COMPANY, T1);
        store.rememberZone(COMPANY, ZoneId.of("Europe/Moscow"));

        store.recordRun(COMPANY, T2, "failed", "GET /records/235564 failed with HTTP 401 — set partnerToken");
        SyncState failed = store.get(COMPANY);
        assertEquals(Optional.of(T1), failed.cursor());
        assertEquals(Optional.of("failed"), failed.lastOutcome());
        assertTrue(failed.lastError().orElseThrow().contains("partnerToken"));
        assertEquals(Optional.empty(), failed.lastSuccessAt());

        store.recordRun(COMPANY, T2, "ok", null);
        SyncState ok = store.get(COMPANY);
        assertEquals(Optional.empty(), ok.lastError());
        assertEquals(Optional.of(T2), ok.lastSuccessAt());
        assertEquals(Optional.of("Europe/Moscow"), ok.zone());

        store.recordCatalog(COMPANY, T2);
        assertEquals(Optional.of(T2), store.get(COMPANY).lastCatalogAt());
        assertEquals(Optional.of(T1), store.get(COMPANY).cursor());
    }

    @Test
    void reReadMarksAreASetTheSyncClearsAsItSettlesThem() {
        assertEquals(java.util.Set.of(), store.rereads(COMPANY), "none before any mark");
        store.advanceCursor(COMPANY, T1);

        store.markForReread(COMPANY, 9003);
        store.markForReread(COMPANY, 9001);
        store.markForReread(COMPANY, 9003);
        store.markForReread(240012, 9002);
        assertEquals(List.of(9001L, 9003L), List.copyOf(store.rereads(COMPANY)), "a set, lowest id first, per company");

        store.clearRereads(COMPANY, List.of(9003L, 9999L));
        assertEquals(List.of(9001L), List.copyOf(store.rereads(COMPANY)), "only the settled ones go; an unknown id is no error");
        store.clearRereads(COMPANY, List.of());
        store.clearRereads(COMPANY, List.of(9001L));
        assertEquals(java.util.Set.of(), store.rereads(COMPANY));
        assertEquals(List.of(9002L), List.copyOf(store.rereads(240012)));
        assertEquals(Optional.of(T1), store.get(COMPANY).cursor(), "the marks leave the rest of the state alone");
    }

    @Test
    void thePhoneRegionIsKeptBesideTheZoneAndNoneIsRememberedToo() {
        store.advanceCursor(COMPANY, T1);
        store.rememberZone(COMPANY, ZoneId.of("Europe/Kyiv"));
        store.rememberPhoneRegion(COMPANY, Optional.of("UA"));
        store.rememberPhoneRegion(COMPANY + 1, Optional.empty());

        assertEquals(Optional.of("UA"), store.phoneRegion(COMPANY));
        assertEquals(Optional.of("Europe/Kyiv"), store.get(COMPANY).zone());
        assertEquals(Optional.of(T1), store.get(COMPANY).cursor(), "nothing else touched");
        assertEquals(Optional.of(SyncStateStore.NO_REGION), store.phoneRegion(COMPANY + 1));
        assertEquals(Optional.empty(), store.phoneRegion(COMPANY + 2));
    }

    @Test
    void theFreshnessOfManyCompaniesIsReadInBatchesAndAnUnknownCompanyHasNone() {
        // More than one BatchGetItem's 100 keys, so the chunks and their joining are exercised.
        List<Long> companies = java.util.stream.LongStream.rangeClosed(500_001, 500_250).boxed().toList();
        store.recordRun(500_001, T1, "ok", null);
        store.recordRun(500_001, T2, "refused", "set partnerToken in the secret");
        store.recordRun(500_150, T2, "ok", null);
        store.markFirstScheduled(500_250, T1);
        store.markForReread(500_200, 9001);

        java.util.Map<Long, SyncFreshness> freshness = store.freshness(companies);

        assertEquals(companies, List.copyOf(freshness.keySet()), "every company asked, in the order asked");
        assertEquals(new SyncFreshness(500_001, Optional.of(T1), Optional.of("refused"), Optional.empty()), freshness.get(500_001L),
                "a failed run keeps the last success");
        assertEquals(Optional.of(T2), freshness.get(500_150L).lastSuccessAt());
        assertEquals(new SyncFreshness(500_250, Optional.empty(), Optional.empty(), Optional.of(T1)), freshness.get(500_250L));
        assertEquals(SyncFreshness.unknown(500_200), freshness.get(500_200L), "an item with only re-read marks has no run");
        assertEquals(SyncFreshness.unknown(500_100), freshness.get(500_100L));
        assertTrue(store.freshness(List.of()).isEmpty());
    }

    @Test
    void theFirstSchedulingIsStampedOnceAndLeavesTheRestAlone() {
        store.advanceCursor(COMPANY, T1);

        assertEquals(T1, store.markFirstScheduled(COMPANY, T1));
        assertEquals(T1, store.markFirstScheduled(COMPANY, T2), "a later tick keeps the first stamp");

        assertEquals(Optional.of(T1), store.freshness(List.of(COMPANY)).get(COMPANY).firstScheduledAt());
        assertEquals(Optional.of(T1), store.get(COMPANY).cursor());
    }
}
