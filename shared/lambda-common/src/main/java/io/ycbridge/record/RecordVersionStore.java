package io.ycbridge.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads only the version of many stored records at once, so a sync page can leave out records already stored at
 * that version: a refused conditional put still costs a write unit, and a repeat sync would spend one per record in
 * its overlap window. Writes stay with {@link RecordStore#upsert}, which decides again under its condition; this is
 * only a filter, and {@link StoredVersion#covers} errs towards calling it.
 */
public final class RecordVersionStore {
    private static final int BATCH = 100;
    private final DynamoDbClient client;
    private final String tableName;

    public RecordVersionStore(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    /** The stored versions of those of {@code recordIds} that exist, read consistently. */
    public Map<Long, StoredVersion> versions(long companyId, Collection<Long> recordIds) {
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(recordIds));
        Map<Long, StoredVersion> versions = new HashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + BATCH)).stream()
                    .map(id -> RecordItem.key(companyId, id)).toList();
            Map<String, KeysAndAttributes> pending = Map.of(tableName, KeysAndAttributes.builder()
                    .keys(keys)
                    .consistentRead(true)
                    .projectionExpression("#record, #changed, #deleted, #incomplete, #content, #placeholder")
                    .expressionAttributeNames(Map.of("#record", RecordItem.RECORD_ID, "#changed", RecordItem.CHANGED_AT,
                            "#deleted", RecordItem.DELETED, "#incomplete", RecordItem.INCOMPLETE, "#content", RecordItem.CONTENT,
                            "#placeholder", RecordItem.PLACEHOLDER))
                    .build());
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt == 8) {
                    throw new IllegalStateException("DynamoDB left record versions unread after 8 attempts");
                }
                Map<String, KeysAndAttributes> request = pending;
                BatchGetItemResponse response = client.batchGetItem(get -> get.requestItems(request));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(tableName, List.of())) {
                    versions.put(Long.parseLong(item.get(RecordItem.RECORD_ID).n()), new StoredVersion(
                            Instant.ofEpochMilli(Long.parseLong(item.get(RecordItem.CHANGED_AT).n())),
                            RecordItem.boolOf(item, RecordItem.DELETED), RecordItem.boolOf(item, RecordItem.INCOMPLETE) || RecordItem.boolOf(item, RecordItem.PLACEHOLDER),
                            item.containsKey(RecordItem.CONTENT) ? item.get(RecordItem.CONTENT).s() : null));
                }
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return versions;
    }

    /**
     * What decides whether an upsert from the API would write: the version, the flags a same-version write may add and
     * the content fingerprint. {@code incomplete} also stands for a placeholder, which any API version replaces.
     */
    public record StoredVersion(Instant changedAt, boolean deleted, boolean incomplete, String content) {
        /**
         * Whether {@code record}, read from the API, would certainly be refused by {@link RecordStore#upsertFromApi}: the
         * stored version is newer, or the same, complete, not missing a deletion the new one carries, and saying the same.
         */
        public boolean covers(StoredRecord record) {
            if (incomplete) {
                return false;
            }
            if (changedAt.isAfter(record.changedAt())) {
                return true;
            }
            if (!changedAt.equals(record.changedAt())) {
                return false;
            }
            boolean same = RecordContent.fingerprint(record).equals(content);
            return record.deleted() ? deleted && same : deleted || same;
        }
    }
}
