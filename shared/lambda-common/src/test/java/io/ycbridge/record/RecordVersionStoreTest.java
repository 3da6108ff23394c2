package io.ycbridge.record;

import static io.ycbridge.fixture.SampleRecords.COMPANY;
import static io.ycbridge.fixture.SampleRecords.incomplete;
import static io.ycbridge.fixture.SampleRecords.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.fixture.Tables;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.record.RecordVersionStore.StoredVersion;
import io.ycbridge.table.TableDefinitions;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(LocalDynamoDbExtension.class)
class RecordVersionStoreTest {
    private final DynamoDbClient client;
    private RecordStore store;
    private RecordVersionStore versions;

    RecordVersionStoreTest(DynamoDbClient client) {
        this.client = client;
    }

    @BeforeEach
    void freshTable() {
        String table = Tables.create(client, TableDefinitions.RECORDS);
        store = new RecordStore(client, table);
        versions = new RecordVersionStore(client, table);
    }

    @Test
    void readsTheVersionsOfThoseThatExistInBatchesOfAHundred() {
        for (long id = 1; id <= 150; id++) {
            store.upsert(version(id, 5));
        }

        Map<Long, StoredVersion> found = versions.versions(COMPANY, LongStream.rangeClosed(1, 210).boxed().toList());

        assertEquals(150, found.size());
        assertEquals(version(7, 5).changedAt(), found.get(7L).changedAt());
    }

    @Test
    void coversExactlyWhatAnUpsertWouldRefuse() {
        store.upsert(version(1, 5));
        store.upsert(incomplete(version(2, 5)));
        StoredVersion complete = versions.versions(COMPANY, List.of(1L)).get(1L);
        StoredVersion partial = versions.versions(COMPANY, List.of(2L)).get(2L);

        assertTrue(complete.covers(version(1, 5)), "same version");
        assertTrue(complete.covers(version(1, 4)), "older");
        assertFalse(complete.covers(version(1, 6)), "newer is written");
        assertFalse(complete.covers(version(1, 5).withDeleted(true)), "a deletion at the same version is written");
        assertFalse(partial.covers(version(2, 5)), "a complete body completes an incomplete one");
        assertEquals(UpsertOutcome.UPDATED, store.upsert(version(2, 5)));
    }
}
