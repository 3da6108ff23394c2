package io.ycbridge.bench;

import io.ycbridge.catalog.CatalogStore;
import io.ycbridge.localaws.LocalDynamoDb;
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
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The catalog and records sync of one large company (500 services, 100 masters, 10,000 records) on the simulator
 * and in-process DynamoDB Local: API requests made against the least number of pages the data needs, DynamoDB
 * writes of a repeat run (goal 0 items written), first and repeat sync time; then the cycle time of 1,000 companies
 * at YClients' default rate limit (5/s and 200/min per partner token), computed by running the real limiter on a
 * simulated clock with the requests per company measured here. The API is unthrottled while timing, so the times
 * are our own cost; the limiter's share is in the cycle figure.
 * Usage: {@code bench/run CatalogSync [services] [staff] [records] [companies]}.
 */
public final class CatalogSyncBench {
    private static final Instant NO_DEADLINE = Instant.parse("2100-01-01T00:00:00Z");

    private CatalogSyncBench() {
    }

    public static void main(String[] args) throws InterruptedException {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int staff = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int records = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int companies = args.length > 3 ? Integer.parseInt(args[3]) : 1_000;
        long company = 500_001L;
        WriteCounter writes = new WriteCounter();
        try (YClientsSimulator sim = YClientsSimulator.start(); LocalDynamoDb local = LocalDynamoDb.start()) {
            sim.seed(SimulatorSeed.large(1, services, staff, records, 42));
            DynamoDbClient dynamoDb = DynamoDbClient.builder()
                    .endpointOverride(local.endpoint())
                    .region(LocalDynamoDb.REGION)
                    .credentialsProvider(StaticCredentialsProvider.create(LocalDynamoDb.CREDENTIALS))
                    .httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(o -> o.addExecutionInterceptor(writes))
                    .build();
            int categories = Math.max(1, services / 10);
            int recordPages = (records + RecordQuery.MAX_PAGE_SIZE - 1) / RecordQuery.MAX_PAGE_SIZE;
            // company (zone, first run only) + services + categories + staff + the record pages
            int minimumFirst = 1 + 3 + Math.max(1, recordPages);
            int minimumRepeat = 3 + 1;

            System.out.printf(Locale.ROOT, "CatalogSync: one company with %d services, %d categories, %d masters, %d records; "
                    + "simulator + DynamoDB Local in this JVM, API unthrottled%n%n", services, categories, staff, records);
            System.out.println("| run                                   | API requests | minimum | items written | write requests | time s |");
            System.out.println("|---------------------------------------|--------------|---------|---------------|----------------|--------|");
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
            System.out.println("write requests: every DynamoDB write call (items in a batch counted singly), including the sync-state");
            System.out.println("item's cursor, last run and catalog stamp; records seen again in the 5-minute overlap are filtered by one");
            System.out.println("batch read per page, so no refused conditional put spends a write unit.");

            System.out.println();
            long recordPagesPerRun = steadyRequests - 3; // a repeat run: the three catalog lists and the records pages
            cycle(companies, companies * steadyRequests, "catalog every run: " + steadyRequests + " requests/company");
            // The first run after a deploy also reads each company's zone: one request more, once.
            cycle(companies, companies * (steadyRequests + 1), "first run after deploy: " + (steadyRequests + 1) + " requests/company");
            SyncSettings every2h = SyncSettings.DEFAULT.withCatalogInterval(Duration.ofHours(2));
            long worst = 0;
            Instant runAt = Instant.parse("2026-11-21T09:00:00Z");
            for (int run = 0; run < 8; run++, runAt = runAt.plus(Duration.ofMinutes(30))) {
                long requests = 0;
                for (long id = 500_001; id < 500_001 + companies; id++) {
                    // Steady state: the catalog was last read when it was last due, at most two hours ago.
                    Instant last = lastDue(every2h, id, runAt);
                    requests += recordPagesPerRun + (every2h.catalogDue(id, last, runAt) ? 3 : 0);
                }
                worst = Math.max(worst, requests);
            }
            cycle(companies, worst, "SYNC_CATALOG_INTERVAL_SECONDS=7200, busiest of 8 runs: " + worst / (double) companies
                    + " requests/company");
        }
    }

    private static void row(String label, CompanySync run, int minimum, WriteCounter writes, long startedNanos) {
        System.out.printf(Locale.ROOT, "| %-37s | %12d | %7d | %13d | %14d | %6.2f |%n", label, run.apiRequests(), minimum, run.writes(),
                writes.requests.get(), (System.nanoTime() - startedNanos) / 1e9);
    }

    /** The last run (every 30 minutes) before {@code runAt} at which the company's catalog was due. */
    private static Instant lastDue(SyncSettings settings, long companyId, Instant runAt) {
        Instant candidate = runAt.minus(Duration.ofMinutes(30));
        for (int i = 0; i < 8; i++, candidate = candidate.minus(Duration.ofMinutes(30))) {
            if (settings.catalogDue(companyId, candidate.minus(Duration.ofMinutes(30)), candidate)) {
                return candidate;
            }
        }
        return candidate;
    }

    /** The real limiter (both buckets), on a clock that only moves when the limiter waits. */
    private static void cycle(int companies, long total, String what) throws InterruptedException {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-20T09:00:00Z"));
        Sleeper sleeper = clock::advance;
        RateLimiter limiter = RateLimiter.allOf(TokenBucket.perSecond(5, clock, sleeper), TokenBucket.perMinute(200, clock, sleeper));
        for (long i = 0; i < total; i++) {
            limiter.acquire();
        }
        Duration took = Duration.between(Instant.parse("2026-11-20T09:00:00Z"), clock.instant());
        System.out.printf(Locale.ROOT, "cycle of %d companies at 5 requests/s and 200/min per partner token, %s: %d requests, "
                + "%.1f minutes of the 30-minute period%n", companies, what, total, took.toMillis() / 60_000.0);
    }

    private static CatalogSyncService service(YClientsSimulator sim, DynamoDbClient dynamoDb, Tables tables, RequestCounter counter,
                                              SyncSettings settings) {
        YClientsClient client = YClientsClient.builder()
                .baseUri(sim.baseUri())
                .credentials(new Credentials(SimulatorDefaults.PARTNER_TOKEN, SimulatorDefaults.USER_TOKEN))
                .rateLimiter(RateLimiter.UNLIMITED)
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

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            Object request = context.request();
            if (request instanceof PutItemRequest || request instanceof UpdateItemRequest || request instanceof DeleteItemRequest) {
                requests.incrementAndGet();
            } else if (request instanceof BatchWriteItemRequest batch) {
                requests.addAndGet(batch.requestItems().values().stream().mapToLong(java.util.List::size).sum());
            }
        }

        void reset() {
            requests.set(0);
        }
    }
}
