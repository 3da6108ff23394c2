package io.ycbridge.api;

import io.ycbridge.snapstart.FreshRandom;
import io.ycbridge.yclients.RateLimiter;
import io.ycbridge.yclients.Sleeper;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A token bucket shared by every concurrent Lambda invocation: YClients limits a partner token (officially 5/s and
 * 200/min), not a JVM, and an SQS fan-out runs many JVMs at once. The bucket is one DynamoDB item; taking a token is
 * a read and a conditional update on the values read (optimistic concurrency), so two invocations can never both
 * spend the same token — the loser re-reads and tries again.
 *
 * <p>The item lives in SyncStateTable under a negative {@code company_id} derived from the bucket's name (a hash of
 * the partner token and the period): company ids are positive, so the two never meet, and no table is added for
 * one item per token. The token itself is never stored.
 *
 * <p>Cost: two DynamoDB requests per API request, which at 5 requests/s is far below any table's limits.
 */
public final class DynamoDbTokenBucket implements RateLimiter {
    static final String KEY = "company_id";
    static final String TOKENS = "bucket_tokens";
    static final String REFILLED_AT = "bucket_refilled_at_us";
    static final String KIND = "kind";

    private final DynamoDbClient client;
    private final String tableName;
    private final Supplier<String> bucketName;
    private final double capacity;
    private final double tokensPerMicro;
    private final Clock clock;
    private final Sleeper sleeper;

    /**
     * @param bucketName read on every acquire, so a rotated partner token gets its own bucket; see {@link #nameFor}
     */
    public DynamoDbTokenBucket(DynamoDbClient client, String tableName, Supplier<String> bucketName, int capacity, Duration period,
                               Clock clock, Sleeper sleeper) {
        if (capacity < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs capacity ≥ 1 and a positive period");
        }
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.bucketName = Objects.requireNonNull(bucketName, "bucketName");
        this.capacity = capacity;
        this.tokensPerMicro = capacity / (double) (period.toNanos() / 1_000);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** The two limits YClients sets for one partner token (officially 5 per second and 200 per minute), both shared. */
    static RateLimiter perSecondAndMinute(DynamoDbClient client, String tableName, Supplier<String> partnerToken, int perSecond,
                                          int perMinute, Clock clock, Sleeper sleeper) {
        return RateLimiter.allOf(
                new DynamoDbTokenBucket(client, tableName, () -> nameFor(partnerToken.get(), "second"), perSecond, Duration.ofSeconds(1),
                        clock, sleeper),
                new DynamoDbTokenBucket(client, tableName, () -> nameFor(partnerToken.get(), "minute"), perMinute, Duration.ofMinutes(1),
                        clock, sleeper));
    }

    /** A bucket name that identifies the token without revealing it: SHA-256 of the token and the period. */
    public static String nameFor(String partnerToken, String period) {
        return "yclients-rate:" + hex(sha256(partnerToken + "\n" + period));
    }

    @Override
    public void acquire() throws InterruptedException {
        while (true) {
            long waitNanos = attempt();
            if (waitNanos == 0) {
                return;
            }
            sleeper.sleep(Duration.ofNanos(waitNanos));
        }
    }

    /** Takes a token if one is there now; never waits for a refill. */
    boolean tryAcquire() {
        while (true) {
            long waitNanos = attempt();
            if (waitNanos == 0) {
                return true;
            }
            if (waitNanos > RACED_NANOS) {
                return false;
            }
        }
    }

    private static final long RACED_NANOS = 2_000_000;

    /** @return 0 when a token was taken, else how long to wait before trying again */
    private long attempt() {
        Map<String, AttributeValue> key = Map.of(KEY, AttributeValue.fromN(Long.toString(keyOf(bucketName.get()))));
        long now = micros();
        Map<String, AttributeValue> item = client.getItem(get -> get.tableName(tableName).key(key).consistentRead(true)).item();
        if (item == null || item.isEmpty() || !item.containsKey(TOKENS)) {
            return create(key, now) ? 0 : 1;
        }
        String storedTokens = item.get(TOKENS).n();
        String storedAt = item.get(REFILLED_AT).n();
        long at = Long.parseLong(storedAt);
        // Clocks of two invocations differ a little; never refill for negative time.
        long refillTo = Math.max(now, at);
        double tokens = Math.min(capacity, Double.parseDouble(storedTokens) + (refillTo - at) * tokensPerMicro);
        if (tokens >= 1) {
            if (take(key, storedTokens, storedAt, tokens - 1, refillTo)) {
                return 0;
            }
            // Another invocation took a token between our read and write: a short random pause spreads the retries.
            return FreshRandom.between(100_000, RACED_NANOS);
        }
        return Math.max(RACED_NANOS + 1, (long) Math.ceil((1 - tokens) / tokensPerMicro * 1_000));
    }

    private boolean create(Map<String, AttributeValue> key, long now) {
        try {
            client.updateItem(update -> update.tableName(tableName).key(key)
                    .updateExpression("SET #tokens = :tokens, #at = :at, #kind = :kind")
                    .conditionExpression("attribute_not_exists(#tokens)")
                    .expressionAttributeNames(Map.of("#tokens", TOKENS, "#at", REFILLED_AT, "#kind", KIND))
                    .expressionAttributeValues(Map.of(":tokens", number(capacity - 1), ":at", AttributeValue.fromN(Long.toString(now)),
                            ":kind", AttributeValue.fromS("rate-limit"))));
            return true;
        } catch (ConditionalCheckFailedException created) {
            return false;
        }
    }

    private boolean take(Map<String, AttributeValue> key, String oldTokens, String oldAt, double tokens, long at) {
        try {
            client.updateItem(update -> update.tableName(tableName).key(key)
                    .updateExpression("SET #tokens = :tokens, #at = :at")
                    .conditionExpression("#tokens = :oldTokens AND #at = :oldAt")
                    .expressionAttributeNames(Map.of("#tokens", TOKENS, "#at", REFILLED_AT))
                    .expressionAttributeValues(Map.of(":tokens", number(tokens), ":at", AttributeValue.fromN(Long.toString(at)),
                            ":oldTokens", AttributeValue.fromN(oldTokens), ":oldAt", AttributeValue.fromN(oldAt))));
            return true;
        } catch (ConditionalCheckFailedException raced) {
            return false;
        }
    }

    /** Negative, so it can never be a company's id. */
    static long keyOf(String bucketName) {
        long bits = ByteBuffer.wrap(sha256(bucketName)).getLong();
        return -1 - (bits & Long.MAX_VALUE) % 1_000_000_000_000_000L;
    }

    private long micros() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    private static AttributeValue number(double value) {
        // Six decimals are plenty for fractions of a token, and a fixed form compares equal to itself in the condition.
        return AttributeValue.fromN(String.format(java.util.Locale.ROOT, "%.6f", value));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
