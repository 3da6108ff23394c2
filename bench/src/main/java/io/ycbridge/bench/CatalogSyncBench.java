package io.ycbridge.bench;

import io.ycbridge.api.SharedSlotLimiter;
import io.ycbridge.catalog.CatalogStore;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.simulator.Fault;
import io.ycbridge.simulator.MovableClock;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.phone.PhoneNormalizer;
import io.ycbridge.phone.PhoneRegions;
import io.ycbridge.record.RecordNormalizer;
import io.ycbridge.record.RecordStore;
import io.ycbridge.record.RecordVersionStore;
import io.ycbridge.simulator.SimulatorDefaults;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.simulator.YClientsSimulator;
import io.ycbridge.sync.CatalogSyncService;
import io.ycbridge.sync.CompanyApi;
import io.ycbridge.sync.CompanySync;
import io.ycbridge.sync.RequestCounter;
import io.ycbridge.sync.SyncOutcome;
import io.ycbridge.sync.SyncSettings;
import io.ycbridge.sync.SyncStateStore;
import io.ycbridge.table.TableDefinition;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.yclients.Credentials;
import io.ycbridge.yclients.RateLimiter;
import io.ycbridge.yclients.RecordQuery;
import io.ycbridge.yclients.Sleeper;
import io.ycbridge.yclients.TokenBucket;
import io.ycbridge.yclients.YClientsClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The catalog and records sync of one large company (500 services, 100 masters, 10,000 records) on the simulator
 * and in-process DynamoDB Local: API requests made against the least number of pages the data needs, DynamoDB
 * writes of a repeat run (goal 0 items written), first and repeat sync time, the API unthrottled; then the same
 * company's back-fill at the API's pace against its floor (goal ≤ 1.1×); then a chain's cycles with the default
 * settings through the real service, the simulator enforcing YClients' limits (minutes per cycle, goal ≤ 15; 429s,
 * goal 0; DynamoDB calls of the limiter per request, goal ≤ 0.25) — see {@link ChainCycle}.
 * Usage: {@code bench/run CatalogSync [services] [staff] [records] [companies] [all|company|backfill|chain]}.
 */
public final class CatalogSyncBench {
    private static final Instant NO_DEADLINE = Instant.parse("2100-01-01T00:00:00Z");

    private CatalogSyncBench() {
    }

    public static void main(String[] args) {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int staff = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int records = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int companies = args.length > 3 ? Integer.parseInt(args[3]) : 1_000;
        String only = args.length > 4 ? args[4] : "all";
        if (only.equals("all") || only.equals("company")) {
            company(services, staff, records);
        }
        if (only.equals("all") || only.equals("backfill")) {
            backfill(records);
        }
        if (only.equals("all") || only.equals("chain")) {
            chain(companies);
        }
    }

    private static void company(int services, int staff, int records) {
        long company = 500_001L;
        WriteCounter writes = new WriteCounter();
        try (YClientsSimulator sim = YClientsSimulator.start(); LocalDynamoDb local = LocalDynamoDb.start()) {
            sim.seed(SimulatorSeed.large(1, services, staff, records, 42));
            DynamoDbClient dynamoDb = client(local, writes);
            int categories = Math.max(1, services / 10);
            int recordPages = (records + RecordQuery.MAX_PAGE_SIZE - 1) / RecordQuery.MAX_PAGE_SIZE;
            // company (zone, first run only) + services + categories + staff + the record pages
            int minimumFirst = 1 + 3 + Math.max(1, recordPages);
            int minimumRepeat = 3 + 1;

            System.out.printf(Locale.ROOT, "CatalogSync: one company with %d services, %d categories, %d masters, %d records; "
                    + "simulator + DynamoDB Local in this JVM, API unthrottled%n%n", services, categories, staff, records);
            System.out.println("| run                                   | API requests | minimum | items written | write requests (calls) | time s |");
            System.out.println("|---------------------------------------|--------------|---------|---------------|------------------------|--------|");
            long steadyRequests = 0;
            for (Duration slice : new Duration[] {Duration.ofDays(90), Duration.ofDays(7)}) {
                Tables tables = Tables.create(dynamoDb);
                RequestCounter counter = new RequestCounter();
                // The whole seeded history (visits from 60 days back, created up to two weeks before) lies within 90 days.
                SyncSettings settings = new SyncSettings(Duration.ofDays(90), Duration.ofMinutes(5), slice, ZoneId.of("Europe/Moscow"));
                CatalogSyncService service = service(sim, dynamoDb, tables, counter, settings);
                String label = slice.toDays() == 90 ? "one 90-day slice" : "7-day slices (default)";

                writes.reset();
                long started = System.nanoTime();
                CompanySync first = service.sync(company, NO_DEADLINE);
                row("first sync, " + label, first, minimumFirst, writes, started);

                sim.clock().advance(Duration.ofMinutes(30));
                writes.reset();
                started = System.nanoTime();
                CompanySync repeat = service.sync(company, NO_DEADLINE);
                row("repeat sync, nothing changed", repeat, minimumRepeat, writes, started);
                steadyRequests = repeat.apiRequests();
                if (first.outcome() != SyncOutcome.OK || repeat.outcome() != SyncOutcome.OK) {
                    System.out.println("  ! " + first.error() + " / " + repeat.error());
                }
            }
            System.out.println();
            System.out.println("items written: catalog items and records the run created or changed (goal 0 on a repeat).");
            System.out.println("write requests: every DynamoDB write (items of a batch or transaction counted singly; calls: the requests sent), including the sync-state");
            System.out.println("item's cursor, last run and catalog stamp; records seen again in the 5-minute overlap are filtered by one");
            System.out.println("batch read per page, so no refused conditional put spends a write unit.");
        }
    }

    /**
     * The first back-fill of one company's 10,000 records at the API's pace: every records page answered after
     * {@link #PAGE_LATENCY}, one request per slot of the default limit (200/min), pages written while the next is read.
     * The floor is the records requests it made times that latency: what the API alone costs.
     */
    private static void backfill(int records) {
        System.out.println();
        System.out.printf(Locale.ROOT, "back-fill of %d records (90 days in 7-day slices), 5/s + 200/min limiter, pages stored by 8 writers "
                + "while the next is read; each row in a fresh DynamoDB Local (one already holding a run writes several times slower):%n", records);
        System.out.println("| records pages answered after | records stored | API requests | least pages | API floor s (requests x latency) | took s | ratio | goal    |");
        System.out.println("|------------------------------|----------------|--------------|-------------|----------------------------------|--------|-------|---------|");
        // No latency first: what DynamoDB Local alone takes to store the back-fill, the other bound of the paced row.
        backfillRow(records, Duration.ZERO);
        backfillRow(records, PAGE_LATENCY);
    }

    /**
     * One back-fill of one company's history, every records page answered after {@code latency}: at
     * {@link #PAGE_LATENCY}, one request per slot of the default limit (200/min).
     */
    private static void backfillRow(int records, Duration latency) {
        long company = 500_001L;
        try (YClientsSimulator sim = YClientsSimulator.start(); LocalDynamoDb local = LocalDynamoDb.start()) {
            sim.seed(SimulatorSeed.large(1, 50, 10, records, 42));
            DynamoDbClient dynamoDb = client(local, null);
            RequestCounter counter = new RequestCounter();
            SyncSettings settings = new SyncSettings(Duration.ofDays(90), Duration.ofMinutes(5), Duration.ofDays(7), ZoneId.of("Europe/Moscow"));
            RateLimiter limit = RateLimiter.allOf(TokenBucket.perSecond(5, Clock.systemUTC(), Sleeper.SYSTEM),
                    TokenBucket.perMinute(200, Clock.systemUTC(), Sleeper.SYSTEM));
            CatalogSyncService service = service(sim, dynamoDb, Tables.create(dynamoDb), counter, settings, limit, Sleeper.SYSTEM);
            if (!latency.isZero()) {
                sim.faults().on("/records/" + company).always(Fault.latency(latency));
            }
            Instant to = sim.clock().now();
            long started = System.nanoTime();
            CompanySync run = service.backfill(company, to.minus(Duration.ofDays(90)), to, NO_DEADLINE);
            double seconds = (System.nanoTime() - started) / 1e9;
            double floor = run.apiRequests() * latency.toMillis() / 1000.0;
            System.out.printf(Locale.ROOT, "| %25d ms | %14d | %12d | %11d | %32.1f | %6.1f | %5s | %7s |%n", latency.toMillis(),
                    run.records().created(), run.apiRequests(), (records + RecordQuery.MAX_PAGE_SIZE - 1) / RecordQuery.MAX_PAGE_SIZE, floor,
                    seconds, latency.isZero() ? "-" : String.format(Locale.ROOT, "%.2f", seconds / floor), latency.isZero() ? "" : "<= 1.10");
            if (run.outcome() != SyncOutcome.OK) {
                System.out.println("  ! " + run.outcome() + " " + run.error());
            }
        }
    }

    /** A chain's cycles with the default settings, through the real service and a simulator that enforces the limit. */
    private static void chain(int companies) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%d-company chain, default settings (catalog every %d h per company, 30-day history), "
                + "simulator refusing beyond 5/s and 200/min; time on a clock moved only by the limiter:%n", companies,
                SyncSettings.DEFAULT_CATALOG_INTERVAL.toHours());
        // Side by side, each on its own simulator and DynamoDB Local: what one JVM's buckets do, and the shared schedule.
        chainWith("two token buckets in one JVM (5/s, 200/min), the limiter before this issue's", companies,
                (clock, dynamoDb) -> RateLimiter.allOf(TokenBucket.perSecond(5, clock, clock::advance), TokenBucket.perMinute(200, clock, clock::advance)));
        chainWith("SharedSlotLimiter on DynamoDB Local (5/s, 200/min, leases of up to 8)", companies,
                (clock, dynamoDb) -> SharedSlotLimiter.forPartnerToken(dynamoDb, TableDefinitions.SYNC_STATE.logicalId() + "-limiter",
                        () -> SimulatorDefaults.PARTNER_TOKEN, 5, 200, 8, clock, clock::advance));
    }

    private static void chainWith(String name, int companies, java.util.function.BiFunction<MovableClock, DynamoDbClient, RateLimiter> limiter) {
        try (YClientsSimulator sim = YClientsSimulator.start(); LocalDynamoDb local = LocalDynamoDb.start()) {
            DynamoDbClient dynamoDb = client(local, null);
            CallCounter limiterCalls = new CallCounter();
            DynamoDbClient limiterDb = client(local, limiterCalls);
            TableDefinitions.SYNC_STATE.create(dynamoDb, TableDefinitions.SYNC_STATE.logicalId() + "-limiter");
            ChainCycle chain = ChainCycle.seeded(sim, companies);
            RequestCounter counter = new RequestCounter();
            MovableClock clock = sim.clock();
            CatalogSyncService service = service(sim, dynamoDb, Tables.create(dynamoDb), counter, SyncSettings.DEFAULT,
                    limiter.apply(clock, limiterDb), clock::advance);
            ChainCycle.print(name, chain.run(8, service, counter, limiterCalls.calls::get));
        }
    }

    /** Counts every DynamoDB call a client makes. */
    private static final class CallCounter implements ExecutionInterceptor {
        final AtomicLong calls = new AtomicLong();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            calls.incrementAndGet();
        }
    }

    private static final Duration PAGE_LATENCY = Duration.ofMillis(300);

    private static void row(String label, CompanySync run, int minimum, WriteCounter writes, long startedNanos) {
        System.out.printf(Locale.ROOT, "| %-37s | %12d | %7d | %13d | %22s | %6.2f |%n", label, run.apiRequests(), minimum, run.writes(),
                writes.requests.get() + " (" + writes.calls.get() + ")", (System.nanoTime() - startedNanos) / 1e9);
    }

    private static DynamoDbClient client(LocalDynamoDb local, ExecutionInterceptor interceptor) {
        return DynamoDbClient.builder()
                .endpointOverride(local.endpoint())
                .region(LocalDynamoDb.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(LocalDynamoDb.CREDENTIALS))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> {
                    if (interceptor != null) {
                        o.addExecutionInterceptor(interceptor);
                    }
                })
                .build();
    }

    private static CatalogSyncService service(YClientsSimulator sim, DynamoDbClient dynamoDb, Tables tables, RequestCounter counter,
                                              SyncSettings settings) {
        return service(sim, dynamoDb, tables, counter, settings, RateLimiter.UNLIMITED, Sleeper.SYSTEM);
    }

    /** @param sleeper also the client's retry pause, so a 429's back-off moves the same clock as the limiter */
    private static CatalogSyncService service(YClientsSimulator sim, DynamoDbClient dynamoDb, Tables tables, RequestCounter counter,
                                              SyncSettings settings, RateLimiter limiter, Sleeper sleeper) {
        YClientsClient client = YClientsClient.builder()
                .baseUri(sim.baseUri())
                .credentials(new Credentials(SimulatorDefaults.PARTNER_TOKEN, SimulatorDefaults.USER_TOKEN))
                .rateLimiter(limiter)
                .sleeper(sleeper)
                .clock(sim.clock())
                .observer(counter)
                .build();
        Clock clock = sim.clock();
        SyncStateStore states = new SyncStateStore(dynamoDb, tables.state);
        // As deployed: the default region, overridden by what the sync learns of each company's country.
        RecordNormalizer normalizer = new RecordNormalizer(PhoneRegions.everywhere(PhoneNormalizer.russia())
                .withCompanyData(states::phoneRegion, clock, new DecisionLog("catalog-sync", line -> { }, clock)));
        return new CatalogSyncService(CompanyApi.of(client), counter, new CatalogStore(dynamoDb, tables.catalog, clock),
                new RecordStore(dynamoDb, tables.records), new RecordVersionStore(dynamoDb, tables.records), states, normalizer, settings,
                clock, new DecisionLog("catalog-sync", line -> { }, clock), new EmfMetrics("catalog-sync", line -> { }, clock));
    }

    private record Tables(String records, String catalog, String state) {
        private static int sequence;

        static Tables create(DynamoDbClient client) {
            sequence++;
            return new Tables(create(client, TableDefinitions.RECORDS), create(client, TableDefinitions.CATALOG),
                    create(client, TableDefinitions.SYNC_STATE));
        }

        private static String create(DynamoDbClient client, TableDefinition definition) {
            String name = definition.logicalId() + "-bench-" + sequence;
            definition.create(client, name);
            return name;
        }
    }

    /** Counts DynamoDB write calls as the SDK sends them. */
    private static final class WriteCounter implements ExecutionInterceptor {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong calls = new AtomicLong();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            Object request = context.request();
            if (request instanceof PutItemRequest || request instanceof UpdateItemRequest || request instanceof DeleteItemRequest) {
                requests.incrementAndGet();
                calls.incrementAndGet();
            } else if (request instanceof BatchWriteItemRequest batch) {
                requests.addAndGet(batch.requestItems().values().stream().mapToLong(java.util.List::size).sum());
                calls.incrementAndGet();
            } else if (request instanceof TransactWriteItemsRequest transaction) {
                requests.addAndGet(transaction.transactItems().size());
                calls.incrementAndGet();
            }
        }

        void reset() {
            requests.set(0);
            calls.set(0);
        }
    }
}
