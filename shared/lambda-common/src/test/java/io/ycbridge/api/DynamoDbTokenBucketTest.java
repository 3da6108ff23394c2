package io.ycbridge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.fixture.Tables;
import io.ycbridge.simulator.MovableClock;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.yclients.RateLimiter;
import io.ycbridge.yclients.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(LocalDynamoDbExtension.class)
class DynamoDbTokenBucketTest {
    private static final Instant START = Instant.parse("2026-11-20T09:00:00Z");
    private final DynamoDbClient client;
    private final MovableClock clock = new MovableClock(START);
    // Waiting moves the shared clock, so the test runs at full speed and still sees every wait.
    private final Sleeper sleeper = duration -> clock.advance(duration);
    private String table;

    DynamoDbTokenBucketTest(DynamoDbClient client) {
        this.client = client;
    }

    @BeforeEach
    void freshTable() {
        table = Tables.create(client, TableDefinitions.SYNC_STATE);
    }

    @Test
    void invocationsShareOneBudget() throws InterruptedException {
        // Three "invocations" (separate limiter objects, as separate JVMs would have) on one partner token.
        List<RateLimiter> invocations = List.of(bucket("token-a"), bucket("token-a"), bucket("token-a"));

        for (int i = 0; i < 5; i++) {
            invocations.get(i % 3).acquire();
        }
        assertEquals(START, clock.instant(), "the first five go at once: the bucket holds five");

        for (int i = 0; i < 10; i++) {
            invocations.get(i % 3).acquire();
        }
        Duration waited = Duration.between(START, clock.instant());
        assertTrue(waited.compareTo(Duration.ofMillis(1_990)) >= 0 && waited.compareTo(Duration.ofMillis(2_100)) <= 0,
                "ten more at five per second take two seconds, together: " + waited);
    }

    @Test
    void concurrentAcquiresNeverSpendATokenTwice() throws Exception {
        List<RateLimiter> invocations = List.of(bucket("token-b"), bucket("token-b"), bucket("token-b"), bucket("token-b"));
        AtomicInteger acquired = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            // No waiting allowed: the clock stands still, so exactly the bucket's five tokens exist.
            for (RateLimiter invocation : invocations) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        if (!((DynamoDbTokenBucket) invocation).tryAcquire()) {
                            return null;
                        }
                        acquired.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(5, acquired.get());
    }

    @Test
    void tokensHaveTheirOwnBucketsAndTheTokenIsNotStored() throws InterruptedException {
        RateLimiter a = bucket("token-c");
        RateLimiter b = bucket("token-d");
        for (int i = 0; i < 5; i++) {
            a.acquire();
            b.acquire();
        }
        assertEquals(START, clock.instant());
        String items = client.scan(scan -> scan.tableName(table)).items().toString();
        assertTrue(!items.contains("token-c") && items.contains("rate-limit"), items);
    }

    private DynamoDbTokenBucket bucket(String partnerToken) {
        return new DynamoDbTokenBucket(client, table, () -> DynamoDbTokenBucket.nameFor(partnerToken, "second"), 5, Duration.ofSeconds(1),
                clock, sleeper);
    }
}
