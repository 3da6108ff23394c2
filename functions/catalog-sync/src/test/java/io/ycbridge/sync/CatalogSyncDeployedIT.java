package io.ycbridge.sync;

import static io.ycbridge.simulator.SimulatorSeed.DEMO_BRANCH_ID;
import static io.ycbridge.simulator.SimulatorSeed.DEMO_SALON_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.config.Config;
import io.ycbridge.fixture.Invocations;
import io.ycbridge.fixture.Tables;
import io.ycbridge.localaws.MotoServer;
import io.ycbridge.localaws.MotoServerExtension;
import io.ycbridge.simulator.SimulatorDefaults;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.simulator.YClientsSimulator;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.yclients.ApiJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The handler as Lambda builds it, from its environment alone: credentials and API address from the Secrets Manager
 * secret YCLIENTS_SECRET_ARN names, the rate limit shared through SyncStateTable, the catalog and records in their
 * tables (the other tests hand the service its parts). One SQS batch of events/catalog-sync against the simulator and
 * moto, which serves both AWS services at the one endpoint AWS_ENDPOINT_URL points every client at.
 */
@ExtendWith(MotoServerExtension.class)
class CatalogSyncDeployedIT {
    @Test
    void aBatchSyncsItsCompaniesWithTheSecretsCredentials(MotoServer moto) throws Exception {
        try (YClientsSimulator simulator = YClientsSimulator.start();
             DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(moto.endpoint()).region(MotoServer.REGION)
                     .credentialsProvider(StaticCredentialsProvider.create(MotoServer.CREDENTIALS)).httpClient(UrlConnectionHttpClient.create()).build();
             SecretsManagerClient secrets = SecretsManagerClient.builder().endpointOverride(moto.endpoint()).region(MotoServer.REGION)
                     .credentialsProvider(StaticCredentialsProvider.create(MotoServer.CREDENTIALS)).httpClient(UrlConnectionHttpClient.create()).build()) {
            simulator.seed(SimulatorSeed.demo());
            // The seed's history stays where it is; the sync's first run reads the days up to now.
            simulator.clock().set(Instant.now());
            String credentials = new ObjectMapper().writeValueAsString(Map.of("partnerToken", SimulatorDefaults.PARTNER_TOKEN,
                    "userToken", SimulatorDefaults.USER_TOKEN, "baseUrl", simulator.baseUri().toString()));
            // Named after the template's YClientsSecret, as the IAM check reads the call's resource.
            String secret = secrets.createSecret(create -> create.name("YClientsSecret-sync-" + ProcessHandle.current().pid())
                    .secretString(credentials)).arn();
            String catalog = Tables.create(dynamoDb, TableDefinitions.CATALOG);
            String states = Tables.create(dynamoDb, TableDefinitions.SYNC_STATE);
            CatalogSyncHandler handler = new CatalogSyncHandler(Config.of(Map.of(
                    "AWS_REGION", MotoServer.REGION.id(),
                    "AWS_ENDPOINT_URL", moto.endpoint().toString(),
                    "YCLIENTS_SECRET_ARN", secret,
                    "RECORDS_TABLE", Tables.create(dynamoDb, TableDefinitions.RECORDS),
                    "CATALOG_TABLE", catalog,
                    "SYNC_STATE_TABLE", states,
                    "COMPANY_IDS", DEMO_SALON_ID + "," + DEMO_BRANCH_ID)));

            JsonNode answer = ApiJson.mapper().readTree(Invocations.invoke(handler,
                    Files.readAllBytes(Path.of("../../events/catalog-sync/sqs-messages.json"))));

            assertEquals("{\"batchItemFailures\":[]}", answer.toString());
            assertTrue(dynamoDb.scan(scan -> scan.tableName(catalog)).count() > 0, "the catalog was stored");
            SyncStateStore synced = new SyncStateStore(dynamoDb, states);
            for (long company : List.of(DEMO_SALON_ID, DEMO_BRANCH_ID)) {
                assertTrue(synced.get(company).lastSuccessAt().isPresent(), "company " + company + " synced");
            }
        }
    }
}
