package io.ycbridge.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.loyalty.LoyaltyCycle;
import io.ycbridge.loyalty.LoyaltyWiring;
import io.ycbridge.simulator.SimulatorDefaults;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.simulator.YClientsSimulator;
import io.ycbridge.sync.CatalogSyncHandler;
import io.ycbridge.sync.CatalogSyncService;
import io.ycbridge.sync.CatalogSyncWiring;
import io.ycbridge.sync.SummaryJson;
import io.ycbridge.table.TableDefinition;
import io.ycbridge.table.TableDefinitions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The whole system in this JVM: DynamoDB Local with every table (named by logical id), the YClients simulator with the
 * demo seed (or the real API when a partner token is configured), every HTTP and stream function of the template made
 * once through its {@code (Config)} constructor, the HTTP API on loopback, the sync on its schedule and the RecordsTable
 * stream feeding bonus accrual. There is no queue locally: the schedule runs the sync's service for every company
 * in-process, which the deployed schedule fans out through SyncQueue to CatalogSyncFunction instead.
 * {@link #close()} stops all of it, newest first.
 */
final class LocalStack implements AutoCloseable {
    static final String SAMPLE_USER = "local-user-1";
    static final Duration SAMPLE_TOKEN_LIFETIME = Duration.ofHours(24);

    private final List<AutoCloseable> running = new ArrayList<>();
    private final LocalSettings settings;
    private final LocalTokenIssuer issuer;
    private LocalDynamoDb dynamoDb;
    private YClientsSimulator simulator;
    private LocalApiServer server;
    private static final ObjectMapper JSON = io.ycbridge.yclients.ApiJson.mapper();
    /** What a rule's schedule delivers: the notifier releases the pushes held for the end of quiet hours. */
    private static final JsonNode RELEASE_TICK = JSON.createObjectNode().put("version", "0").put("id", "local-release")
            .put("detail-type", "Scheduled Event").put("source", "aws.events").put("time", "1970-01-01T00:00:00Z");
    private CatalogSyncService sync;
    private LoyaltyCycle loyalty;
    private Duration loyaltyTimeout;
    private List<Long> companyIds;
    /** As long as CatalogSyncFunction may run: its template Timeout. */
    private Duration syncTimeout;
    /** One sync at a time, the schedule's or {@code POST /local/sync}'s, as one execution environment would run them. */
    private final ReentrantLock syncing = new ReentrantLock();
    private final CountDownLatch firstSync = new CountDownLatch(1);
    private LocalSns sns;
    private LocalEventSink eventSink;

    private LocalStack(LocalSettings settings) {
        this.settings = settings;
        this.issuer = new LocalTokenIssuer(settings.signingKey(), settings.issuer(), settings.audience(), Clock.systemUTC());
    }

    /** Starts everything, or stops what had started and rethrows. */
    static LocalStack start(LocalSettings settings, SamTemplate template) {
        LocalStack stack = new LocalStack(settings);
        try {
            stack.startAll(template);
            return stack;
        } catch (IOException e) {
            stack.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(SamTemplate template) throws IOException {
        dynamoDb = LocalDynamoDb.start();
        running.add(dynamoDb);
        for (TableDefinition table : TableDefinitions.all()) {
            table.create(dynamoDb.client(), table.logicalId());
        }
        Map<String, String> environment = new LinkedHashMap<>(template.environment());
        environment.putAll(settings.functionEnvironment());
        environment.put(EnvVar.AWS_REGION.name(), LocalDynamoDb.REGION.id());
        environment.put(EnvVar.AWS_ENDPOINT_URL.name(), dynamoDb.endpoint().toString());
        // SMS codes and pushes are printed, not sent: the functions' SNS calls go to the local SNS.
        sns = new LocalSns(System.out);
        running.add(sns);
        environment.put(EnvVar.AWS_ENDPOINT_URL_SNS.name(), sns.endpoint().toString());
        // Domain events are printed, and handed to the push notifier as the bus's rule would.
        eventSink = new LocalEventSink(System.out);
        running.add(eventSink);
        environment.put(EnvVar.AWS_ENDPOINT_URL_EVENTBRIDGE.name(), eventSink.endpoint().toString());
        environment.put(EnvVar.EVENT_BUS_NAME.name(), "EventBus");
        // The local SNS's platform applications, so the app can register a device; no quiet hours, so each push
        // prints as its event does (set QUIET_HOURS to see them held).
        environment.putIfAbsent(EnvVar.FCM_PLATFORM_APPLICATION_ARN.name(), "arn:aws:sns:" + LocalDynamoDb.REGION.id() + ":000000000000:app/GCM/ycbridge-local");
        environment.putIfAbsent(EnvVar.APNS_PLATFORM_APPLICATION_ARN.name(), "arn:aws:sns:" + LocalDynamoDb.REGION.id() + ":000000000000:app/APNS/ycbridge-local");
        if (!settings.functionEnvironment().containsKey(EnvVar.QUIET_HOURS.name())) {
            environment.put(EnvVar.QUIET_HOURS.name(), "none");
        }
        environment.put(EnvVar.YCLIENTS_SECRET_SOURCE.name(), "env");
        environment.remove(EnvVar.SYNC_QUEUE_URL.name());   // no queue locally: the schedule runs the sync of every company itself
        if (!settings.realApi()) {
            simulator = YClientsSimulator.start();
            running.add(simulator);
            simulator.seed(SimulatorSeed.demo());
            // The seed's history stays where it is; from now on changes carry today's time, as real edits would.
            simulator.clock().set(Instant.now());
            environment.put(EnvVar.YCLIENTS_PARTNER_TOKEN.name(), SimulatorDefaults.PARTNER_TOKEN);
            environment.put(EnvVar.YCLIENTS_USER_TOKEN.name(), SimulatorDefaults.USER_TOKEN);
            environment.put(EnvVar.YCLIENTS_BASE_URL.name(), simulator.baseUri().toString());
            // The demo chain's bonus lives on its loyalty cards, so the scenario shows the cashier's side too.
            environment.putIfAbsent(EnvVar.LOYALTY_CARDS.name(), SimulatorSeed.DEMO_SALON_ID + ":" + SimulatorSeed.DEMO_CHAIN_ID + ":"
                    + SimulatorSeed.DEMO_CARD_TYPE_ID + "," + SimulatorSeed.DEMO_BRANCH_ID + ":" + SimulatorSeed.DEMO_CHAIN_ID + ":"
                    + SimulatorSeed.DEMO_CARD_TYPE_ID);
        }
        Config config = Config.of(environment);

        RouteTable<LocalApiServer.ApiTarget> api = new RouteTable<>();
        Map<String, LocalFunction> functions = new HashMap<>();
        for (SamTemplate.HttpRoute route : template.httpRoutes()) {
            LocalFunction function = functions.computeIfAbsent(route.functionId(), id ->
                    LocalFunction.of(id, route.timeoutSeconds(), LocalFunction.instantiate(route.handlerClass(), RequestStreamHandler.class, config)));
            api.add(route.method(), route.path(), new LocalApiServer.ApiTarget(function, route.authorized()));
        }

        sync = CatalogSyncWiring.from(config).service();
        loyalty = LoyaltyWiring.from(config, "loyalty-cycle").cycle(config);
        loyaltyTimeout = template.timeoutOf("LoyaltyCycleFunction");
        syncTimeout = template.timeoutOf("CatalogSyncFunction");
        companyIds = config.requireIds(EnvVar.COMPANY_IDS);

        RouteTable<LocalApiServer.LocalAction> local = new RouteTable<>();
        local.add("POST", "/local/sync", (path, query, body) -> new LocalApiServer.Answer(200, runSync()));
        if (simulator != null) {
            DemoScenario scenario = new DemoScenario(simulator, this::webhookUrl);
            // The app's native booking (POST /v1/bookings) reaches our intake as YClients' notification would; the demo
            // salon books without an SMS code, so the guided scenario needs no phone (its branch still asks for one).
            simulator.webhooks().forwardOnlineBookings(this::webhookUrl);
            simulator.bookingForms().requirePhoneConfirmation(SimulatorSeed.DEMO_SALON_ID, false);
            local.add("POST", "/local/book", scenario::book);
            local.add("POST", "/local/visits/{record}/complete", scenario::complete);
            local.add("POST", "/local/visits/{record}/spend", scenario::spend);
        } else {
            LocalApiServer.LocalAction simulatorOnly = (path, query, body) -> {
                throw new LocalApiServer.Refusal(404, "the real YClients API is configured: book and complete visits in YClients itself");
            };
            local.add("POST", "/local/book", simulatorOnly);
            local.add("POST", "/local/visits/{record}/complete", simulatorOnly);
            local.add("POST", "/local/visits/{record}/spend", simulatorOnly);
        }
        server = new LocalApiServer(settings.port(), api, local, issuer);
        running.add(server);

        DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
                .endpointOverride(dynamoDb.endpoint())
                .region(LocalDynamoDb.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(LocalDynamoDb.CREDENTIALS))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        running.add(streams);
        // One poller per reader, as each function has its own event source mapping: the records stream feeds accrual
        // and the visit events, the ledger's the loyalty mirror and the bonus events.
        for (TableDefinition table : List.of(TableDefinitions.RECORDS, TableDefinitions.BONUS_LEDGER)) {
            String streamArn = dynamoDb.client().describeTable(request -> request.tableName(table.logicalId())).table().latestStreamArn();
            for (SamTemplate.StreamSettings reader : template.streamsOf(table.logicalId())) {
                LocalFunction function = LocalFunction.of(reader.functionId(), reader.timeoutSeconds(),
                        LocalFunction.instantiate(reader.handlerClass(), RequestStreamHandler.class, config));
                running.add(new StreamPoller(reader.functionId(), streams, streamArn, LocalDynamoDb.REGION.id(), function,
                        reader.batchSize(), reader.maximumRetryAttempts()));
            }
        }

        // Each function on a rule of the bus gets every event, as the rule's target would; the notifier's release tick
        // runs every minute instead of every 15.
        List<LocalFunction> busTargets = new java.util.ArrayList<>();
        for (SamTemplate.BusTarget target : template.busTargets()) {
            LocalFunction function = LocalFunction.of(target.functionId(), target.timeoutSeconds(),
                    LocalFunction.instantiate(target.handlerClass(), RequestStreamHandler.class, config));
            busTargets.add(function);
            eventSink.subscribe(function::invoke);
        }

        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("sync-schedule").daemon().factory());
        running.add(schedule::shutdownNow);
        // The first run at once, so the catalog is there for booking links; then every syncEvery, like the EventBridge rule.
        schedule.scheduleAtFixedRate(this::scheduledSync, 0, settings.syncEvery().toSeconds(), TimeUnit.SECONDS);
        schedule.scheduleAtFixedRate(() -> busTargets.forEach(LocalStack::tick), 60, 60, TimeUnit.SECONDS);
    }

    private static void tick(LocalFunction function) {
        try {
            function.invoke(RELEASE_TICK);
        } catch (RuntimeException e) {
            System.err.println(function.name() + ": the release tick failed: " + e.getClass().getName());
        }
    }

    private void scheduledSync() {
        try {
            // The banner waits for the catalog, not for the loyalty cycle after it.
            runSync(firstSync::countDown);
        } catch (RuntimeException e) {
            System.err.println("sync-schedule: the scheduled sync failed: " + e.getClass().getName());
        } finally {
            firstSync.countDown();
        }
    }

    /**
     * Waits for the first scheduled sync to end, at most {@code patience}: on the simulator it takes seconds, and a
     * booking link asked for before it ends finds no catalog; against the real API it may take longer than anyone
     * should wait for a banner.
     *
     * @return whether it ended in time
     */
    boolean awaitFirstSync(Duration patience) throws InterruptedException {
        return firstSync.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * One run of the sync over every company, then of the loyalty cycle (deployed, both run on the same schedule); the
     * sync's summary (per company, no tokens) as the answer, with the cycle's under {@code loyalty}.
     */
    JsonNode runSync() {
        return runSync(() -> { });
    }

    /** {@link #runSync()}, with {@code synced} run between the sync and the loyalty cycle. */
    private JsonNode runSync(Runnable synced) {
        syncing.lock();
        try {
            ObjectNode summary = SummaryJson.of(sync.syncAll(companyIds, CatalogSyncHandler.deadline(Instant.now(), syncTimeout)));
            synced.run();
            summary.set("loyalty", JSON.valueToTree(loyalty.run(loyaltyTimeout.minusSeconds(30))));
            return summary;
        } finally {
            syncing.unlock();
        }
    }

    int port() {
        return server.port();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    URI webhookUrl() {
        return URI.create(baseUrl() + "/v1/yclients/webhook/" + settings.webhookToken());
    }

    boolean simulated() {
        return simulator != null;
    }

    /** The simulator, or null against the real API: for the scenario test, which looks at the demo client's card. */
    YClientsSimulator simulator() {
        return simulator;
    }

    URI simulatorUrl() {
        return simulator == null ? null : simulator.baseUri();
    }

    /** The local DynamoDB's client: for the scenario test, which checks what was stored. */
    software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamoDb() {
        return dynamoDb.client();
    }

    /** The events published so far, as a rule's target receives them: for the scenario test. */
    List<JsonNode> events() {
        return eventSink.published();
    }

    LocalTokenIssuer issuer() {
        return issuer;
    }

    /** The printed token: its verified phone claim is the demo client's phone, so the guided scenario's profile save links it. */
    String sampleToken() {
        return issuer.issueWithVerifiedPhone(SAMPLE_USER, DemoScenario.CLIENT_PHONE, SAMPLE_TOKEN_LIFETIME);
    }

    /** What the SMS sink was asked to send: for the scenario test. */
    java.util.List<LocalSns.Push> pushed() {
        return sns.pushed();
    }

    java.util.List<LocalSns.Sms> smsSent() {
        return sns.sent();
    }

    LocalSettings settings() {
        return settings;
    }

    @Override
    public synchronized void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("local: stopping " + running.get(i).getClass().getSimpleName() + " failed: " + e.getClass().getName());
            }
        }
        running.clear();
    }
}
