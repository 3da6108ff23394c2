package io.ycbridge.app.booking;

import io.ycbridge.api.YClientsAccess;
import io.ycbridge.app.catalog.CatalogReader;
import io.ycbridge.app.profile.Profile;
import io.ycbridge.app.profile.ProfileStore;
import io.ycbridge.app.visits.VisitReader;
import io.ycbridge.app.visits.VisitsService;
import io.ycbridge.bonus.BonusRules;
import io.ycbridge.bonus.Ledger;
import io.ycbridge.config.Config;
import io.ycbridge.edge.HttpRequest;
import io.ycbridge.fixture.Invocations;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.LogSink;
import io.ycbridge.record.RecordNormalizer;
import io.ycbridge.record.RecordSource;
import io.ycbridge.record.RecordStore;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.secret.EnvironmentSecretSource;
import io.ycbridge.simulator.SimulatorDefaults;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.simulator.YClientsSimulator;
import io.ycbridge.fixture.Tables;
import io.ycbridge.table.TableDefinitions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The booking routes' world for a test: the simulator with the demo seed at 2026-12-08 10:00 Moscow, DynamoDB Local
 * with every table, the demo catalog synced, and {@link #USER} with a profile whose phone (client 4001's) is proven
 * and linked. The API goes through the real access: the secret from the environment, the shared rate limiter on
 * SyncStateTable. Our clock is the simulator's, so "upcoming" and the lease agree with YClients' "now".
 */
public final class BookingWorld implements AutoCloseable {
    public static final String USER = DemoCatalog.USER;
    public static final String PHONE = "+79990000000";
    public static final long SALON = DemoCatalog.SALON;
    public static final Instant START = Instant.parse("2026-12-08T07:00:00Z");
    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    public final YClientsSimulator simulator;
    public final DynamoDbClient dynamoDb;
    public final CatalogReader catalog;
    public final ProfileStore profiles;
    public final Ledger ledger;
    public final BookingStore bookings;
    public final RecordStore records;
    public final String recordsTable;
    public final YClientsAccess api;
    public final BookingFallback fallback;
    public final LogSink.Captured logs = new LogSink.Captured();

    public BookingWorld(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
        this.catalog = DemoCatalog.reader(dynamoDb);
        this.simulator = YClientsSimulator.start();
        simulator.seed(SimulatorSeed.demo());
        simulator.clock().set(START);
        // The demo's form confirms phones; the tests of that step turn it back on.
        simulator.bookingForms().requirePhoneConfirmation(SALON, false);
        this.profiles = new ProfileStore(dynamoDb, Tables.create(dynamoDb, TableDefinitions.PROFILES));
        profiles.put(new Profile(USER, "Анна Смирнова", PHONE, "anna@example.com", "APP-1001", START));
        this.ledger = new Ledger(dynamoDb, BonusRules.percent("5"));
        ledger.service.linkProvenPhone(USER, PHONE);
        this.bookings = new BookingStore(dynamoDb, Tables.create(dynamoDb, TableDefinitions.BOOKINGS));
        this.recordsTable = Tables.create(dynamoDb, TableDefinitions.RECORDS);
        this.records = new RecordStore(dynamoDb, recordsTable);
        String syncState = Tables.create(dynamoDb, TableDefinitions.SYNC_STATE);
        Config secret = Config.of(Map.of("YCLIENTS_PARTNER_TOKEN", SimulatorDefaults.PARTNER_TOKEN,
                "YCLIENTS_USER_TOKEN", SimulatorDefaults.USER_TOKEN, "YCLIENTS_BASE_URL", simulator.baseUri().toString()));
        this.api = YClientsAccess.builder(secret, new EnvironmentSecretSource(secret, null))
                .sharedRateLimit(dynamoDb, syncState, 1).build();
        this.fallback = new BookingFallback(new BookingLinkService(DemoCatalog.SERVED, DemoCatalog.FORMS, catalog, profiles,
                new BookingLinkFormat()));
    }

    public BookingService booking() {
        return new BookingService(DemoCatalog.SERVED, new RecentCatalog(catalog, simulator.clock()), profiles, ledger.links, bookings, api, new NextFreeTimes(api), fallback,
                simulator.clock(), new DecisionLog("booking", logs, simulator.clock()));
    }

    public AvailabilityService availability() {
        return new AvailabilityService(DemoCatalog.SERVED, new RecentCatalog(catalog, simulator.clock()), api, fallback, simulator.clock());
    }

    public OnlineBookingHandler handler() {
        return new OnlineBookingHandler(availability(), booking());
    }

    /** The visits routes' service over this world. */
    public VisitsService visits() {
        return new VisitsService(DemoCatalog.SERVED, ledger.links, new VisitReader(dynamoDb, recordsTable), records, ledger.store, bookings,
                catalog, api, simulator.clock(), new DecisionLog("visits", logs, simulator.clock()));
    }

    /** The record as the webhook or the sync would store it: read from the API, normalised, upserted. */
    public StoredRecord storeFromApi(long companyId, long recordId) {
        StoredRecord record = api.call(client -> RecordNormalizer.russia()
                .normalize(companyId, client.record(companyId, recordId), MOSCOW, RecordSource.SYNC));
        records.upsertFromApi(record);
        return record;
    }

    /** An event file of this module's checkout. */
    public static HttpRequest event(String folder, String name) {
        return Invocations.http("../../events/" + folder + "/" + name + ".json");
    }

    @Override
    public void close() {
        simulator.close();
    }
}
