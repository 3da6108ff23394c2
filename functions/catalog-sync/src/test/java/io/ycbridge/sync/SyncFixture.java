package io.ycbridge.sync;

import io.ycbridge.catalog.CatalogStore;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.observe.LogSink;
import io.ycbridge.phone.PhoneNormalizer;
import io.ycbridge.phone.PhoneRegions;
import io.ycbridge.record.RecordNormalizer;
import io.ycbridge.record.RecordStore;
import io.ycbridge.record.RecordVersionStore;
import io.ycbridge.simulator.SimulatorDefaults;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.simulator.YClientsSimulator;
import io.ycbridge.table.TableDefinition;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.yclients.Credentials;
import io.ycbridge.yclients.RateLimiter;
import io.ycbridge.yclients.YClientsClient;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A sync service over the simulator (demo seed, no rate limit, retries without sleeping) and fresh DynamoDB Local
 * tables, with the stores exposed for assertions.
 */
final class SyncFixture implements AutoCloseable {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final YClientsSimulator sim = YClientsSimulator.start();
    final RequestCounter requests = new RequestCounter();
    final LogSink.Captured logs = new LogSink.Captured();
    final CatalogStore catalog;
    final RecordStore records;
    final SyncStateStore states;
    final String recordsTable;
    final String catalogTable;
    final String stateTable;
    final DynamoDbClient dynamoDb;

    SyncFixture(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
        sim.seed(SimulatorSeed.demo());
        recordsTable = create(dynamoDb, TableDefinitions.RECORDS);
        catalogTable = create(dynamoDb, TableDefinitions.CATALOG);
        stateTable = create(dynamoDb, TableDefinitions.SYNC_STATE);
        catalog = new CatalogStore(dynamoDb, catalogTable, sim.clock());
        records = new RecordStore(dynamoDb, recordsTable);
        states = new SyncStateStore(dynamoDb, stateTable);
    }

    YClientsClient client() {
        return YClientsClient.builder()
                .baseUri(sim.baseUri())
                .credentials(new Credentials(SimulatorDefaults.PARTNER_TOKEN, SimulatorDefaults.USER_TOKEN))
                .rateLimiter(RateLimiter.UNLIMITED)
                .sleeper(duration -> { })
                .clock(sim.clock())
                .observer(requests)
                .build();
    }

    CatalogSyncService service(SyncSettings settings) {
        return service(settings, sim.clock());
    }

    CatalogSyncService service(SyncSettings settings, Clock clock) {
        return service(settings, clock, records);
    }

    /** With another records store: one whose writes fail, say. */
    CatalogSyncService service(SyncSettings settings, Clock clock, RecordStore records) {
        return new CatalogSyncService(CompanyApi.of(client()), requests, catalog, records,
                new RecordVersionStore(dynamoDb, recordsTable), states,
                // As deployed: RU by default, each company's country once the sync has learned it.
                // The region cache keeps the simulator's time: a test's ticking clock is the run's, read per record here.
                new RecordNormalizer(PhoneRegions.everywhere(PhoneNormalizer.russia()).withCompanyData(states::phoneRegion, sim.clock(),
                        new DecisionLog("catalog-sync", logs, clock))), settings,
                clock, new DecisionLog("catalog-sync", logs, clock), new EmfMetrics("catalog-sync", logs, clock));
    }

    static String create(DynamoDbClient client, TableDefinition definition) {
        String name = definition.logicalId() + "-" + ProcessHandle.current().pid() + "-sync-" + SEQUENCE.incrementAndGet();
        definition.create(client, name);
        return name;
    }

    @Override
    public void close() {
        sim.close();
    }
}
