package io.ycbridge.app.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * BookingsTable: under {@code USER#<sub>}, what became of each {@code Idempotency-Key} ({@code KEY#<key>}) and, per
 * visit booked in the app, the hash YClients gave for it ({@code VISIT#<company>#<record>}). Every change of a key's
 * state is conditional on the state read, so two requests with one key never both book.
 */
public final class BookingStore {
    /** How long a key is remembered: a client retrying the same booking a day later means a new one. */
    static final Duration KEY_LIFETIME = Duration.ofHours(24);
    static final String USER_KEY = "user_key";
    static final String ITEM_KEY = "item_key";
    private static final String STATE = "state";
    private static final String FINGERPRINT = "fingerprint";
    private static final String BOOKING_ID = "booking_id";
    private static final String COMPANY_ID = "company_id";
    private static final String STARTED_AT = "started_at";
    private static final String UPDATED_AT = "updated_at";
    private static final String ANSWER = "answer";
    private static final String EXPIRES_AT = "expires_at";
    private static final String RECORD_HASH = "record_hash";
    private static final String BOOKED_AT = "booked_at";

    private final DynamoDbClient client;
    private final String table;

    /** @param table the deployed table's name, from {@code BOOKINGS_TABLE} */
    public BookingStore(DynamoDbClient client, String table) {
        this.client = Objects.requireNonNull(client, "client");
        this.table = Objects.requireNonNull(table, "table");
    }

    /** Where a key's booking stands. */
    public enum State {
        /** A request is booking now (or died while it did: {@link KeyClaim#updatedAt} says how long ago). */
        PENDING,
        /** The form confirms phones: the SMS code was sent, the booking waits for it. */
        CODE_SENT,
        /** book_record failed in a way that may still have booked: look for the booking before booking again. */
        UNCERTAIN,
        /** Booked: {@link KeyClaim#answer} is what the request answered. */
        BOOKED
    }

    /** A key as stored. {@code answer} is the JSON of the 201, only when {@link State#BOOKED}. */
    public record KeyClaim(String key, State state, String fingerprint, String bookingId, long companyId, Instant startedAt,
                           Instant updatedAt, String answer) {
    }

    /**
     * Claims a new key for a booking about to start.
     *
     * @return empty when claimed; the key as stored when it was already there
     */
    public Optional<KeyClaim> claim(String userId, String key, String fingerprint, String bookingId, long companyId, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(keyOf(userId, key));
        item.put(STATE, AttributeValue.fromS(State.PENDING.name()));
        item.put(FINGERPRINT, AttributeValue.fromS(fingerprint));
        item.put(BOOKING_ID, AttributeValue.fromS(bookingId));
        item.put(COMPANY_ID, number(companyId));
        item.put(STARTED_AT, number(now.toEpochMilli()));
        item.put(UPDATED_AT, number(now.toEpochMilli()));
        item.put(EXPIRES_AT, number(now.plus(KEY_LIFETIME).getEpochSecond()));
        try {
            client.putItem(put -> put.tableName(table).item(item).conditionExpression("attribute_not_exists(#user)")
                    .expressionAttributeNames(Map.of("#user", USER_KEY)));
            return Optional.empty();
        } catch (ConditionalCheckFailedException taken) {
            return Optional.of(find(userId, key).orElseThrow(() -> new IllegalStateException("a claimed key vanished")));
        }
    }

    public Optional<KeyClaim> find(String userId, String key) {
        Map<String, AttributeValue> item = client.getItem(get -> get.tableName(table).consistentRead(true).key(keyOf(userId, key))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new KeyClaim(key, State.valueOf(item.get(STATE).s()), item.get(FINGERPRINT).s(), item.get(BOOKING_ID).s(),
                Long.parseLong(item.get(COMPANY_ID).n()), instant(item, STARTED_AT), instant(item, UPDATED_AT),
                item.containsKey(ANSWER) ? item.get(ANSWER).s() : null));
    }

    /**
     * Moves a key on from the state it was read in; {@code answer} only with {@link State#BOOKED}.
     *
     * @return the key as it now stands, or empty when another request moved it first: its outcome, not this one, is the key's
     */
    public Optional<KeyClaim> move(String userId, KeyClaim seen, State next, String answer, Instant now) {
        // A move within the millisecond of the one before still changes updated_at, so the next conditional write sees it.
        Instant at = now.isAfter(seen.updatedAt()) ? now : seen.updatedAt().plusMillis(1);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":next", AttributeValue.fromS(next.name()));
        values.put(":now", number(at.toEpochMilli()));
        values.put(":seenState", AttributeValue.fromS(seen.state().name()));
        values.put(":seenAt", number(seen.updatedAt().toEpochMilli()));
        String update = "SET #state = :next, #updated = :now";
        Map<String, String> names = new HashMap<>(Map.of("#state", STATE, "#updated", UPDATED_AT));
        if (answer != null) {
            update += ", #answer = :answer";
            names.put("#answer", ANSWER);
            values.put(":answer", AttributeValue.fromS(answer));
        }
        String expression = update;
        try {
            client.updateItem(request -> request.tableName(table).key(keyOf(userId, seen.key())).updateExpression(expression)
                    .conditionExpression("#state = :seenState AND #updated = :seenAt")
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            return Optional.of(new KeyClaim(seen.key(), next, seen.fingerprint(), seen.bookingId(), seen.companyId(), seen.startedAt(), at,
                    answer));
        } catch (ConditionalCheckFailedException moved) {
            return Optional.empty();
        }
    }

    /** Forgets a key whose booking was refused for certain, so a retry with it is a fresh attempt. */
    public void release(String userId, KeyClaim seen) {
        try {
            client.deleteItem(delete -> delete.tableName(table).key(keyOf(userId, seen.key()))
                    .conditionExpression("#state = :seenState AND #updated = :seenAt")
                    .expressionAttributeNames(Map.of("#state", STATE, "#updated", UPDATED_AT))
                    .expressionAttributeValues(Map.of(":seenState", AttributeValue.fromS(seen.state().name()),
                            ":seenAt", number(seen.updatedAt().toEpochMilli()))));
        } catch (ConditionalCheckFailedException moved) {
            // another request holds it now; its outcome stands
        }
    }

    /** A visit booked in the app: the hash that lets its user cancel or move it. Kept as long as the user is. */
    public record BookedVisit(long companyId, long recordId, String recordHash, String bookingId, Instant bookedAt) {
        @Override
        public String toString() {
            return "BookedVisit[" + companyId + "/" + recordId + ", booking " + bookingId + "]";
        }
    }

    public void putVisit(String userId, BookedVisit visit) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(USER_KEY, AttributeValue.fromS(userKey(userId)));
        item.put(ITEM_KEY, AttributeValue.fromS(visitKey(visit.companyId(), visit.recordId())));
        item.put(RECORD_HASH, AttributeValue.fromS(visit.recordHash()));
        item.put(BOOKING_ID, AttributeValue.fromS(visit.bookingId()));
        item.put(BOOKED_AT, number(visit.bookedAt().toEpochMilli()));
        client.putItem(put -> put.tableName(table).item(item));
    }

    public Optional<BookedVisit> visit(String userId, long companyId, long recordId) {
        Map<String, AttributeValue> item = client.getItem(get -> get.tableName(table).key(Map.of(
                USER_KEY, AttributeValue.fromS(userKey(userId)), ITEM_KEY, AttributeValue.fromS(visitKey(companyId, recordId))))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BookedVisit(companyId, recordId, item.get(RECORD_HASH).s(), item.get(BOOKING_ID).s(),
                instant(item, BOOKED_AT)));
    }

    /** Account deletion: every key and visit hash of the user, one Query and batch of deletes away. */
    public void deleteUser(String userId) {
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = client.query(query -> query.tableName(table).keyConditionExpression("#user = :user")
                    .expressionAttributeNames(Map.of("#user", USER_KEY))
                    .expressionAttributeValues(Map.of(":user", AttributeValue.fromS(userKey(userId))))
                    .projectionExpression("#user, " + ITEM_KEY).exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                client.deleteItem(delete -> delete.tableName(table).key(Map.of(USER_KEY, item.get(USER_KEY), ITEM_KEY, item.get(ITEM_KEY))));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    private static Map<String, AttributeValue> keyOf(String userId, String key) {
        return Map.of(USER_KEY, AttributeValue.fromS(userKey(userId)), ITEM_KEY, AttributeValue.fromS("KEY#" + key));
    }

    private static String userKey(String userId) {
        return "USER#" + userId;
    }

    private static String visitKey(long companyId, long recordId) {
        return "VISIT#" + companyId + "#" + recordId;
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        return Instant.ofEpochMilli(Long.parseLong(item.get(name).n()));
    }
}
