package io.ycbridge.loyalty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.api.YClientsAccess;
import io.ycbridge.aws.AwsClients;
import io.ycbridge.bonus.BonusOwner;
import io.ycbridge.bonus.BonusPolicy;
import io.ycbridge.bonus.BonusRules;
import io.ycbridge.bonus.EntryKind;
import io.ycbridge.bonus.EntryOrigin;
import io.ycbridge.bonus.Ledger;
import io.ycbridge.bonus.LedgerEntry;
import io.ycbridge.config.Config;
import io.ycbridge.edge.StreamChange;
import io.ycbridge.event.DomainEvent;
import io.ycbridge.event.EventBus;
import io.ycbridge.edge.Trigger;
import io.ycbridge.fixture.Invocations;
import io.ycbridge.fixture.Tables;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.StreamMapping;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.observe.LogSink;
import io.ycbridge.phone.PhoneNumber;
import io.ycbridge.record.RecordSource;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.record.StoredService;
import io.ycbridge.secret.EnvironmentSecretSource;
import io.ycbridge.simulator.LoyaltyCards;
import io.ycbridge.simulator.SimulatorDefaults;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.simulator.YClientsSimulator;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.yclients.ApiJson;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The loyalty cards' world for a test: the simulator with the demo seed (its chain and card type), DynamoDB Local with
 * the ledger (its real stream), links, cards and rate-limit tables, and {@link #USER} with the proven phone of the demo's
 * client 4001. {@link #settle} delivers the ledger's stream to {@link LoyaltyMirrorHandler} as Lambda's mapping would.
 */
final class CardWorld implements AutoCloseable {
    static final String USER = "user-sub-1";
    static final String PHONE = "+79990000000";
    static final String DIGITS = "79990000000";
    static final long SALON = SimulatorSeed.DEMO_SALON_ID;
    static final long BRANCH = SimulatorSeed.DEMO_BRANCH_ID;
    static final long CHAIN = SimulatorSeed.DEMO_CHAIN_ID;
    static final long CARD_TYPE = SimulatorSeed.DEMO_CARD_TYPE_ID;
    static final Instant START = Instant.parse("2026-12-08T07:00:00Z");

    final YClientsSimulator simulator;
    final DynamoDbClient dynamoDb;
    final Ledger ledger;
    final LoyaltyCardsStore cards;
    final LoyaltySettings settings;
    final YClientsAccess api;
    final LogSink.Captured logs = new LogSink.Captured();
    /** The card programme's lifetime, as BONUS_EXPIRY_DAYS gives it: off unless a test turns it on. */
    BonusExpirySettings expiry = new BonusExpirySettings(null, Duration.ofDays(7), java.time.ZoneId.of("Europe/Moscow"));
    /** What the expiry notices published. */
    final List<DomainEvent> events = new ArrayList<>();
    boolean busRefuses;
    private final DynamoDbStreamsClient streams;
    private final StreamMapping mapping;
    private final LoyaltyMirrorHandler handler;
    private long nextRecord = 900_001;

    CardWorld(LocalDynamoDb local) {
        this(local, new LoyaltySettings(Map.of(SALON, new LoyaltyProgramme(SALON, CHAIN, CARD_TYPE),
                BRANCH, new LoyaltyProgramme(BRANCH, CHAIN, CARD_TYPE))));
    }

    CardWorld(LocalDynamoDb local, LoyaltySettings settings) {
        this.dynamoDb = local.client();
        this.settings = settings;
        this.simulator = YClientsSimulator.start();
        simulator.seed(SimulatorSeed.demo());
        simulator.clock().set(START);
        this.ledger = new Ledger(dynamoDb, BonusRules.percent("5"));
        ledger.service.linkProvenPhone(USER, PHONE);
        this.cards = new LoyaltyCardsStore(dynamoDb, Tables.create(dynamoDb, TableDefinitions.LOYALTY_CARDS));
        String syncState = Tables.create(dynamoDb, TableDefinitions.SYNC_STATE);
        // The simulator admits any rate: held to YClients' 5/s, a chaos run's thousands of requests would queue for minutes.
        Config secret = Config.of(Map.of("YCLIENTS_PARTNER_TOKEN", SimulatorDefaults.PARTNER_TOKEN,
                "YCLIENTS_USER_TOKEN", SimulatorDefaults.USER_TOKEN, "YCLIENTS_BASE_URL", simulator.baseUri().toString(),
                "YCLIENTS_RATE_PER_SECOND", "1000", "YCLIENTS_RATE_PER_MINUTE", "60000"));
        this.api = YClientsAccess.builder(secret, new EnvironmentSecretSource(secret, null)).sharedRateLimit(dynamoDb, syncState, 1).build();
        this.handler = new LoyaltyMirrorHandler(mirror(), logs);
        this.streams = DynamoDbStreamsClient.builder().endpointOverride(local.endpoint()).region(LocalDynamoDb.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(LocalDynamoDb.CREDENTIALS))
                .httpClient(UrlConnectionHttpClient.create()).build();
        String streamArn = dynamoDb.describeTable(r -> r.tableName(ledgerTable())).table().latestStreamArn();
        this.mapping = new StreamMapping(streams, streamArn, LocalDynamoDb.REGION.id(), "arn:aws:lambda:us-east-1:000000000000:function:LoyaltyMirrorFunction",
                100, 10, record -> {
                    throw new AssertionError("ledger stream records given up: " + record.path("DDBStreamBatchInfo"));
                }, java.time.Clock.systemUTC());
    }

    LoyaltyMirror mirror() {
        return new LoyaltyMirror(settings, cards, ledger.store, ledger.links, api, simulator.clock(), new DecisionLog("loyalty-mirror", logs, simulator.clock()),
                new EmfMetrics("loyalty-mirror", logs, simulator.clock()));
    }

    LoyaltyFeed feed() {
        return new LoyaltyFeed(cards, ledger.store, api, simulator.clock(), new DecisionLog("loyalty-feed", logs, simulator.clock()),
                new EmfMetrics("loyalty-feed", logs, simulator.clock()));
    }

    LoyaltyReconciliation reconciliation() {
        return new LoyaltyReconciliation(settings, cards, ledger.store, ledger.links, feed(), api, simulator.clock(),
                new DecisionLog("loyalty-reconciliation", logs, simulator.clock()), new EmfMetrics("loyalty-reconciliation", logs, simulator.clock()));
    }

    LoyaltyCycle cycle() {
        return new LoyaltyCycle(settings, cards, feed(), mirror(), reconciliation(), notices(), simulator.clock(),
                new DecisionLog("loyalty-cycle", logs, simulator.clock()));
    }

    /** The expiry notices under {@link #expiry}, publishing to {@link #events} unless {@link #busRefuses}. */
    BonusExpiryNotices notices() {
        EventBus bus = batch -> {
            if (busRefuses) {
                return batch.stream().map(DomainEvent::id).collect(java.util.stream.Collectors.toSet());
            }
            events.addAll(batch);
            return java.util.Set.of();
        };
        return new BonusExpiryNotices(expiry, settings, ledger.store, cards, bus, simulator.clock(), new DecisionLog("bonus-expiry", logs, simulator.clock()));
    }

    LoyaltyMirrorHandler handler() {
        return handler;
    }

    /** Delivers everything the ledger's stream holds so far to the mirror, as Lambda's event source mapping would. */
    void settle() throws Exception {
        mapping.drain(event -> invoke(handler, event));
    }

    /** Delivers the stream so far to a mirror with LOYALTY_CARDS empty: as the stack ran before cards were switched on. */
    void settleWithCardsOff() throws Exception {
        LoyaltyMirror off = new LoyaltyMirror(new LoyaltySettings(Map.of()), cards, ledger.store, ledger.links, api, simulator.clock(),
                new DecisionLog("loyalty-mirror", logs, simulator.clock()), new EmfMetrics("loyalty-mirror", logs, simulator.clock()));
        LoyaltyMirrorHandler offHandler = new LoyaltyMirrorHandler(off, logs);
        mapping.drain(event -> invoke(offHandler, event));
    }

    /** One scheduled run of the loyalty cycle. */
    LoyaltyCycle.Summary runCycle() {
        return cycle().run(Duration.ofMinutes(5));
    }

    /** One scheduled run through the function's trigger, a schedule tick (the event file): its summary as answered. */
    JsonNode tick() throws Exception {
        byte[] answer = Invocations.invoke(new LoyaltyCycleHandler(cycle()), Files.readAllBytes(Path.of("../../events/loyalty-cycle/schedule.json")));
        return ApiJson.mapper().readTree(answer);
    }

    private static Collection<String> invoke(LoyaltyMirrorHandler target, ObjectNode event) throws Exception {
        List<StreamChange> batch = Trigger.DYNAMODB_STREAM.read(ApiJson.mapper().writeValueAsBytes(event));
        return target.handle(batch, null).itemIdentifiers();
    }

    /** A visit of the user's phone at the salon that the client came to and paid: its accrual is 5% of {@code cost}. */
    StoredRecord paidVisit(String cost) {
        long record = nextRecord++;
        return new StoredRecord(SALON, record, simulator.clock().instant(), false, 4001L, new PhoneNumber(PHONE), 55L, StoredRecord.ATTENDANCE_CAME,
                true, List.of(new StoredService(301, "Haircut", new BigDecimal(cost), 1)), OffsetDateTime.parse("2026-12-08T12:00:00+03:00"),
                Duration.ofHours(1), "7" + record, false, RecordSource.WEBHOOK);
    }

    /** The same record cancelled, a second later. */
    StoredRecord cancelled(StoredRecord visit) {
        simulator.clock().advance(Duration.ofSeconds(1));
        return new StoredRecord(visit.companyId(), visit.recordId(), simulator.clock().instant(), true, visit.clientId(), visit.clientPhone(),
                visit.staffId(), visit.attendance(), visit.paidFull(), visit.services(), visit.startsAt(), visit.seanceLength(), visit.visitId(),
                false, RecordSource.WEBHOOK);
    }

    void accrue(StoredRecord record) {
        ledger.service.accrue(record, 0);
        simulator.clock().advance(Duration.ofSeconds(1));
    }

    /** An operator's correction, as {@code ops adjust} writes it. */
    LedgerEntry adjust(String amount, String reason) {
        Instant now = simulator.clock().instant();
        LedgerEntry entry = new LedgerEntry("operator-" + now.toEpochMilli(), BonusOwner.user(USER), SALON, 0, EntryKind.ADJUSTMENT,
                BonusPolicy.money(new BigDecimal(amount)), now, EntryOrigin.operator(reason));
        ledger.store.post(entry);
        simulator.clock().advance(Duration.ofSeconds(1));
        return entry;
    }

    LoyaltyCards loyalty() {
        return simulator.loyalty();
    }

    /** The user's card in the demo chain, as the simulator holds it. */
    LoyaltyCards.Card card() {
        List<LoyaltyCards.Card> found = new ArrayList<>(simulator.loyalty().cardsOf(DIGITS));
        found.removeIf(card -> card.chainId() != CHAIN || card.typeId() != CARD_TYPE);
        if (found.size() != 1) {
            throw new AssertionError("expected one card of the demo type, found " + found);
        }
        return found.getFirst();
    }

    BigDecimal appBalance() {
        return ledger.store.balance(BonusOwner.user(USER));
    }

    /** Our manual transactions on the user's card, by title: a title twice is a double posting. */
    List<String> ourTitles() {
        return simulator.loyalty().transactions(CHAIN).stream()
                .filter(transaction -> transaction.title() != null && transaction.title().startsWith("ycbridge:"))
                .map(LoyaltyCards.Transaction::title).toList();
    }

    private String ledgerTable() {
        return ledger.store.table();
    }

    @Override
    public void close() {
        streams.close();
        simulator.close();
    }
}
