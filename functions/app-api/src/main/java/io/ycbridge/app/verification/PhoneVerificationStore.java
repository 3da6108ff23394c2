package io.ycbridge.app.verification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * PhoneVerificationsTable: the SMS codes a user asked for, what became of each, and the counters that limit sends and
 * wrong codes. Written by the phone-verification route (app-api); read (and a proof used up) by {@code PUT /v1/me/profile};
 * a user's items deleted by {@code DELETE /v1/me}. Shared by two functions, so it lives here.
 *
 * <p>A code item holds the code's salted hash, never the code, keyed by user and phone: a code sent to one user proves
 * nothing for another, whatever phone they name. Every change of state is one conditional write on the state the
 * caller read, so two requests racing on one code cannot both count as the one right answer.
 */
public final class PhoneVerificationStore {
    static final String KEY = "verification_key";
    static final String ITEM = "item_key";
    static final String SALT = "salt";
    static final String HASH = "code_hash";
    static final String ATTEMPTS_LEFT = "attempts_left";
    static final String STATE = "state";
    static final String EXPIRES_AT = "expires_at";
    static final String COUNT = "count";

    private final DynamoDbClient client;
    private final String table;

    /** @param table the deployed table's name, from {@code PHONE_VERIFICATIONS_TABLE} */
    public PhoneVerificationStore(DynamoDbClient client, String table) {
        this.client = Objects.requireNonNull(client, "client");
        this.table = Objects.requireNonNull(table, "table");
    }

    /** What became of a code: waiting for its answer, answered right (a proof), the proof used by a profile save, or dead. */
    public enum State { PENDING, PROVEN, USED, DEAD }

    /**
     * The last code sent to {@code phoneE164} for {@code userId}. {@code expiresAt} is the code's end while pending and
     * the proof's end once proven.
     */
    public record Code(String userId, String phoneE164, byte[] salt, byte[] hash, int attemptsLeft, State state, Instant expiresAt) {
        public boolean live(Instant now) {
            return now.isBefore(expiresAt);
        }

        /** Never the hash or the phone: toString ends up in logs and assertion messages. */
        @Override
        public String toString() {
            return "Code[" + state + ", " + attemptsLeft + " attempts left, until " + expiresAt + "]";
        }
    }

    /** A fixed-window limit: at most {@code max} events of {@code kind} per {@code window} per subject (a user or a phone). */
    public record Limit(String kind, int max, Duration window) {
    }

    /** Stores a new code for the user and phone, replacing the last one: a resend makes the earlier code worthless. */
    public void putCode(String userId, String phoneE164, byte[] salt, byte[] hash, int attempts, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(codeKey(userId, phoneE164));
        item.put(SALT, AttributeValue.fromB(SdkBytes.fromByteArray(salt)));
        item.put(HASH, AttributeValue.fromB(SdkBytes.fromByteArray(hash)));
        item.put(ATTEMPTS_LEFT, AttributeValue.fromN(Integer.toString(attempts)));
        item.put(STATE, AttributeValue.fromS(State.PENDING.name()));
        item.put(EXPIRES_AT, epochSeconds(expiresAt));
        client.putItem(put -> put.tableName(table).item(item));
    }

    /** Read consistently: whether a phone is proven decides a link. */
    public Optional<Code> code(String userId, String phoneE164) {
        Map<String, AttributeValue> item = client.getItem(get -> get.tableName(table).key(codeKey(userId, phoneE164)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Code(userId, phoneE164, bytes(item, SALT), bytes(item, HASH),
                Integer.parseInt(item.get(ATTEMPTS_LEFT).n()), State.valueOf(item.get(STATE).s()),
                Instant.ofEpochSecond(Long.parseLong(item.get(EXPIRES_AT).n()))));
    }

    /**
     * Counts one wrong answer against the code as it was read; the last allowed one kills it. False when the code
     * changed meanwhile (a resend, another answer): the caller reads again.
     */
    public boolean wrongAnswer(Code seen) {
        int left = seen.attemptsLeft() - 1;
        State next = left <= 0 ? State.DEAD : State.PENDING;
        return update(seen, "SET #left = :left, #state = :next", Map.of(
                ":left", AttributeValue.fromN(Integer.toString(Math.max(left, 0))),
                ":next", AttributeValue.fromS(next.name())), Map.of("#left", ATTEMPTS_LEFT));
    }

    /** The right answer: the code becomes a proof until {@code proofUntil}. False when the code changed meanwhile. */
    public boolean prove(Code seen, Instant proofUntil) {
        return update(seen, "SET #state = :next, #expires = :until REMOVE #hash, #salt", Map.of(
                ":next", AttributeValue.fromS(State.PROVEN.name()),
                ":until", epochSeconds(proofUntil)), Map.of("#expires", EXPIRES_AT, "#salt", SALT));
    }

    /** A profile save linked the phone with this proof: it proves nothing again. False when it was no live proof. */
    public boolean useProof(String userId, String phoneE164, Instant now) {
        try {
            client.updateItem(update -> update.tableName(table).key(codeKey(userId, phoneE164))
                    .updateExpression("SET #state = :used")
                    .conditionExpression("#state = :proven AND #expires > :now")
                    .expressionAttributeNames(Map.of("#state", STATE, "#expires", EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":used", AttributeValue.fromS(State.USED.name()),
                            ":proven", AttributeValue.fromS(State.PROVEN.name()), ":now", epochSeconds(now))));
            return true;
        } catch (ConditionalCheckFailedException notAProof) {
            return false;
        }
    }

    /**
     * Counts one event against the limit unless the window is full. Empty when counted; else how long until the
     * window ends (the Retry-After).
     */
    public Optional<Duration> tryCount(Limit limit, String subjectKey, Instant now) {
        Window window = Window.of(limit, now);
        try {
            client.updateItem(update -> update.tableName(table).key(limitKey(limit, subjectKey, window))
                    .updateExpression("ADD #count :one SET #expires = :expires")
                    .conditionExpression("attribute_not_exists(#count) OR #count < :max")
                    .expressionAttributeNames(Map.of("#count", COUNT, "#expires", EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":max", AttributeValue.fromN(Integer.toString(limit.max())),
                            ":expires", epochSeconds(window.end()))));
            return Optional.empty();
        } catch (ConditionalCheckFailedException full) {
            return Optional.of(window.remaining(now));
        }
    }

    /** How long until the window ends, when it is full already; empty while events are still allowed. Counts nothing. */
    public Optional<Duration> exhausted(Limit limit, String subjectKey, Instant now) {
        Window window = Window.of(limit, now);
        Map<String, AttributeValue> item = client.getItem(get -> get.tableName(table).key(limitKey(limit, subjectKey, window))
                .consistentRead(true)).item();
        boolean full = item != null && item.containsKey(COUNT) && Long.parseLong(item.get(COUNT).n()) >= limit.max();
        return full ? Optional.of(window.remaining(now)) : Optional.empty();
    }

    /** Counts one event without a limit: a wrong answer is counted even when it was the one that filled the window. */
    public void count(Limit limit, String subjectKey, Instant now) {
        Window window = Window.of(limit, now);
        client.updateItem(update -> update.tableName(table).key(limitKey(limit, subjectKey, window))
                .updateExpression("ADD #count :one SET #expires = :expires")
                .expressionAttributeNames(Map.of("#count", COUNT, "#expires", EXPIRES_AT))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":expires", epochSeconds(window.end()))));
    }

    /**
     * Account deletion: every item under the user (codes, proofs, the user's counters). The phone's own counters stay
     * until their hour ends: they guard the phone's owner against SMS bombing, and say nothing about who asked.
     */
    public void deleteUser(String userId) {
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = client.query(query -> query.tableName(table)
                    .keyConditionExpression("#key = :key")
                    .expressionAttributeNames(Map.of("#key", KEY))
                    .expressionAttributeValues(Map.of(":key", AttributeValue.fromS(userKey(userId))))
                    .projectionExpression("#key, " + ITEM)
                    .consistentRead(true)
                    .exclusiveStartKey(from));
            List<Map<String, AttributeValue>> keys = new ArrayList<>(page.items());
            for (Map<String, AttributeValue> key : keys) {
                client.deleteItem(delete -> delete.tableName(table).key(key));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    public static String userKey(String userId) {
        return "USER#" + userId;
    }

    public static String phoneKey(String phoneE164) {
        return "PHONE#" + phoneE164;
    }

    private boolean update(Code seen, String expression, Map<String, AttributeValue> values, Map<String, String> names) {
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allValues.put(":pending", AttributeValue.fromS(State.PENDING.name()));
        allValues.put(":seenLeft", AttributeValue.fromN(Integer.toString(seen.attemptsLeft())));
        allValues.put(":seenHash", AttributeValue.fromB(SdkBytes.fromByteArray(seen.hash())));
        Map<String, String> allNames = new HashMap<>(names);
        allNames.put("#state", STATE);
        allNames.put("#hash", HASH);
        allNames.put("#seenLeft", ATTEMPTS_LEFT);
        try {
            client.updateItem(update -> update.tableName(table).key(codeKey(seen.userId(), seen.phoneE164()))
                    .updateExpression(expression)
                    // The code as it was read: still pending, the same code (no resend since), no answer counted since.
                    .conditionExpression("#state = :pending AND #hash = :seenHash AND #seenLeft = :seenLeft")
                    .expressionAttributeNames(allNames)
                    .expressionAttributeValues(allValues));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    private static Map<String, AttributeValue> codeKey(String userId, String phoneE164) {
        return Map.of(KEY, AttributeValue.fromS(userKey(userId)), ITEM, AttributeValue.fromS("CODE#" + phoneE164));
    }

    private static Map<String, AttributeValue> limitKey(Limit limit, String subjectKey, Window window) {
        return Map.of(KEY, AttributeValue.fromS(subjectKey),
                ITEM, AttributeValue.fromS("LIMIT#" + limit.kind() + "#" + window.start().getEpochSecond()));
    }

    /** Empty once proven: the hash is removed with the answer, so a proof leaves nothing to guess a code from. */
    private static byte[] bytes(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? new byte[0] : value.b().asByteArray();
    }

    private static AttributeValue epochSeconds(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.getEpochSecond()));
    }

    /** The fixed window of {@code now}: aligned to the epoch, so every request in it counts against the same item. */
    private record Window(Instant start, Instant end) {
        static Window of(Limit limit, Instant now) {
            long size = limit.window().toSeconds();
            long start = Math.floorDiv(now.getEpochSecond(), size) * size;
            return new Window(Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + size));
        }

        Duration remaining(Instant now) {
            Duration left = Duration.between(now, end);
            return left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left;
        }
    }
}
