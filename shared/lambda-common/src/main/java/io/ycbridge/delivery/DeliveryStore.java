package io.ycbridge.delivery;

import io.ycbridge.table.TableDefinitions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Processed deliveries, for dedupe where no natural key exists (compare Powertools' idempotency store): one
 * conditional PutItem per delivery; the first writer wins and everyone after sees DUPLICATE until the entry expires.
 *
 * <p>{@code expires_at} is the table's TTL attribute, in epoch seconds as DynamoDB's TTL requires. DynamoDB deletes
 * expired items only eventually (typically within days), so the condition also treats an expired, not yet deleted
 * entry as absent: retention is exactly what the caller asked for.
 */
public final class DeliveryStore {
    public static final String KEY = TableDefinitions.DELIVERIES.partitionKey().name();
    public static final String EXPIRES_AT = TableDefinitions.DELIVERIES.ttlAttribute();
    public static final String FIRST_SEEN_AT = "first_seen_at";

    private final DynamoDbClient client;
    private final String tableName;
    private final Clock clock;

    /** @param tableName from {@code DELIVERIES_TABLE} */
    public DeliveryStore(DynamoDbClient client, String tableName, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records the delivery as seen for {@code retention}, unless it already is. */
    public DeliveryOutcome markSeen(DeliveryKey key, Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, got " + retention);
        }
        Instant now = clock.instant();
        long expiresAt = now.plus(retention).getEpochSecond();
        try {
            client.putItem(put -> put.tableName(tableName)
                    .item(Map.of(
                            KEY, AttributeValue.fromS(key.value()),
                            EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt)),
                            FIRST_SEEN_AT, AttributeValue.fromN(Long.toString(now.toEpochMilli()))))
                    .conditionExpression("attribute_not_exists(#key) OR #expires <= :now")
                    .expressionAttributeNames(Map.of("#key", KEY, "#expires", EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())))));
            return DeliveryOutcome.FIRST_SEEN;
        } catch (ConditionalCheckFailedException seen) {
            return DeliveryOutcome.DUPLICATE;
        }
    }

    /**
     * Forgets a delivery, so its retry is processed: for a caller whose processing failed after
     * {@link #markSeen} said FIRST_SEEN.
     */
    public void forget(DeliveryKey key) {
        client.deleteItem(delete -> delete.tableName(tableName).key(Map.of(KEY, AttributeValue.fromS(key.value()))));
    }
}
