package io.ycbridge.bench;

import io.ycbridge.api.SharedSlotLimiter;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.simulator.MovableClock;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.yclients.RateLimiter;
import io.ycbridge.yclients.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The shared rate limit under the sync's load, on in-process DynamoDB Local: several workers (execution
 * environments, each with a limiter of its own that lives across its invocations) take companies of 1 or 4 API
 * requests from one queue, with some work of their own between requests (writing a page) and between companies (the
 * next SQS message). Printed per run: DynamoDB calls per API request (refused conditional writes included), and
 * the rate achieved against YClients' 5/s and 200/min, with the most requests seen in any sliding 1 s and 60 s window.
 *
 * <p>Two clocks: simulated (each worker's own clock, moved by its sleeps and its work: minutes of load in seconds,
 * DynamoDB's own latency not counted) and real (the system clock and real sleeping, a shorter run). Requests go
 * nowhere: this measures the limiter, not the API.
 * Usage: {@code bench/run RateLimiter [companies] [workers] [realCompanies]}.
 */
public final class RateLimiterBench {
    private static final Instant START = Instant.parse("2026-11-20T09:00:00Z");
    /**
     * The limiter this one replaced (DynamoDbTokenBucket: a 5/s and a 200/min bucket, each a read and a conditional
     * write per request, polling while it waited), measured by this benchmark at commit 15bba9a, where both ran.
     */
    private static final String OLD_BUCKETS = """
            Before (two DynamoDB token buckets, removed; measured by this benchmark at commit 15bba9a, same workload):
              simulated clock, 400 companies, 988 requests: 12.61 DynamoDB calls per request (4 by design, the rest polls
                and lost races), 250.5 requests/min, most in 1 s: 9, most in 60 s: 304
              real clock, 150 companies, 399 requests: 14.18 DynamoDB calls per request, 303.3 requests/min, most in 1 s: 9,
                most in 60 s: 304 (a bucket's burst plus its refill: both windows went over YClients' limits)""";

    private RateLimiterBench() {
    }

    public static void main(String[] args) throws Exception {
        int companies = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int realCompanies = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Calls calls = new Calls();
        try (LocalDynamoDb local = LocalDynamoDb.start()) {
            DynamoDbClient dynamoDb = DynamoDbClient.builder()
                    .endpointOverride(local.endpoint())
                    .region(LocalDynamoDb.REGION)
                    .credentialsProvider(StaticCredentialsProvider.create(LocalDynamoDb.CREDENTIALS))
                    .httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(o -> o.addExecutionInterceptor(calls))
                    .build();
            String table = "SyncStateTable-bench";
            TableDefinitions.SYNC_STATE.create(dynamoDb, table);
            System.out.printf(Locale.ROOT, "RateLimiter: %d workers share one partner token at 5 requests/s and 200/min; companies "
                    + "of 1 or 4 requests (half each), 0-150 ms of work after each request, 0-400 ms between companies%n%n", workers);
            System.out.println("| limiter | clock | companies | API requests | DynamoDB calls | per request | refused writes "
                    + "| requests/min | most in 1 s | most in 60 s | took |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            Limiters slots = (token, clock, sleeper) -> SharedSlotLimiter.forPartnerToken(dynamoDb, table, () -> token, 5, 200, 8, clock,
                    sleeper);
            run("slot schedule, leases of up to 8", slots, "new-simulated", companies, workers, false, calls);
            run("slot schedule, leases of up to 8", slots, "new-real", realCompanies, workers, true, calls);
            Limiters interactive = (token, clock, sleeper) -> SharedSlotLimiter.forPartnerToken(dynamoDb, table, () -> token, 5, 200, 1,
                    clock, sleeper);
            run("slot schedule, leases of 1", interactive, "new-interactive", companies, workers, false, calls);
            System.out.printf(Locale.ROOT, "%nThe limit: 5 in any second, 200 in any minute; the most the slots allow: %.1f/min "
                    + "(one slot every 302.5 ms, so that a slot used late still keeps both windows).%n%n", 60_000.0 / 302.5);
            System.out.println(OLD_BUCKETS);
        }
    }

    @FunctionalInterface
    private interface Limiters {
        RateLimiter forWorker(String token, Clock clock, Sleeper sleeper);
    }

    private static void run(String name, Limiters limiters, String token, int companies, int workers, boolean real, Calls calls)
            throws Exception {
        Random shapes = new Random(42);
        ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < companies; i++) {
            queue.add(shapes.nextBoolean() ? 1 : 4);
        }
        calls.reset();
        long wallStarted = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Long> sent = new ArrayList<>();
        try {
            List<Future<List<Long>>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                Random random = new Random(w);
                Clock clock = real ? Clock.systemUTC() : new MovableClock(START);
                Work work = real ? duration -> Thread.sleep(duration.toMillis()) : ((MovableClock) clock)::advance;
                Sleeper sleeper = real ? Sleeper.SYSTEM : ((MovableClock) clock)::advance;
                RateLimiter limiter = limiters.forWorker(token, clock, sleeper);
                done.add(pool.submit(() -> {
                    List<Long> times = new ArrayList<>();
                    for (Integer requests = queue.poll(); requests != null; requests = queue.poll()) {
                        for (int r = 0; r < requests; r++) {
                            limiter.acquire();
                            times.add(micros(clock.instant()));
                            work.pass(Duration.ofMillis(random.nextInt(150)));
                        }
                        work.pass(Duration.ofMillis(random.nextInt(400)));
                    }
                    return times;
                }));
            }
            for (Future<List<Long>> future : done) {
                sent.addAll(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        Collections.sort(sent);
        double minutes = (sent.getLast() - sent.getFirst()) / 60_000_000.0;
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %d | **%.2f** | %d | %.1f | %d | %d | %.1f s %s |%n", name,
                real ? "real" : "simulated", companies, sent.size(), calls.all.get(), calls.all.get() / (double) sent.size(),
                calls.refused.get(), (sent.size() - 1) / minutes, mostIn(sent, 1_000_000), mostIn(sent, 60_000_000),
                minutes * 60, real ? "" : "(simulated; " + (System.nanoTime() - wallStarted) / 1_000_000 + " ms real)");
    }

    @FunctionalInterface
    private interface Work {
        void pass(Duration duration) throws InterruptedException;
    }

    private static int mostIn(List<Long> sorted, long window) {
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

    /** Every DynamoDB call the limiters make, and how many were conditional writes refused. */
    private static final class Calls implements ExecutionInterceptor {
        final AtomicLong all = new AtomicLong();
        final AtomicLong refused = new AtomicLong();

        void reset() {
            all.set(0);
            refused.set(0);
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            all.incrementAndGet();
        }

        @Override
        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            if (context.exception() instanceof ConditionalCheckFailedException) {
                refused.incrementAndGet();
            }
        }
    }
}
