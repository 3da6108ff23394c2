package io.ycbridge.record;

import static io.ycbridge.fixture.SampleRecords.COMPANY;
import static io.ycbridge.fixture.SampleRecords.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.fixture.Tables;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.table.TableDefinitions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

@ExtendWith(LocalDynamoDbExtension.class)
class RecordBatchWritesTest {
    private final DynamoDbClient shared;
    private final AtomicInteger transactions = new AtomicInteger();
    private final AtomicInteger singles = new AtomicInteger();
    private RecordStore store;
    private RecordBatchWrites batch;

    RecordBatchWritesTest(DynamoDbClient shared) {
        this.shared = shared;
    }

    @BeforeEach
    void freshTable() {
        DynamoDbClient counted = DynamoDbClient.builder()
                .endpointOverride(shared.serviceClientConfiguration().endpointOverride().orElseThrow())
                .region(shared.serviceClientConfiguration().region())
                .credentialsProvider(shared.serviceClientConfiguration().credentialsProvider())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof TransactWriteItemsRequest) {
                            transactions.incrementAndGet();
                        } else if (context.request() instanceof UpdateItemRequest) {
                            singles.incrementAndGet();
                        }
                    }
                }))
                .build();
        store = new RecordStore(counted, Tables.create(shared, TableDefinitions.RECORDS));
        batch = store.batchWrites();
    }

    @Test
    void newVersionsAreWrittenAHundredToARequestAndStoredAsSingleWritesWouldStoreThem() {
        List<StoredRecord> versions = IntStream.range(0, 250).mapToObj(i -> version(10_000 + i, 5)).toList();

        List<UpsertOutcome> outcomes = batch.upsertAllFromApi(versions, Set.of());

        assertEquals(Collections.nCopies(250, UpsertOutcome.CREATED), outcomes);
        assertEquals(3, transactions.get(), "100 + 100 + 50");
        assertEquals(0, singles.get());
        for (StoredRecord version : versions) {
            assertEquals(version, store.get(COMPANY, version.recordId()).orElseThrow());
        }
        assertEquals(1L, store.revision(COMPANY, 10_000).orElseThrow().revision(), "the same revision bump as a single write");
    }

    @Test
    void aGroupWithOneRefusedVersionIsWrittenOneByOneAndEachGetsItsOwnOutcome() {
        store.upsert(version(20_001, 9)); // a webhook stored a newer version meanwhile
        store.upsert(version(20_002, 1));
        singles.set(0);
        List<StoredRecord> versions = List.of(version(20_000, 5), version(20_001, 5), version(20_002, 5));

        List<UpsertOutcome> outcomes = batch.upsertAllFromApi(versions, Set.of(20_001L, 20_002L));

        assertEquals(List.of(UpsertOutcome.CREATED, UpsertOutcome.STALE, UpsertOutcome.UPDATED), outcomes);
        assertEquals(1, transactions.get());
        assertEquals(3, singles.get(), "the cancelled group again, one by one");
        assertEquals(version(20_001, 9).changedAt(), store.get(COMPANY, 20_001).orElseThrow().changedAt(), "the newer one kept");
    }

    @Test
    void twoVersionsOfOneRecordInAGroupAreWrittenOneByOneAndTheNewerWins() {
        List<StoredRecord> versions = new ArrayList<>(List.of(version(30_000, 6), version(30_000, 5), version(30_001, 5)));

        List<UpsertOutcome> outcomes = batch.upsertAllFromApi(versions, Set.of());

        assertEquals(List.of(UpsertOutcome.CREATED, UpsertOutcome.STALE, UpsertOutcome.CREATED), outcomes);
        assertEquals(0, transactions.get());
        assertTrue(store.get(COMPANY, 30_000).orElseThrow().changedAt().equals(version(30_000, 6).changedAt()));
    }
}
