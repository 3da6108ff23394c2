package io.ycbridge.record;

import static io.ycbridge.fixture.SampleRecords.COMPANY;
import static io.ycbridge.fixture.SampleRecords.BASE;
import static io.ycbridge.fixture.SampleRecords.incomplete;
import static io.ycbridge.fixture.SampleRecords.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.fixture.Tables;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.table.TableDefinitions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(LocalDynamoDbExtension.class)
class RecordStoreTest {
    private final DynamoDbClient client;
    private String table;
    private RecordStore store;

    RecordStoreTest(DynamoDbClient client) {
        this.client = client;
    }

    @BeforeEach
    void freshTable() {
        table = Tables.create(client, TableDefinitions.RECORDS);
        store = new RecordStore(client, table);
    }

    @Test
    void storesEveryFieldAsGiven() {
        StoredRecord record = version(9001, 5);

        assertEquals(UpsertOutcome.CREATED, store.upsert(record));

        StoredRecord stored = store.get(COMPANY, 9001).orElseThrow();
        assertEquals(record, stored);
        assertEquals("+03:00", stored.startsAt().getOffset().getId(), "the booking's offset is kept");
        assertEquals("1999.50", stored.total().toPlainString());
    }

    @Test
    void aDuplicateUpsertIsANoOp() {
        StoredRecord record = version(9001, 5);
        store.upsert(record);

        assertEquals(UpsertOutcome.DUPLICATE, store.upsert(record));
        assertEquals(UpsertOutcome.DUPLICATE, store.upsert(record.withSource(RecordSource.SYNC)), "the version decides, not the path");
        assertEquals(RecordSource.WEBHOOK, store.get(COMPANY, 9001).orElseThrow().source(), "nothing was written");
    }

    @Test
    void aNewerChangeReplacesAnOlderOne() {
        store.upsert(version(9001, 5));

        assertEquals(UpsertOutcome.UPDATED, store.upsert(version(9001, 6)));
        assertEquals(version(9001, 6), store.get(COMPANY, 9001).orElseThrow());
    }

    @Test
    void anOlderChangeAfterANewerOneIsRefused() {
        store.upsert(version(9001, 6));

        assertEquals(UpsertOutcome.STALE, store.upsert(version(9001, 5)));
        assertEquals(version(9001, 6), store.get(COMPANY, 9001).orElseThrow());
    }

    @Test
    void concurrentUpsertsOfOneRecordEndInTheNewest() throws Exception {
        int versions = 40;
        List<Integer> ascending = new ArrayList<>();
        for (int v = 1; v <= versions; v++) {
            ascending.add(v);
        }
        List<Integer> shuffled = new ArrayList<>(ascending);
        Collections.shuffle(shuffled, new Random(42));
        Map<UpsertOutcome, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<Integer> order : List.of(ascending, shuffled)) {
                done.add(threads.submit(() -> {
                    start.await();
                    for (int v : order) {
                        outcomes.computeIfAbsent(store.upsert(version(9001, v)), k -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertEquals(version(9001, versions), store.get(COMPANY, 9001).orElseThrow());
        assertEquals(1, outcomes.get(UpsertOutcome.CREATED).get(), "exactly one thread created the item: " + outcomes);
        int total = outcomes.values().stream().mapToInt(AtomicInteger::get).sum();
        assertEquals(2 * versions, total);
        assertTrue(outcomes.getOrDefault(UpsertOutcome.DUPLICATE, new AtomicInteger()).get()
                + outcomes.getOrDefault(UpsertOutcome.STALE, new AtomicInteger()).get() >= versions,
                "every version was written at most once: " + outcomes);
    }

    @Test
    void aDeletionIsKeptAsState() {
        store.upsert(version(9001, 5));

        assertEquals(UpsertOutcome.UPDATED, store.upsert(version(9001, 6).withDeleted(true)));
        assertEquals(UpsertOutcome.STALE, store.upsert(version(9001, 5)), "a late update cannot revive a deleted record");

        StoredRecord stored = store.get(COMPANY, 9001).orElseThrow();
        assertTrue(stored.deleted());
        assertEquals(version(9001, 6).withDeleted(true), stored, "the deleted record keeps its data for reversals");
    }

    @Test
    void aDeletionAtTheSameChangeTimeWinsAndSticks() {
        store.upsert(version(9001, 5));

        assertEquals(UpsertOutcome.UPDATED, store.upsert(version(9001, 5).withDeleted(true)));
        assertEquals(UpsertOutcome.DUPLICATE, store.upsert(version(9001, 5)));
        assertTrue(store.get(COMPANY, 9001).orElseThrow().deleted());
    }

    @Test
    void aCompleteBodyCompletesAnIncompleteOneAtTheSameChangeTime() {
        StoredRecord complete = version(9001, 5);
        assertEquals(UpsertOutcome.CREATED, store.upsert(incomplete(complete)));

        assertEquals(UpsertOutcome.UPDATED, store.upsert(complete.withSource(RecordSource.SYNC)));
        assertEquals(complete.withSource(RecordSource.SYNC), store.get(COMPANY, 9001).orElseThrow());

        assertEquals(UpsertOutcome.DUPLICATE, store.upsert(complete), "complete over complete is a duplicate");
        assertEquals(UpsertOutcome.DUPLICATE, store.upsert(incomplete(complete)), "an incomplete body never degrades a complete one");
        assertFalse(store.get(COMPANY, 9001).orElseThrow().incomplete());
    }

    @Test
    void anIncompleteBodyOfANewerVersionIsStoredAsIncomplete() {
        store.upsert(version(9001, 5));

        assertEquals(UpsertOutcome.UPDATED, store.upsert(incomplete(version(9001, 6))));
        assertTrue(store.get(COMPANY, 9001).orElseThrow().incomplete());
    }

    @Test
    void recordsAreKeyedByCompanyAndRecordId() {
        StoredRecord ours = version(9001, 5);
        StoredRecord otherCompany = new StoredRecord(240012, 9001, ours.changedAt(), false, null, null, 1L, 0, false, List.of(),
                null, null, null, false, RecordSource.SYNC);

        assertEquals(UpsertOutcome.CREATED, store.upsert(ours));
        assertEquals(UpsertOutcome.CREATED, store.upsert(otherCompany));
        assertEquals(ours, store.get(COMPANY, 9001).orElseThrow());
        assertTrue(store.get(COMPANY, 9002).isEmpty());
    }

    @Test
    void findsACompanysRecordsByChangeWindowOldestFirst() {
        for (int i = 1; i <= 5; i++) {
            store.upsert(version(9000 + i, i * 10)); // changed at BASE + 10, 20, 30, 40, 50 minutes
        }
        store.upsert(new StoredRecord(240012, 9003, BASE.plus(Duration.ofMinutes(30)), false, null, null, 1L, 0, false, List.of(),
                null, null, null, false, RecordSource.SYNC));

        List<Long> found = store.changedBetween(COMPANY, BASE.plus(Duration.ofMinutes(20)), BASE.plus(Duration.ofMinutes(50)))
                .map(StoredRecord::recordId).toList();

        assertEquals(List.of(9002L, 9003L, 9004L), found, "[from, to): the record changed exactly at 'to' is left for the next window");
    }

    @Test
    void idsByChangeWindowAreTheSameRecordsAsTheFullRead() {
        for (int i = 1; i <= 5; i++) {
            store.upsert(version(9000 + i, i * 10));
        }

        assertEquals(List.of(9002L, 9003L, 9004L),
                store.idsChangedBetween(COMPANY, BASE.plus(Duration.ofMinutes(20)), BASE.plus(Duration.ofMinutes(50))).toList());
        assertEquals(List.of(), store.idsChangedBetween(COMPANY, BASE.plus(Duration.ofMinutes(50)), BASE.plus(Duration.ofMinutes(50))).toList());
    }

    @Test
    void aStoredRevisionIsTheVersionWithTheCounterOfItsLastWrite() {
        assertTrue(store.revision(COMPANY, 9001).isEmpty(), "nothing stored");
        store.upsert(version(9001, 5));
        store.upsert(version(9001, 6));
        store.upsert(version(9001, 6)); // a duplicate is refused: no write, no new revision

        StoredRevision stored = store.revision(COMPANY, 9001).orElseThrow();
        assertEquals(version(9001, 6), stored.record());
        assertEquals(2, stored.revision());
        assertEquals(revision(9001), stored.revision());
    }

    // ---- issue 21: same-second versions, placeholders and data-less deletes ----------------------------------------

    /** Version 5 as it was a moment later in the same second: paid in full turned into not paid. */
    private static StoredRecord sameSecondOther(StoredRecord record) {
        return new StoredRecord(record.companyId(), record.recordId(), record.changedAt(), record.deleted(), record.clientId(),
                record.clientPhone(), record.staffId(), record.attendance(), !record.paidFull(), record.services(), record.startsAt(),
                record.seanceLength(), record.visitId(), record.incomplete(), record.source());
    }

    private long revision(long recordId) {
        return RecordItem.revision(client.getItem(get -> get.tableName(table).consistentRead(true).key(RecordItem.key(COMPANY, recordId))).item());
    }

    private static StoredRecord deletedPlaceholder(long recordId, java.time.Instant arrival) {
        return new StoredRecord(COMPANY, recordId, arrival, true, null, null, null, 0, false, List.of(), null, null, null, true,
                RecordSource.WEBHOOK);
    }

    @Test
    void aBodyOfTheSameSecondWithOtherContentIsAConflictThatTheApisVersionSettles() {
        StoredRecord first = version(9001, 5);
        StoredRecord second = sameSecondOther(first);
        store.upsert(first);
        assertEquals(1, revision(9001));

        assertEquals(UpsertOutcome.CONFLICT, store.upsert(second), "not a duplicate: the content differs");
        assertEquals(first, store.get(COMPANY, 9001).orElseThrow(), "nothing written on a conflict");
        assertEquals(1, revision(9001));

        assertEquals(UpsertOutcome.UPDATED, store.upsertFromApi(second.withSource(RecordSource.SYNC)), "the API says which is current");
        assertEquals(second.withSource(RecordSource.SYNC), store.get(COMPANY, 9001).orElseThrow());
        assertEquals(2, revision(9001), "consumers see a newer write within the same change second");

        assertEquals(UpsertOutcome.DUPLICATE, store.upsertFromApi(second), "the API's version again writes nothing");
        assertEquals(UpsertOutcome.CONFLICT, store.upsert(first), "a late delivery of the older one asks again");
        assertEquals(2, revision(9001));
    }

    @Test
    void aBodyOfTheSameSecondWithTheSameContentIsADuplicate() {
        store.upsert(version(9001, 5));

        assertEquals(UpsertOutcome.DUPLICATE, store.upsert(version(9001, 5).withSource(RecordSource.REPLAY)));
        assertEquals(UpsertOutcome.DUPLICATE, store.upsertFromApi(version(9001, 5).withSource(RecordSource.SYNC)));
        assertEquals(1, revision(9001));
    }

    @Test
    void aPlaceholderIsReplacedByAnOlderVersionFromTheApi() {
        StoredRecord real = version(9001, 5).withDeleted(true);
        java.time.Instant arrival = real.changedAt().plus(Duration.ofMinutes(3)).plusMillis(417);
        assertEquals(UpsertOutcome.CREATED, store.upsertPlaceholder(deletedPlaceholder(9001, arrival)));

        assertEquals(UpsertOutcome.UPDATED, store.upsertFromApi(real.withSource(RecordSource.SYNC)), "not refused as older");
        StoredRecord stored = store.get(COMPANY, 9001).orElseThrow();
        assertEquals(real.withSource(RecordSource.SYNC), stored);
        assertEquals(2, revision(9001));
        assertFalse(client.getItem(get -> get.tableName(table).consistentRead(true).key(RecordItem.key(COMPANY, 9001))).item()
                .containsKey(RecordItem.PLACEHOLDER), "a real version is no placeholder");
        assertEquals(UpsertOutcome.STALE, store.upsertPlaceholder(deletedPlaceholder(9001, arrival)), "and is not replaced by one");
    }

    @Test
    void aBodyReplacesAPlaceholderOnlyWhenNewer() {
        // A delete without data, dated at arrival. A body that arrives after it may be an older delivery, reordered:
        // letting it replace the placeholder would bring a deleted record back. Only the API knows; the mark asks it.
        StoredRecord live = version(9001, 5);
        java.time.Instant arrival = live.changedAt().plus(Duration.ofMinutes(3)).plusMillis(417);
        store.upsertPlaceholder(deletedPlaceholder(9001, arrival));

        assertEquals(UpsertOutcome.STALE, store.upsert(live));
        assertEquals(UpsertOutcome.STALE, store.upsert(live.withDeleted(true)), "even a deleted body: the API's version settles it");
        assertTrue(store.get(COMPANY, 9001).orElseThrow().deleted());
        assertEquals(1, revision(9001));

        StoredRecord restored = version(9001, 9);
        assertEquals(UpsertOutcome.UPDATED, store.upsert(restored), "a change after the deletion is newer than any guess");
        assertEquals(restored, store.get(COMPANY, 9001).orElseThrow());
    }

    @Test
    void markDeletedKeepsTheCompletedContentDatedAtArrival() {
        StoredRecord completed = version(9001, 5);
        store.upsert(completed);
        Instant arrived = completed.changedAt().plusSeconds(40);

        assertEquals(java.util.Optional.of(UpsertOutcome.UPDATED), store.markDeleted(COMPANY, 9001, RecordSource.WEBHOOK, arrived));
        StoredRecord marked = store.get(COMPANY, 9001).orElseThrow();
        assertTrue(marked.deleted());
        assertEquals(arrived, marked.changedAt());
        assertEquals(completed.services(), marked.services());
        assertEquals(completed.clientPhone(), marked.clientPhone());
        assertFalse(marked.incomplete(), "complete, so accrual reverses it at once");
        assertEquals(2, revision(9001));

        assertEquals(java.util.Optional.of(UpsertOutcome.DUPLICATE), store.markDeleted(COMPANY, 9001, RecordSource.WEBHOOK, arrived));
        assertEquals(2, revision(9001));
    }

    @Test
    void aDeletionDatedAtArrivalKeepsLateBodiesOutAndLetsTheApisVersionIn() {
        store.upsert(version(9001, 5));
        store.markDeleted(COMPANY, 9001, RecordSource.WEBHOOK, BASE.plusSeconds(600));

        assertEquals(UpsertOutcome.STALE, store.upsert(version(9001, 8)), "a late delivery from before the deletion cannot undelete it");
        assertTrue(store.get(COMPANY, 9001).orElseThrow().deleted());

        StoredRecord real = version(9001, 9).withDeleted(true);
        assertEquals(UpsertOutcome.UPDATED, store.upsertFromApi(real), "YClients' own deleted version, older than the arrival");
        assertEquals(real.withSource(RecordSource.SYNC), store.get(COMPANY, 9001).orElseThrow().withSource(RecordSource.SYNC));
    }

    @Test
    void markDeletedFindsNothingWhereNothingCompleteIsStored() {
        assertEquals(java.util.Optional.empty(), store.markDeleted(COMPANY, 9001, RecordSource.WEBHOOK, BASE));
        assertTrue(store.get(COMPANY, 9001).isEmpty(), "and writes nothing");

        store.upsert(incomplete(version(9002, 5)));
        assertEquals(java.util.Optional.empty(), store.markDeleted(COMPANY, 9002, RecordSource.WEBHOOK, BASE.plusSeconds(60)), "an incomplete version is no basis");
        assertFalse(store.get(COMPANY, 9002).orElseThrow().deleted());

        store.upsertPlaceholder(deletedPlaceholder(9003, BASE));
        assertEquals(java.util.Optional.empty(), store.markDeleted(COMPANY, 9003, RecordSource.WEBHOOK, BASE.plusSeconds(60)), "nor is a placeholder");
    }
}
