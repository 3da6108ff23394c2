package io.ycbridge.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * PushTable (TableDefinitions.PUSH): the devices under their user and, under the device, who owns it; a marker per
 * event and device pushed; the pushes held for the end of quiet hours. A device and its owner are written in one
 * transaction, so a token that changes hands is never the device of two users.
 */
public final class PushStore {
    /** How long a push's marker is kept: EventBridge retries a target for up to a day, a held push waits a night. */
    static final Duration MARKER_LIFETIME = Duration.ofDays(7);
    private static final String KEY = "push_key";
    private static final String ITEM = "item_key";
    private static final String OWNER = "OWNER";
    private static final String DEVICE = "DEVICE#";
    private static final String HELD = "HELD";

    private final DynamoDbClient client;
    private final String table;
    private final ObjectMapper json;

    public PushStore(DynamoDbClient client, String table, ObjectMapper json) {
        this.client = client;
        this.table = table;
        this.json = json;
    }

    /** The device by its id, whoever owns it. */
    public Optional<Device> device(String deviceId) {
        Map<String, AttributeValue> item = client.getItem(get -> get.tableName(table).consistentRead(true)
                .key(key(DEVICE + deviceId, OWNER))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(device(deviceId, item));
    }

    public List<Device> devicesOf(String userId) {
        List<Device> devices = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = client.query(query -> query.tableName(table)
                    .keyConditionExpression("#k = :user AND begins_with(#i, :device)")
                    .expressionAttributeNames(Map.of("#k", KEY, "#i", ITEM))
                    .expressionAttributeValues(Map.of(":user", s(user(userId)), ":device", s(DEVICE)))
                    .exclusiveStartKey(from));
            page.items().forEach(item -> devices.add(device(item.get(ITEM).s().substring(DEVICE.length()), item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return devices;
    }

    /** Saves the device as its user's; a previous owner's entry of it goes in the same transaction. */
    public void save(Device device, Optional<Device> previous) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(put -> put.tableName(table).item(item(device, DEVICE + device.id(), OWNER))).build());
        writes.add(TransactWriteItem.builder().put(put -> put.tableName(table).item(item(device, user(device.userId()), DEVICE + device.id()))).build());
        previous.filter(before -> !before.userId().equals(device.userId())).ifPresent(before -> writes.add(TransactWriteItem.builder()
                .delete(delete -> delete.tableName(table).key(key(user(before.userId()), DEVICE + before.id()))).build()));
        client.transactWriteItems(write -> write.transactItems(writes));
    }

    public void remove(Device device) {
        client.transactWriteItems(write -> write.transactItems(
                TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(key(DEVICE + device.id(), OWNER))).build(),
                TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(key(user(device.userId()), DEVICE + device.id()))).build()));
    }

    /** SNS disabled the endpoint: no more pushes to it until the app registers the token again. */
    public void disable(Device device) {
        save(device.disabled(), Optional.empty());
    }

    /** Marks the event as pushed to the device, once: false when it was already. */
    public boolean markSent(String eventId, String deviceId, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key("SENT#" + eventId, DEVICE + deviceId));
        item.put("expires_at", n(now.plus(MARKER_LIFETIME).getEpochSecond()));
        try {
            client.putItem(put -> put.tableName(table).item(item).conditionExpression("attribute_not_exists(#k)")
                    .expressionAttributeNames(Map.of("#k", KEY)));
            return true;
        } catch (ConditionalCheckFailedException given) {
            return false;
        }
    }

    /** The push did not go: the next try may send it. */
    public void unmarkSent(String eventId, String deviceId) {
        client.deleteItem(delete -> delete.tableName(table).key(key("SENT#" + eventId, DEVICE + deviceId)));
    }

    public void hold(HeldPush push) {
        Map<String, AttributeValue> item = new HashMap<>(key(HELD, heldKey(push)));
        item.put("type", s(push.type()));
        item.put("detail", s(push.detail().toString()));
        item.put("expires_at", n(push.releaseAt().plus(MARKER_LIFETIME).getEpochSecond()));
        client.putItem(put -> put.tableName(table).item(item));
    }

    /** The held pushes whose time has come, oldest first, at most {@code limit}. */
    public List<HeldPush> due(Instant now, int limit) {
        QueryResponse page = client.query(query -> query.tableName(table).consistentRead(true)
                .keyConditionExpression("#k = :held AND #i <= :now")
                .expressionAttributeNames(Map.of("#k", KEY, "#i", ITEM))
                .expressionAttributeValues(Map.of(":held", s(HELD), ":now", s(String.format("%013d~", now.toEpochMilli()))))
                .limit(limit));
        List<HeldPush> due = new ArrayList<>();
        for (Map<String, AttributeValue> item : page.items()) {
            String sort = item.get(ITEM).s();
            int hash = sort.indexOf('#');
            try {
                due.add(new HeldPush(Instant.ofEpochMilli(Long.parseLong(sort.substring(0, hash))), sort.substring(hash + 1),
                        item.get("type").s(), json.readTree(item.get("detail").s())));
            } catch (IOException e) {
                throw new UncheckedIOException("a held push's detail is not JSON", e);
            }
        }
        return due;
    }

    public void release(HeldPush push) {
        client.deleteItem(delete -> delete.tableName(table).key(key(HELD, heldKey(push))));
    }

    private static String heldKey(HeldPush push) {
        // Zero-padded so the sort key orders by time as text does.
        return String.format("%013d#%s", push.releaseAt().toEpochMilli(), push.eventId());
    }

    private static Map<String, AttributeValue> item(Device device, String partition, String sort) {
        Map<String, AttributeValue> item = new HashMap<>(key(partition, sort));
        item.put("user_id", s(device.userId()));
        item.put("platform", s(device.platform().wire()));
        item.put("endpoint_arn", s(device.endpointArn()));
        item.put("locale", s(device.locale()));
        item.put("enabled", AttributeValue.fromBool(device.enabled()));
        item.put("updated_at", n(device.updatedAt().toEpochMilli()));
        return item;
    }

    private static Device device(String id, Map<String, AttributeValue> item) {
        return new Device(id, item.get("user_id").s(), Platform.of(item.get("platform").s()).orElseThrow(), item.get("endpoint_arn").s(),
                item.get("locale").s(), item.get("enabled").bool(), Instant.ofEpochMilli(Long.parseLong(item.get("updated_at").n())));
    }

    private static String user(String userId) {
        return "USER#" + userId;
    }

    private static Map<String, AttributeValue> key(String partition, String sort) {
        return Map.of(KEY, s(partition), ITEM, s(sort));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
