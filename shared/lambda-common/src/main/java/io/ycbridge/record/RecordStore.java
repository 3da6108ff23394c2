package io.ycbridge.record;

import io.ycbridge.table.TableDefinitions;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The one write path for YClients records: webhook intake, sync and replay all call {@link #upsert}, so duplicates,
 * retries and out-of-order deliveries converge on the newest version.
 *
 * <p>An upsert is one conditional PutItem. It writes when the record is absent or the stored version
 * ({@code changed_at}, YClients' {@code last_change_date} in epoch milliseconds) is older. At the same version it
 * writes only to add what was missing: a complete body over an {@code incomplete} one, or a deletion over a live
 * one (deletion is sticky: a webhook's "delete" may carry an unchanged change date). Everything else is a no-op. The
 * outcome needs no second read: ALL_OLD on success tells CREATED from UPDATED, and
 * ReturnValuesOnConditionCheckFailure=ALL_OLD on a refusal tells DUPLICATE from STALE.
 */
public final class RecordStore {
    private static final AttributeValue TRUE = AttributeValue.fromBool(true);
    private static final AttributeValue FALSE = AttributeValue.fromBool(false);
    private static final String NEWER = "attribute_not_exists(#company) OR #changed < :changed";
    // At the same version, what the new body adds decides; the condition reads the stored item's flags.
    private static final Condition IF_NEWER = new Condition(NEWER, false, false);
    private static final Condition IF_NEWER_OR_COMPLETES =
            new Condition(NEWER + " OR (#changed = :changed AND #incomplete = :true AND #deleted = :false)", true, true);
    private static final Condition IF_NEWER_OR_COMPLETES_OR_DELETES =
            new Condition(NEWER + " OR (#changed = :changed AND (#incomplete = :true OR #deleted = :false))", true, true);
    private static final Condition IF_NEWER_OR_DELETES =
            new Condition(NEWER + " OR (#changed = :changed AND #deleted = :false)", false, true);

    private final DynamoDbClient client;
    private final String tableName;

    /** @param tableName the deployed table's name, from {@code RECORDS_TABLE} */
    public RecordStore(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    public UpsertOutcome upsert(StoredRecord record) {
        PutItemRequest request = putRequest(record);
        try {
            PutItemResponse response = client.putItem(request);
            return response.hasAttributes() && !response.attributes().isEmpty() ? UpsertOutcome.UPDATED : UpsertOutcome.CREATED;
        } catch (ConditionalCheckFailedException refused) {
            Map<String, AttributeValue> stored = refused.hasItem() ? refused.item() : null;
            if (stored == null || stored.isEmpty()) {
                // An emulator without ReturnValuesOnConditionCheckFailure: one consistent read answers the same question.
                stored = client.getItem(get -> get.tableName(tableName).consistentRead(true)
                        .key(RecordItem.key(record.companyId(), record.recordId()))).item();
                if (stored == null || stored.isEmpty()) {
                    return upsert(record); // removed by hand in between: records are never deleted by the code
                }
            }
            Instant storedVersion = RecordItem.changedAt(stored);
            return storedVersion.isAfter(record.changedAt()) ? UpsertOutcome.STALE : UpsertOutcome.DUPLICATE;
        }
    }

    /** The stored version, read consistently (a caller deciding on it must not see an older one). */
    public Optional<StoredRecord> get(long companyId, long recordId) {
        Map<String, AttributeValue> item = client.getItem(get -> get.tableName(tableName).consistentRead(true)
                .key(RecordItem.key(companyId, recordId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(RecordItem.fromItem(item));
    }

    /**
     * A company's records whose version lies in {@code [from, to)}, oldest first, read page by page as the stream is
     * consumed (for replay). The index is eventually consistent: a write of the last second may be missing.
     */
    public Stream<StoredRecord> changedBetween(long companyId, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return Stream.empty();
        }
        QueryRequest query = QueryRequest.builder()
                .tableName(tableName)
                .indexName(TableDefinitions.RECORDS_BY_CHANGE_INDEX)
                .keyConditionExpression("#company = :company AND #changed BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#company", RecordItem.COMPANY_ID, "#changed", RecordItem.CHANGED_AT))
                .expressionAttributeValues(Map.of(
                        ":company", RecordItem.number(companyId),
                        ":from", RecordItem.number(from.toEpochMilli()),
                        ":to", RecordItem.number(to.toEpochMilli() - 1)))
                .build();
        return client.queryPaginator(query).items().stream().map(RecordItem::fromItem);
    }

    /** The exact request {@link #upsert} sends; the benchmark compares it with a hand-written PutItem. */
    public PutItemRequest putRequest(StoredRecord record) {
        Condition condition = record.incomplete()
                ? (record.deleted() ? IF_NEWER_OR_DELETES : IF_NEWER)
                : (record.deleted() ? IF_NEWER_OR_COMPLETES_OR_DELETES : IF_NEWER_OR_COMPLETES);
        return PutItemRequest.builder()
                .tableName(tableName)
                .item(RecordItem.toItem(record))
                .conditionExpression(condition.expression())
                .expressionAttributeNames(condition.names())
                .expressionAttributeValues(condition.values(RecordItem.number(record.changedAt().toEpochMilli())))
                .returnValues(ReturnValue.ALL_OLD)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    /** A condition expression with exactly the names and values it uses (DynamoDB rejects unused ones). */
    private record Condition(String expression, Map<String, String> names, boolean readsIncomplete, boolean readsDeleted) {
        Condition(String expression, boolean readsIncomplete, boolean readsDeleted) {
            this(expression, names(readsIncomplete, readsDeleted), readsIncomplete, readsDeleted);
        }

        private static Map<String, String> names(boolean readsIncomplete, boolean readsDeleted) {
            Map<String, String> names = new java.util.HashMap<>();
            names.put("#company", RecordItem.COMPANY_ID);
            names.put("#changed", RecordItem.CHANGED_AT);
            if (readsIncomplete) {
                names.put("#incomplete", RecordItem.INCOMPLETE);
            }
            if (readsDeleted) {
                names.put("#deleted", RecordItem.DELETED);
            }
            return Map.copyOf(names);
        }

        Map<String, AttributeValue> values(AttributeValue changed) {
            Map<String, AttributeValue> values = new java.util.HashMap<>(4);
            values.put(":changed", changed);
            if (readsIncomplete) {
                values.put(":true", TRUE);
            }
            if (readsDeleted) {
                values.put(":false", FALSE);
            }
            return values;
        }
    }
}
