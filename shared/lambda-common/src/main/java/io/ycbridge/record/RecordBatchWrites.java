package io.ycbridge.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Versions read from the API, written a hundred to a request: each is exactly the conditional update
 * {@link RecordStore#upsertFromApi} sends, grouped in one {@code TransactWriteItems}, so a back-fill of 10,000 records
 * costs about a hundred write requests instead of 10,000. A transaction takes up to 100 actions, no two on one item,
 * 4 MB in all (API reference, API_TransactWriteItems.html); its updates need the same {@code dynamodb:UpdateItem}
 * permission as single ones (developer guide, transaction-apis-iam.html), so the function's grant is unchanged. Each
 * item still produces its own stream record, so accrual sees no difference. The price: a transactional write costs two
 * write units instead of one, which for a back-fill of 10,000 records is 10,000 units more, once.
 *
 * <p>A transaction is all or nothing: when one condition is refused (a webhook stored a newer version meanwhile) or
 * another write raced it, the whole group is written again one by one, and each record gets its exact outcome. The
 * group's writes are idempotent, so nothing is lost or doubled either way.
 */
public final class RecordBatchWrites {
    static final int MAX_ACTIONS = 100;

    private final DynamoDbClient client;
    private final RecordStore records;

    RecordBatchWrites(DynamoDbClient client, RecordStore records) {
        this.client = Objects.requireNonNull(client, "client");
        this.records = Objects.requireNonNull(records, "records");
    }

    /**
     * @param storedBefore the ids of these records that were stored before (as a version read found them): a
     *                     transaction that went through reports them UPDATED and the others CREATED
     * @return one outcome per record, in order
     */
    public List<UpsertOutcome> upsertAllFromApi(List<StoredRecord> versions, Set<Long> storedBefore) {
        List<UpsertOutcome> outcomes = new ArrayList<>(versions.size());
        for (int from = 0; from < versions.size(); from += MAX_ACTIONS) {
            outcomes.addAll(group(versions.subList(from, Math.min(versions.size(), from + MAX_ACTIONS)), storedBefore));
        }
        return outcomes;
    }

    private List<UpsertOutcome> group(List<StoredRecord> group, Set<Long> storedBefore) {
        if (group.size() == 1 || !distinct(group)) {
            // One action needs no transaction; two of one item cannot share one.
            return group.stream().map(records::upsertFromApi).toList();
        }
        List<TransactWriteItem> actions = new ArrayList<>(group.size());
        for (StoredRecord version : group) {
            actions.add(TransactWriteItem.builder().update(update(records.apiRequest(version))).build());
        }
        try {
            client.transactWriteItems(write -> write.transactItems(actions));
        } catch (TransactionCanceledException refused) {
            return group.stream().map(records::upsertFromApi).toList();
        }
        return group.stream().map(version -> storedBefore.contains(version.recordId()) ? UpsertOutcome.UPDATED : UpsertOutcome.CREATED).toList();
    }

    private static boolean distinct(List<StoredRecord> group) {
        return group.stream().map(version -> version.companyId() + "/" + version.recordId()).distinct().count() == group.size();
    }

    private static Update update(UpdateItemRequest single) {
        return Update.builder()
                .tableName(single.tableName())
                .key(single.key())
                .updateExpression(single.updateExpression())
                .conditionExpression(single.conditionExpression())
                .expressionAttributeNames(single.expressionAttributeNames())
                .expressionAttributeValues(single.expressionAttributeValues())
                .build();
    }
}
