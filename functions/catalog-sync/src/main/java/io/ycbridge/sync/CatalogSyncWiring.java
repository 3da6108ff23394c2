package io.ycbridge.sync;

import io.ycbridge.api.YClientsAccess;
import io.ycbridge.aws.AwsClients;
import io.ycbridge.catalog.CatalogStore;
import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.observe.LogSink;
import io.ycbridge.phone.PhoneRegions;
import io.ycbridge.record.RecordNormalizer;
import io.ycbridge.record.RecordStore;
import io.ycbridge.record.RecordVersionStore;
import io.ycbridge.secret.SecretSource;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the handler builds from the settings, once per execution environment and again when they change; also the
 * local stack's sync, which calls the service itself.
 */
public record CatalogSyncWiring(CatalogSyncService service, DecisionLog log) {

    public static CatalogSyncWiring from(Config config) {
        Clock clock = Clock.systemUTC();
        AwsClients aws = AwsClients.from(config);
        DynamoDbClient dynamoDb = aws.dynamoDb();
        String stateTable = config.require(EnvVar.SYNC_STATE_TABLE);
        RequestCounter requests = new RequestCounter();
        EmfMetrics metrics = new EmfMetrics("catalog-sync", LogSink.STDOUT, clock);
        YClientsAccess access = YClientsAccess.builder(config, SecretSource.fromConfig(config, aws::secretsManager))
                .sharedRateLimit(dynamoDb, stateTable)
                .metrics(metrics)
                .observer(requests)
                .build();
        SyncSettings settings = new SyncSettings(
                Duration.ofDays(config.positive(EnvVar.SYNC_BACKFILL_DAYS, 30)),
                config.seconds(EnvVar.SYNC_OVERLAP_SECONDS, Duration.ofMinutes(5)),
                Duration.ofDays(config.positive(EnvVar.SYNC_SLICE_DAYS, 7)),
                config.zone(EnvVar.COMPANY_TIME_ZONE, ZoneId.of("Europe/Moscow")),
                config.seconds(EnvVar.SYNC_CATALOG_INTERVAL_SECONDS, SyncSettings.DEFAULT_CATALOG_INTERVAL));
        DecisionLog log = new DecisionLog("catalog-sync", LogSink.STDOUT, clock);
        SyncStateStore states = new SyncStateStore(dynamoDb, stateTable);
        CatalogSyncService service = new CatalogSyncService(access::call, requests,
                new CatalogStore(dynamoDb, config.require(EnvVar.CATALOG_TABLE), clock),
                new RecordStore(dynamoDb, config.require(EnvVar.RECORDS_TABLE)),
                new RecordVersionStore(dynamoDb, config.require(EnvVar.RECORDS_TABLE)),
                states,
                new RecordNormalizer(PhoneRegions.fromConfig(config).withCompanyData(states::phoneRegion, clock, log)), settings, clock, log, metrics);
        return new CatalogSyncWiring(service, log);
    }

}
