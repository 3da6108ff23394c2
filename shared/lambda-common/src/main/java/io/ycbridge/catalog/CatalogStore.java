package io.ycbridge.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The last good catalog per company (CatalogTable): services, categories and masters, one item each under
 * {@code company_id} + {@code <kind>#<id>}.
 *
 * <p>{@link #sync} compares what the API lists now with what is stored by a hash of the body, and writes only items
 * that were created, changed or have left the list: a run over an unchanged catalog reads one partition range and
 * writes nothing. Items that left the list are kept with {@code deleted = true} so the app can hide them and a
 * booking that still names one can be shown. A failed API call never reaches here, so the stored catalog stays.
 */
public final class CatalogStore {
    static final String COMPANY_ID = "company_id";
    static final String ITEM_KEY = "item_key";
    static final String KIND = "kind";
    static final String ID = "id";
    static final String BODY = "body";
    static final String HASH = "hash";
    static final String DELETED = "deleted";
    static final String SYNCED_AT = "synced_at";
    private static final int BATCH = 25;

    private final DynamoDbClient client;
    private final String tableName;
    private final Clock clock;

    /** @param tableName the deployed table's name, from {@code CATALOG_TABLE} */
    public CatalogStore(DynamoDbClient client, String tableName, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Brings the stored items of one kind in line with {@code current}, the complete list the API gave.
     *
     * @return how many were created, updated (changed, or listed again after being marked deleted), marked deleted
     *         and left unchanged
     */
    public KindCounts sync(long companyId, CatalogKind kind, Collection<CatalogEntry> current) {
        Map<Long, CatalogItem> stored = new HashMap<>();
        for (CatalogItem item : items(companyId, kind)) {
            stored.put(item.id(), item);
        }
        Instant now = clock.instant();
        List<CatalogItem> writes = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int deleted = 0;
        int unchanged = 0;
        Map<Long, CatalogEntry> listed = new LinkedHashMap<>();
        for (CatalogEntry entry : current) {
            listed.put(entry.id(), entry); // a duplicated id in the answer counts once
        }
        for (CatalogEntry entry : listed.values()) {
            String hash = hash(entry.json());
            CatalogItem before = stored.get(entry.id());
            if (before == null) {
                created++;
            } else if (!before.hash().equals(hash) || before.deleted()) {
                updated++;
            } else {
                unchanged++;
                continue;
            }
            writes.add(new CatalogItem(companyId, kind, entry.id(), entry.json(), hash, false, now));
        }
        for (CatalogItem before : stored.values()) {
            if (!listed.containsKey(before.id()) && !before.deleted()) {
                deleted++;
                writes.add(new CatalogItem(companyId, kind, before.id(), before.json(), before.hash(), true, now));
            }
        }
        write(writes);
        return new KindCounts(created, updated, deleted, unchanged);
    }

    /** Every stored item of one kind, deleted ones included (callers decide whether to show them). */
    public List<CatalogItem> items(long companyId, CatalogKind kind) {
        QueryRequest query = QueryRequest.builder()
                .tableName(tableName)
                .consistentRead(true)
                .keyConditionExpression("#company = :company AND begins_with(#key, :prefix)")
                .expressionAttributeNames(Map.of("#company", COMPANY_ID, "#key", ITEM_KEY))
                .expressionAttributeValues(Map.of(
                        ":company", AttributeValue.fromN(Long.toString(companyId)),
                        ":prefix", AttributeValue.fromS(kind.key() + "#")))
                .build();
        return client.queryPaginator(query).items().stream().map(item -> fromItem(companyId, kind, item)).toList();
    }

    /** The content hash the store compares: SHA-256 of the body's canonical JSON. */
    public static String hash(String json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private void write(List<CatalogItem> items) {
        for (int from = 0; from < items.size(); from += BATCH) {
            List<WriteRequest> batch = items.subList(from, Math.min(items.size(), from + BATCH)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(toItem(item)).build()).build())
                    .toList();
            Map<String, List<WriteRequest>> pending = Map.of(tableName, batch);
            // Throttled items come back as unprocessed; the SDK already retried the call, so a short loop suffices.
            for (int attempt = 0; !pending.isEmpty() && !pending.getOrDefault(tableName, List.of()).isEmpty(); attempt++) {
                if (attempt > 0) {
                    pause(attempt);
                }
                if (attempt == 8) {
                    throw new IllegalStateException("DynamoDB left " + pending.get(tableName).size() + " catalog writes unprocessed");
                }
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(1_000L, 25L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the catalog", e);
        }
    }

    private static Map<String, AttributeValue> toItem(CatalogItem item) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(COMPANY_ID, AttributeValue.fromN(Long.toString(item.companyId())));
        values.put(ITEM_KEY, AttributeValue.fromS(item.kind().itemKey(item.id())));
        values.put(KIND, AttributeValue.fromS(item.kind().key()));
        values.put(ID, AttributeValue.fromN(Long.toString(item.id())));
        values.put(BODY, AttributeValue.fromS(item.json()));
        values.put(HASH, AttributeValue.fromS(item.hash()));
        values.put(DELETED, AttributeValue.fromBool(item.deleted()));
        values.put(SYNCED_AT, AttributeValue.fromN(Long.toString(item.syncedAt().toEpochMilli())));
        return values;
    }

    private static CatalogItem fromItem(long companyId, CatalogKind kind, Map<String, AttributeValue> item) {
        return new CatalogItem(companyId, kind, Long.parseLong(item.get(ID).n()), item.get(BODY).s(), item.get(HASH).s(),
                Boolean.TRUE.equals(item.get(DELETED).bool()), Instant.ofEpochMilli(Long.parseLong(item.get(SYNCED_AT).n())));
    }
}
