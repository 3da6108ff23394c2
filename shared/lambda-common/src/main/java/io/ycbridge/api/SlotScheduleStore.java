package io.ycbridge.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * One partner token's schedule of request slots, one item in SyncStateTable: the time of the next free slot (the
 * theoretical arrival time of GCRA) and until when the rate is halved after a 429. Every change is one conditional
 * UpdateItem whose answer (ReturnValues) says what the worker got, so nothing is read first:
 * <ul>
 *   <li>{@link #lease}: n slots. While the schedule runs ahead of now (workers are waiting for slots) it is
 *   {@code SET next = next + n·spacing} on condition {@code next >= now}: DynamoDB adds, so racing workers never need
 *   to retry, and each learns its slots from the sum it made. Behind now (the token was idle) it is {@code SET next =
 *   now + n·spacing} on condition {@code next < now}. A wrong guess of which case holds costs one refused write, whose
 *   answer carries the item (ReturnValuesOnConditionCheckFailure) for the right guess.</li>
 *   <li>{@link #pushBack}: after a 429, no slot before now + pause, and the rate halved for a while.</li>
 *   <li>{@link #giveBack}: unused slots at the end of the schedule go back, if nobody leased after them.</li>
 * </ul>
 * The item sits under a negative {@code company_id} derived from a hash of the partner token (company ids are
 * positive, so the two never meet, and no table is added for one item per token); the token itself is never stored,
 * and a rotated token gets an item of its own. Times are epoch microseconds.
 */
final class SlotScheduleStore {
    static final String KEY = "company_id";
    static final String NEXT_SLOT = "rate_next_slot_us";
    static final String SLOW_UNTIL = "rate_slow_until_us";
    static final String KIND = "kind";
    static final String RATE_LIMIT = "rate-limit";
    /** A lease is refused only when the item changed case (idle/busy) or a 429 was recorded since it was last seen. */
    private static final int ATTEMPTS = 8;

    private final DynamoDbClient client;
    private final String tableName;

    SlotScheduleStore(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    /** What the item said when last seen. {@link #UNSEEN}: nothing yet, so the first lease guesses an idle token. */
    record Schedule(long nextSlot, long slowUntil) {
        static final Schedule UNSEEN = new Schedule(Long.MIN_VALUE, 0);

        long spacing(long interval, long now) {
            return slowUntil > now ? 2 * interval : interval;
        }
    }

    /** Slots {@code first + i·spacing} for i below {@code count}; {@code end} is where the next lease starts. */
    record Lease(long first, long spacing, int count) {
        long slot(int index) {
            return first + index * spacing;
        }

        long end() {
            return slot(count);
        }
    }

    record Leased(Lease lease, Schedule schedule) {
    }

    /** The item's key for a partner token: negative, so it can never be a company's id. */
    static long keyFor(String partnerToken) {
        String name = "yclients-rate:" + java.util.HexFormat.of().formatHex(sha256(partnerToken + "\nslots"));
        long bits = ByteBuffer.wrap(sha256(name)).getLong();
        return -1 - (bits & Long.MAX_VALUE) % 1_000_000_000_000_000L;
    }

    /**
     * @param interval the spacing of slots at the full rate; twice that while the rate is halved
     * @param seen     the item as last seen, to guess which write succeeds
     */
    Leased lease(long key, int count, long interval, long now, Schedule seen) {
        Schedule known = seen;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            long spacing = known.spacing(interval, now);
            long span = count * spacing;
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":now", number(now));
            values.put(":slow", number(known.slowUntil()));
            try {
                if (known.nextSlot() >= now) {
                    values.put(":span", number(span));
                    Schedule after = schedule(update(key, "SET #next = #next + :span",
                            "#next >= :now AND #slow = :slow", values).attributes());
                    return new Leased(new Lease(after.nextSlot() - span, spacing, count), after);
                }
                values.put(":end", number(now + span));
                values.put(":zero", number(0));
                values.put(":kind", AttributeValue.fromS(RATE_LIMIT));
                Schedule after = schedule(update(key, "SET #next = :end, #slow = if_not_exists(#slow, :zero), #kind = :kind",
                        "(attribute_not_exists(#next) OR #next < :now) AND (attribute_not_exists(#slow) OR #slow = :slow)", values)
                        .attributes());
                return new Leased(new Lease(now, spacing, count), after);
            } catch (ConditionalCheckFailedException changed) {
                known = changed.hasItem() && changed.item().containsKey(NEXT_SLOT) ? schedule(changed.item())
                        // Without the item (an endpoint that does not return it): try the other case.
                        : known.nextSlot() >= now ? new Schedule(Long.MIN_VALUE, known.slowUntil()) : new Schedule(now, known.slowUntil());
            }
        }
        throw new IllegalStateException("the rate-limit schedule changed under " + ATTEMPTS + " leases in a row");
    }

    /**
     * After a 429: the next slot no earlier than {@code until}, and the rate halved until {@code slowUntil}.
     *
     * @return the item after the change
     */
    Schedule pushBack(long key, long until, long slowUntil) {
        try {
            return schedule(update(key, "SET #next = :until, #slow = :slowUntil, #kind = :kind",
                    "attribute_not_exists(#next) OR #next < :until",
                    Map.of(":until", number(until), ":slowUntil", number(slowUntil), ":kind", AttributeValue.fromS(RATE_LIMIT)))
                    .attributes());
        } catch (ConditionalCheckFailedException alreadyLater) {
            // The schedule already runs past the pause (others leased far ahead): only the slowing down is news.
            try {
                return schedule(update(key, "SET #slow = :slowUntil", "#slow < :slowUntil",
                        Map.of(":slowUntil", number(slowUntil))).attributes());
            } catch (ConditionalCheckFailedException alreadySlow) {
                return alreadySlow.hasItem() ? schedule(alreadySlow.item()) : null;
            }
        }
    }

    /**
     * Gives back the slots from {@code from} to the lease's {@code end}, if the schedule still ends there (nobody
     * leased after them; otherwise they lie between others' slots and cannot be given to anyone).
     *
     * @return whether they went back
     */
    boolean giveBack(long key, long from, long end) {
        try {
            update(key, "SET #next = :from", "#next = :end", Map.of(":from", number(from), ":end", number(end)));
            return true;
        } catch (ConditionalCheckFailedException leasedSince) {
            return false;
        }
    }

    private UpdateItemResponse update(long key, String expression, String condition, Map<String, AttributeValue> values) {
        Map<String, String> names = new HashMap<>();
        for (String placeholder : new String[] {"#next", "#slow", "#kind"}) {
            if (expression.contains(placeholder) || condition.contains(placeholder)) {
                names.put(placeholder, switch (placeholder) {
                    case "#next" -> NEXT_SLOT;
                    case "#slow" -> SLOW_UNTIL;
                    default -> KIND;
                });
            }
        }
        return client.updateItem(update -> update.tableName(tableName)
                .key(Map.of(KEY, number(key)))
                .updateExpression(expression)
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
    }

    private static Schedule schedule(Map<String, AttributeValue> item) {
        AttributeValue slow = item.get(SLOW_UNTIL);
        return new Schedule(Long.parseLong(item.get(NEXT_SLOT).n()), slow == null ? 0 : Long.parseLong(slow.n()));
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
