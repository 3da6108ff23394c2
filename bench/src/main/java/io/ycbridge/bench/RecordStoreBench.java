package io.ycbridge.bench;

import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.phone.PhoneNumber;
import io.ycbridge.record.RecordItem;
import io.ycbridge.record.RecordSource;
import io.ycbridge.record.RecordStore;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.record.StoredService;
import io.ycbridge.record.UpsertOutcome;
import io.ycbridge.table.TableDefinitions;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * RecordStore.upsert against the least a conditional write can be: one PutItem of the same item with the same
 * "absent or older" condition, built by hand, no return values, no outcome. Both write a new version of their own
 * record each iteration (the happy path: an update wins), on the same in-process DynamoDB Local, through one client,
 * interleaved and alternating which goes first, so drift in the emulator or the JIT hits both alike. The difference
 * is what RecordStore adds: mapping the record, the fuller condition, ALL_OLD to tell CREATED from UPDATED.
 * Goal: upsert median within 1.2x of the raw PutItem. Usage: {@code bench/run RecordStore [iterations] [warm-up]}.
 */
public final class RecordStoreBench {
    private static final long COMPANY = 235564;
    private static final Instant BASE = Instant.parse("2026-11-20T10:00:00Z");

    private RecordStoreBench() {
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        try (LocalDynamoDb dynamoDb = LocalDynamoDb.start()) {
            DynamoDbClient client = dynamoDb.client();
            String table = "RecordsTable-bench";
            TableDefinitions.RECORDS.create(client, table);
            RecordStore store = new RecordStore(client, table);
            Map<String, AttributeValue> rawTemplate = RecordItem.toItem(record(2, 0));

            Samples upsert = new Samples("RecordStore.upsert", iterations);
            Samples raw = new Samples("raw conditional PutItem (same item)", iterations);
            Samples discard = new Samples("warm-up", 2 * warmup);
            int version = 1;
            for (int i = 0; i < warmup; i++, version++) {
                step(store, client, table, rawTemplate, version, i % 2 == 0, discard, discard);
            }
            long started = System.nanoTime();
            for (int i = 0; i < iterations; i++, version++) {
                step(store, client, table, rawTemplate, version, i % 2 == 0, upsert, raw);
            }
            double seconds = (System.nanoTime() - started) / 1e9;

            System.out.printf(Locale.ROOT, "RecordStore: upsert vs one raw conditional PutItem on in-process DynamoDB Local, "
                    + "%d warm-up + %d interleaved iterations each (%.1f s), %d CPUs, %s%n",
                    warmup, iterations, seconds, Runtime.getRuntime().availableProcessors(), Runtime.version());
            System.out.println(Samples.header());
            System.out.println(raw.row(raw));
            System.out.println(upsert.row(raw));
            double ratio = upsert.medianMicros() / raw.medianMicros();
            System.out.printf(Locale.ROOT, "p90 ratio %.2f×; goal: median ratio ≤ 1.20× — %s%n",
                    upsert.p90Micros() / raw.p90Micros(), ratio <= 1.2 ? "met" : "NOT met");
        }
    }

    private static void step(RecordStore store, DynamoDbClient client, String table, Map<String, AttributeValue> rawTemplate,
                             int version, boolean upsertFirst, Samples upsert, Samples raw) {
        if (upsertFirst) {
            timeUpsert(store, version, upsert);
            timeRaw(client, table, rawTemplate, version, raw);
        } else {
            timeRaw(client, table, rawTemplate, version, raw);
            timeUpsert(store, version, upsert);
        }
    }

    private static void timeUpsert(RecordStore store, int version, Samples samples) {
        StoredRecord record = record(1, version);
        long start = System.nanoTime();
        UpsertOutcome outcome = store.upsert(record);
        samples.add(System.nanoTime() - start);
        if (!outcome.changed()) {
            throw new IllegalStateException("upsert of version " + version + " did not write: " + outcome);
        }
    }

    private static void timeRaw(DynamoDbClient client, String table, Map<String, AttributeValue> template, int version, Samples samples) {
        long start = System.nanoTime();
        Map<String, AttributeValue> item = new HashMap<>(template);
        item.put("changed_at", AttributeValue.fromN(Long.toString(BASE.plusSeconds(version).toEpochMilli())));
        client.putItem(PutItemRequest.builder()
                .tableName(table)
                .item(item)
                .conditionExpression("attribute_not_exists(#company) OR #changed < :changed")
                .expressionAttributeNames(Map.of("#company", "company_id", "#changed", "changed_at"))
                .expressionAttributeValues(Map.of(":changed", item.get("changed_at")))
                .build());
        samples.add(System.nanoTime() - start);
    }

    /** A realistic record: a client with a phone, two services, a start time with its offset. */
    private static StoredRecord record(long recordId, int version) {
        return new StoredRecord(COMPANY, recordId, BASE.plusSeconds(version), false, 4001L, new PhoneNumber("+79990000000"), 55L, 1, true,
                List.of(new StoredService(301, "Haircut", new BigDecimal("1500.00"), 1),
                        new StoredService(302, "Beard trim", new BigDecimal("499.50"), 1)),
                OffsetDateTime.parse("2026-11-20T12:00:00+03:00"), Duration.ofHours(1), "7001", false, RecordSource.SYNC);
    }
}
