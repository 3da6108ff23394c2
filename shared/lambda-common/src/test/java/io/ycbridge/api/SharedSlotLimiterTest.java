package io.ycbridge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.fixture.Tables;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.simulator.MovableClock;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.yclients.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The shared limiter against DynamoDB Local. A "worker" is a limiter object of its own, as a separate execution
 * environment would have, with its own clock that its sleeps move: the workers run on threads at once (so their
 * writes really race), no test waits in real time, and every send time is exactly what the worker would see.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class SharedSlotLimiterTest {
    private static final Instant START = Instant.parse("2026-11-20T09:00:00Z");
    private static final long INTERVAL = SlotSpacing.forLimits(5, 200).intervalMicros();
    private final LocalDynamoDb local;
    private final CallCounter calls = new CallCounter();
    private DynamoDbClient client;
    private String table;

    SharedSlotLimiterTest(LocalDynamoDb local) {
        this.local = local;
    }

    @BeforeEach
    void freshTable() {
        client = DynamoDbClient.builder()
                .endpointOverride(local.endpoint())
                .region(LocalDynamoDb.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(LocalDynamoDb.CREDENTIALS))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(calls))
                .build();
        table = Tables.create(client, TableDefinitions.SYNC_STATE);
        calls.count.set(0);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void workersOnOneTokenNeverExceedFivePerSecondNorTwoHundredPerMinute() throws Exception {
        List<Long> sent = syncWorkload("token-a", 4, 150);

        assertEquals(600, sent.size());
        assertTrue(maxInWindow(sent, 1_000_000) <= 5, "per second: " + maxInWindow(sent, 1_000_000));
        assertTrue(maxInWindow(sent, 60_000_000) <= 200, "per minute: " + maxInWindow(sent, 60_000_000));
        // And the budget is used, not just respected: 600 requests at 198/min are a good three minutes.
        long took = sent.getLast() - sent.getFirst();
        assertTrue(took < 600 * INTERVAL * 11 / 10, "600 requests took " + took / 1_000 + " ms");
    }

    @Test
    void aBatchWorkloadCostsAtMostAQuarterOfADynamoDbCallPerRequest() throws Exception {
        List<Long> sent = syncWorkload("token-b", 4, 150);

        double perRequest = calls.count.get() / (double) sent.size();
        assertTrue(perRequest <= 0.25, calls.count.get() + " DynamoDB calls for " + sent.size() + " requests");
    }

    @Test
    void anInteractiveCallerLeasesOneSlotAtATime() throws InterruptedException {
        Worker user = new Worker("token-c", 1);
        for (int i = 0; i < 5; i++) {
            user.limiter.acquire();
        }
        assertEquals(5, calls.count.get(), "one write per request, never a slot leased for later");
        assertEquals(1, user.limiter.leaseSize());
    }

    @Test
    void slotsReturnedUnusedAreReusedAtOnceAndOthersWaitBehindThoseKept() throws InterruptedException {
        long kept = firstSlotAfterABusyWorker("token-d", false);
        long returned = firstSlotAfterABusyWorker("token-e", true);

        // The busy worker leased 8 slots and used one: kept, another worker's request waits behind the other 7.
        assertEquals(8 * INTERVAL, kept);
        assertEquals(INTERVAL, returned);
    }

    /** @return how long after the busy worker's last request the next worker's first one goes */
    private long firstSlotAfterABusyWorker(String token, boolean returnUnused) throws InterruptedException {
        MovableClock clock = new MovableClock(START);
        Worker busy = new Worker(token, 8, clock);
        // Leases of 1, 2 and 4 slots, all used, then one of 8 with a single request.
        for (int i = 0; i < 8; i++) {
            busy.limiter.acquire();
        }
        assertEquals(8, busy.limiter.leaseSize());
        long last = micros(clock.instant());
        if (returnUnused) {
            busy.limiter.returnUnused();
        }
        Worker other = new Worker(token, 8, clock);
        other.limiter.acquire();
        return micros(clock.instant()) - last;
    }

    @Test
    void aSnapStartSnapshotHoldsNoSlot() throws InterruptedException {
        MovableClock clock = new MovableClock(START);
        Worker snapshot = new Worker("token-h", 8, clock);
        for (int i = 0; i < 8; i++) {
            snapshot.limiter.acquire();
        }
        long before = calls.count.get();
        snapshot.limiter.beforeCheckpoint(null);
        assertEquals(before + 1, calls.count.get(), "the 7 unused slots went back");
        Worker other = new Worker("token-h", 8, clock);
        Instant at = clock.instant();
        other.limiter.acquire();
        assertEquals(at.plus(Duration.ofNanos(INTERVAL * 1_000)), clock.instant(), "the next slot is the first given back");
        long restored = calls.count.get();
        snapshot.limiter.acquire();
        assertEquals(restored + 1, calls.count.get(), "a restored environment leases afresh");
        assertEquals(at.plus(Duration.ofNanos(2 * INTERVAL * 1_000)), clock.instant(), "behind the slot the other took, not at it");
    }

    @Test
    void slotsThatWentByUnusedAreDroppedAndTheNextLeaseIsSmaller() throws InterruptedException {
        Worker worker = new Worker("token-f", 8);
        for (int i = 0; i < 8; i++) {
            worker.limiter.acquire();
        }
        assertEquals(8, worker.limiter.leaseSize());
        worker.clock.advance(Duration.ofSeconds(10));
        Instant before = worker.clock.instant();
        worker.limiter.acquire();

        assertEquals(before, worker.clock.instant(), "a slot 10 s old is not used, nor waited for: a new one is now");
        assertEquals(4, worker.limiter.leaseSize());
    }

    @Test
    void a429OnOneWorkerDelaysTheOthersAndHalvesTheRate() throws InterruptedException {
        MovableClock clock = new MovableClock(START);
        Worker told = new Worker("token-g", 1, clock);
        Worker other = new Worker("token-g", 1, clock);
        told.limiter.acquire();
        other.limiter.acquire();
        long at429 = micros(clock.instant());

        told.limiter.rateLimited(Duration.ofSeconds(5));
        other.limiter.acquire();
        long resumed = micros(clock.instant());
        other.limiter.acquire();
        long after = micros(clock.instant());

        assertEquals(5_000_000, resumed - at429, "the other worker waits out the pause it was never told of");
        assertEquals(2 * INTERVAL, after - resumed, "then goes on at half the rate");
        told.limiter.acquire();
        assertEquals(after + 2 * INTERVAL, micros(clock.instant()), "and so does the one that got the 429");
    }

    @Test
    void aRotatedPartnerTokenGetsItsOwnItemAndNoItemHoldsAToken() throws InterruptedException {
        MovableClock clock = new MovableClock(START);
        AtomicReference<String> token = new AtomicReference<>("partner-token-old");
        SharedSlotLimiter limiter = new SharedSlotLimiter(new SlotScheduleStore(client, table), token::get,
                SlotSpacing.forLimits(5, 200), LeaseSizePolicy.BATCHES, clock, sleeper(clock));
        for (int i = 0; i < 4; i++) {
            limiter.acquire();
        }
        Instant rotated = clock.instant();
        token.set("partner-token-new");
        limiter.acquire();

        assertEquals(rotated, clock.instant(), "the new token's budget is its own: nothing to wait for");
        List<Map<String, AttributeValue>> items = client.scan(scan -> scan.tableName(table)).items();
        assertEquals(2, items.size());
        for (Map<String, AttributeValue> item : items) {
            assertTrue(Long.parseLong(item.get(SlotScheduleStore.KEY).n()) < 0, "never a company's id: " + item);
            assertEquals("rate-limit", item.get(SlotScheduleStore.KIND).s());
            assertFalse(item.toString().contains("partner-token"), item.toString());
        }
    }

    /**
     * The sync's shape: each worker takes companies of 1 or 4 requests (the catalog's three lists and the records),
     * with up to 150 ms of its own work between requests and up to 400 ms between companies.
     *
     * @return every request's send time, µs, sorted
     */
    private List<Long> syncWorkload(String token, int workers, int requestsEach) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<List<Long>>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                Random random = new Random(w);
                Worker worker = new Worker(token, 8);
                done.add(pool.submit(() -> {
                    List<Long> times = new ArrayList<>();
                    while (times.size() < requestsEach) {
                        int requests = Math.min(random.nextBoolean() ? 1 : 4, requestsEach - times.size());
                        for (int r = 0; r < requests; r++) {
                            worker.limiter.acquire();
                            times.add(micros(worker.clock.instant()));
                            worker.clock.advance(Duration.ofMillis(random.nextInt(150)));
                        }
                        worker.clock.advance(Duration.ofMillis(random.nextInt(400)));
                    }
                    return times;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> future : done) {
                all.addAll(future.get());
            }
            Collections.sort(all);
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    static int maxInWindow(List<Long> sorted, long window) {
        int most = 0;
        int first = 0;
        for (int last = 0; last < sorted.size(); last++) {
            while (sorted.get(last) - sorted.get(first) >= window) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    private static Sleeper sleeper(MovableClock clock) {
        return clock::advance;
    }

    /** One execution environment: its limiter and its clock. */
    private final class Worker {
        final MovableClock clock;
        final SharedSlotLimiter limiter;

        Worker(String token, int largestLease) {
            this(token, largestLease, new MovableClock(START));
        }

        Worker(String token, int largestLease, MovableClock clock) {
            this.clock = clock;
            this.limiter = new SharedSlotLimiter(new SlotScheduleStore(client, table), () -> token, SlotSpacing.forLimits(5, 200),
                    new LeaseSizePolicy(largestLease), clock, sleeper(clock));
        }
    }

    /** Every DynamoDB request the limiters make, whatever its kind. */
    private static final class CallCounter implements ExecutionInterceptor {
        final AtomicLong count = new AtomicLong();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            count.incrementAndGet();
        }
    }
}
