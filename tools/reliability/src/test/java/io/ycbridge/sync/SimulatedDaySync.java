package io.ycbridge.sync;

import io.ycbridge.api.YClientsAccess;
import io.ycbridge.aws.AwsClients;
import io.ycbridge.catalog.CatalogStore;
import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.observe.LogSink;
import io.ycbridge.record.RecordNormalizer;
import io.ycbridge.record.RecordStore;
import io.ycbridge.record.RecordVersionStore;
import io.ycbridge.secret.SecretSource;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The reliability suite's one reach into the sync's package: {@code CatalogSyncWiring.from(config)} with the
 * simulator's clock instead of the system's, so a "day" of outage can pass in a second. The sync's cursor and window
 * are computed from its clock; with the real one, changes dated by the simulator would fall outside the window.
 * Everything else is the production wiring, except that the rate limit is this JVM's (at the stack's generous limits)
 * rather than the shared DynamoDB schedule: the simulator is unthrottled.
 */
public final class SimulatedDaySync {
    private SimulatedDaySync() {
    }

    public static CatalogSyncService service(Config config, Clock clock, LogSink sink) {
        AwsClients aws = AwsClients.from(config);
        var dynamoDb = aws.dynamoDb();
        RequestCounter requests = new RequestCounter();
        YClientsAccess access = YClientsAccess.builder(config, SecretSource.fromConfig(config, aws::secretsManager)).observer(requests).build();
        SyncSettings settings = new SyncSettings(Duration.ofDays(30), Duration.ofMinutes(5), Duration.ofDays(7),
                config.zone(EnvVar.COMPANY_TIME_ZONE, ZoneId.of("Europe/Moscow")), Duration.ZERO);
        DecisionLog log = new DecisionLog("catalog-sync", sink, clock);
        return new CatalogSyncService(access::call, requests,
                new CatalogStore(dynamoDb, config.require(EnvVar.CATALOG_TABLE), clock),
                new RecordStore(dynamoDb, config.require(EnvVar.RECORDS_TABLE)),
                new RecordVersionStore(dynamoDb, config.require(EnvVar.RECORDS_TABLE)),
                new io.ycbridge.sync.SyncStateStore(dynamoDb, config.require(EnvVar.SYNC_STATE_TABLE)),
                RecordNormalizer.russia(), settings, clock, log, new EmfMetrics("catalog-sync", sink, clock));
    }
}
