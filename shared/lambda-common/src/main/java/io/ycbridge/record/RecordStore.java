package io.ycbridge.record;

import io.ycbridge.table.TableDefinitions;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The one write path for YClients records: webhook intake, sync and replay all call it, so duplicates, retries and
 * out-of-order deliveries converge on the newest version.
 *
 * <p>A write is one conditional UpdateItem that sets the whole version and adds 1 to the item's {@code revision}, the
 * store's write counter: every accepted write is newer than the one before, so the stream's consumers order versions by
 * it even within one second of {@code last_change_date}. It writes when the record is absent or the stored version
 * ({@code changed_at}, in epoch milliseconds) is older. At the same version it writes only what adds something:
 * <ul>
 *   <li>a complete version over an {@code incomplete} one, or a deletion over a live one (deletion is sticky: a
 *       "delete" may carry the completed version's change date);</li>
 *   <li>from the API ({@link #upsertFromApi}: a sync page, a read-back), a version whose content differs: two changes in
 *       one second. A webhook body that differs at the same version is refused as {@link UpsertOutcome#CONFLICT}: the
 *       caller asks the API which one is true, since deliveries come in any order;</li>
 *   <li>from the API, anything over a {@link #upsertPlaceholder placeholder}, whose version was made up.</li>
 * </ul>
 * The outcome needs no second read: ALL_OLD on success tells CREATED from UPDATED, and
 * ReturnValuesOnConditionCheckFailure=ALL_OLD on a refusal tells DUPLICATE, STALE and CONFLICT apart.
 */
public final class RecordStore {
    private static final AttributeValue TRUE = AttributeValue.fromBool(true);
    private static final AttributeValue FALSE = AttributeValue.fromBool(false);
    private static final AttributeValue ONE = AttributeValue.fromN("1");
    private static final String NEWER = "attribute_not_exists(#company) OR #changed < :changed";
    private static final String SAME = "#changed = :changed";
    private static final Condition BODY = new Condition(NEWER + " OR (" + SAME + " AND #incomplete = :true AND #deleted = :false)");
    private static final Condition BODY_DELETED = new Condition(NEWER + " OR (" + SAME + " AND (#incomplete = :true OR #deleted = :false))");
    private static final Condition INCOMPLETE = new Condition(NEWER);
    private static final Condition INCOMPLETE_DELETED =
            new Condition(NEWER + " OR (" + SAME + " AND #incomplete = :true AND #deleted = :false)");
    private static final Condition API = new Condition(NEWER + " OR #placeholder = :true OR (" + SAME
            + " AND (#incomplete = :true OR (#deleted = :false AND #content <> :content)))");
    private static final Condition API_DELETED = new Condition(NEWER + " OR #placeholder = :true OR (" + SAME
            + " AND (#incomplete = :true OR #deleted = :false OR #content <> :content))");
    private static final Condition PLACEHOLDER =
            new Condition("attribute_not_exists(#company) OR (#incomplete = :true AND #changed < :changed)");

    private final DynamoDbClient client;
    private final String tableName;

    /** @param tableName the deployed table's name, from {@code RECORDS_TABLE} */
    public RecordStore(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    /** A version as a webhook body (or a replay) tells it: it may be an old delivery, so the API arbitrates same-second differences. */
    public UpsertOutcome upsert(StoredRecord record) {
        return write(record, bodyCondition(record), false);
    }

    private static Condition bodyCondition(StoredRecord record) {
        return record.incomplete() ? (record.deleted() ? INCOMPLETE_DELETED : INCOMPLETE) : (record.deleted() ? BODY_DELETED : BODY);
    }

    /** A version just read from the API (sync, read-back): the truth as of the read, so it settles a same-second difference. */
    public UpsertOutcome upsertFromApi(StoredRecord record) {
        if (record.incomplete()) {
            return upsert(record);
        }
        return write(record, record.deleted() ? API_DELETED : API, false);
    }

    /**
     * A version made up for a delivery that carried none and that the API could not supply: stored only where nothing
     * complete is, and replaced by the first version the API gives, whatever its change date.
     */
    public UpsertOutcome upsertPlaceholder(StoredRecord record) {
        return write(record, PLACEHOLDER, true);
    }

    /**
     * Marks the stored complete version deleted, keeping its content: a "delete" delivery that carries no usable body
     * still reverses what the visit earned. The version is dated {@code arrivedAt} and marked as made up, so a version
     * delivered late from before the deletion cannot bring the visit back, while the API's real deleted version, older
     * than the arrival, still replaces it. Empty when nothing complete is stored (store a placeholder instead).
     */
    public Optional<UpsertOutcome> markDeleted(long companyId, long recordId, RecordSource source, Instant arrivedAt) {
        UpdateItemRequest request = UpdateItemRequest.builder()
                .tableName(tableName)
                .key(RecordItem.key(companyId, recordId))
                .updateExpression("SET #deleted = :true, #source = :source, #placeholder = :true, #changed = :arrived ADD #revision :one")
                .conditionExpression("attribute_exists(#company) AND #incomplete = :false AND #deleted = :false AND #changed <= :arrived")
                .expressionAttributeNames(Map.of("#company", RecordItem.COMPANY_ID, "#deleted", RecordItem.DELETED,
                        "#incomplete", RecordItem.INCOMPLETE, "#source", RecordItem.SOURCE, "#revision", RecordItem.REVISION,
                        "#placeholder", RecordItem.PLACEHOLDER, "#changed", RecordItem.CHANGED_AT))
                .expressionAttributeValues(Map.of(":true", TRUE, ":false", FALSE, ":one", ONE,
                        ":source", AttributeValue.fromS(source.name()), ":arrived", RecordItem.number(arrivedAt.toEpochMilli())))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
        try {
            client.updateItem(request);
            return Optional.of(UpsertOutcome.UPDATED);
        } catch (ConditionalCheckFailedException refused) {
            Map<String, AttributeValue> stored = refused.hasItem() && !refused.item().isEmpty() ? refused.item() : read(companyId, recordId);
            if (stored == null || stored.isEmpty() || RecordItem.boolOf(stored, RecordItem.INCOMPLETE)) {
                return Optional.empty();
            }
            // Deleted already, or a version newer than the arrival (a clock apart): nothing to add.
            return Optional.of(RecordItem.boolOf(stored, RecordItem.DELETED) ? UpsertOutcome.DUPLICATE : UpsertOutcome.STALE);
        }
    }

    private UpsertOutcome write(StoredRecord record, Condition condition, boolean placeholder) {
        // The fingerprint is worked out once, by toItem; the condition and the refusal read it from the item.
        Map<String, AttributeValue> item = RecordItem.toItem(record);
        UpdateItemRequest request = updateRequest(record, item, condition, placeholder);
        try {
            UpdateItemResponse response = client.updateItem(request);
            return response.hasAttributes() && !response.attributes().isEmpty() ? UpsertOutcome.UPDATED : UpsertOutcome.CREATED;
        } catch (ConditionalCheckFailedException refused) {
            Map<String, AttributeValue> stored = refused.hasItem() && !refused.item().isEmpty() ? refused.item() : null;
            if (stored == null) {
                // An emulator without ReturnValuesOnConditionCheckFailure: one consistent read answers the same question.
                stored = read(record.companyId(), record.recordId());
                if (stored == null || stored.isEmpty()) {
                    return write(record, condition, placeholder); // removed by hand in between: records are never deleted by the code
                }
            }
            return refusal(record, item.get(RecordItem.CONTENT).s(), stored);
        }
    }

    /** Why a version was refused, from the stored item. */
    private static UpsertOutcome refusal(StoredRecord record, String content, Map<String, AttributeValue> stored) {
        if (!RecordItem.changedAt(stored).equals(record.changedAt())) {
            // Newer stored, or an older one that is complete where the refused version was a placeholder: either way
            // what is stored is better.
            return UpsertOutcome.STALE;
        }
        boolean differs = !record.incomplete() && !record.deleted() && !RecordItem.boolOf(stored, RecordItem.INCOMPLETE) && !RecordItem.boolOf(stored, RecordItem.DELETED)
                && stored.containsKey(RecordItem.CONTENT) && !stored.get(RecordItem.CONTENT).s().equals(content);
        return differs ? UpsertOutcome.CONFLICT : UpsertOutcome.DUPLICATE;
    }

    private Map<String, AttributeValue> read(long companyId, long recordId) {
        return client.getItem(get -> get.tableName(tableName).consistentRead(true).key(RecordItem.key(companyId, recordId))).item();
    }

    /** The stored version, read consistently (a caller deciding on it must not see an older one). */
    public Optional<StoredRecord> get(long companyId, long recordId) {
        Map<String, AttributeValue> item = client.getItem(get -> get.tableName(tableName).consistentRead(true)
                .key(RecordItem.key(companyId, recordId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(RecordItem.fromItem(item));
    }

    /**
     * The stored version with its write counter, read consistently: what the stream's last image of the record was.
     * Empty when nothing is stored (never written, or removed by hand).
     */
    public Optional<StoredRevision> revision(long companyId, long recordId) {
        Map<String, AttributeValue> item = read(companyId, recordId);
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(new StoredRevision(RecordItem.fromItem(item), RecordItem.revision(item)));
    }

    /**
     * A company's records whose version lies in {@code [from, to)}, oldest first, read page by page as the stream is
     * consumed (for replay). The index is eventually consistent: a write of the last second may be missing.
     */
    public Stream<StoredRecord> changedBetween(long companyId, Instant from, Instant to) {
        return changeQuery(companyId, from, to, false).map(RecordItem::fromItem);
    }

    /**
     * The ids of a company's records whose version ({@code changed_at}, YClients' change time, not the time it was
     * stored) lies in {@code [from, to)}, oldest first; only the keys are read. Eventually consistent like
     * {@link #changedBetween}: read each with {@link #revision} before deciding on it.
     */
    public Stream<Long> idsChangedBetween(long companyId, Instant from, Instant to) {
        return changeQuery(companyId, from, to, true).map(item -> Long.parseLong(item.get(RecordItem.RECORD_ID).n()));
    }

    private Stream<Map<String, AttributeValue>> changeQuery(long companyId, Instant from, Instant to, boolean keysOnly) {
        if (!from.isBefore(to)) {
            return Stream.empty();
        }
        Map<String, String> names = new HashMap<>(Map.of("#company", RecordItem.COMPANY_ID, "#changed", RecordItem.CHANGED_AT));
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(tableName)
                .indexName(TableDefinitions.RECORDS_BY_CHANGE_INDEX)
                .keyConditionExpression("#company = :company AND #changed BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(
                        ":company", RecordItem.number(companyId),
                        ":from", RecordItem.number(from.toEpochMilli()),
                        ":to", RecordItem.number(to.toEpochMilli() - 1)));
        if (keysOnly) {
            names.put("#record", RecordItem.RECORD_ID);
            query.projectionExpression("#record");
        }
        return client.queryPaginator(query.expressionAttributeNames(names).build()).items().stream();
    }

    /** Versions from the API written a hundred to a request, on the same table. */
    public RecordBatchWrites batchWrites() {
        return new RecordBatchWrites(client, this);
    }

    /** The exact request {@link #upsertFromApi} sends, for {@link RecordBatchWrites} to send many of in one transaction. */
    UpdateItemRequest apiRequest(StoredRecord record) {
        Condition condition = record.incomplete() ? bodyCondition(record) : record.deleted() ? API_DELETED : API;
        return updateRequest(record, RecordItem.toItem(record), condition, false);
    }

    /** The exact request {@link #upsert} sends; the benchmark compares it with a hand-written write of the same item. */
    public UpdateItemRequest updateRequest(StoredRecord record) {
        return updateRequest(record, RecordItem.toItem(record), bodyCondition(record), false);
    }

    private UpdateItemRequest updateRequest(StoredRecord record, Map<String, AttributeValue> item, Condition condition, boolean placeholder) {
        if (placeholder) {
            item = new HashMap<>(item);
            item.put(RecordItem.PLACEHOLDER, TRUE);
        }
        Map<String, String> names = new HashMap<>(condition.names());
        Map<String, AttributeValue> values = new HashMap<>(condition.values(record, item.get(RecordItem.CONTENT)));
        StringBuilder set = new StringBuilder(400).append("SET ");
        int n = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            if (attribute.getKey().equals(RecordItem.COMPANY_ID) || attribute.getKey().equals(RecordItem.RECORD_ID)) {
                continue;
            }
            String name = "#a" + n;
            String value = ":a" + n;
            n++;
            names.put(name, attribute.getKey());
            values.put(value, attribute.getValue());
            set.append(n == 1 ? "" : ", ").append(name).append(" = ").append(value);
        }
        StringBuilder remove = new StringBuilder();
        int removed = 0;
        for (String optional : RecordItem.OPTIONAL) {
            if (!item.containsKey(optional)) {
                String name = "#r" + removed++;
                names.put(name, optional);
                remove.append(remove.isEmpty() ? " REMOVE " : ", ").append(name);
            }
        }
        names.put("#revision", RecordItem.REVISION);
        values.put(":one", ONE);
        return UpdateItemRequest.builder()
                .tableName(tableName)
                .key(RecordItem.key(record.companyId(), record.recordId()))
                .updateExpression(set + remove.toString() + " ADD #revision :one")
                .conditionExpression(condition.expression())
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_OLD)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    /** A condition expression with exactly the names and values it uses (DynamoDB rejects unused ones). */
    private record Condition(String expression) {
        private static final Map<String, String> NAMES = Map.of("#company", RecordItem.COMPANY_ID, "#changed", RecordItem.CHANGED_AT,
                "#incomplete", RecordItem.INCOMPLETE, "#deleted", RecordItem.DELETED, "#content", RecordItem.CONTENT,
                "#placeholder", RecordItem.PLACEHOLDER);

        Map<String, String> names() {
            Map<String, String> used = new HashMap<>();
            NAMES.forEach((name, attribute) -> {
                if (expression.contains(name)) {
                    used.put(name, attribute);
                }
            });
            return used;
        }

        Map<String, AttributeValue> values(StoredRecord record, AttributeValue content) {
            Map<String, AttributeValue> values = new HashMap<>(4);
            if (expression.contains(":content")) {
                values.put(":content", content);
            }
            values.put(":changed", RecordItem.number(record.changedAt().toEpochMilli()));
            if (expression.contains(":true")) {
                values.put(":true", TRUE);
            }
            if (expression.contains(":false")) {
                values.put(":false", FALSE);
            }
            return values;
        }
    }
}
