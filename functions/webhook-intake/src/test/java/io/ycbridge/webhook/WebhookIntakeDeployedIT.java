package io.ycbridge.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.config.Config;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.fixture.Invocations;
import io.ycbridge.fixture.Tables;
import io.ycbridge.localaws.MotoServer;
import io.ycbridge.localaws.MotoServerExtension;
import io.ycbridge.record.RecordStore;
import io.ycbridge.table.TableDefinitions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The handler as Lambda builds it, from its environment alone: the webhook token read from the Secrets Manager secret
 * YCLIENTS_SECRET_ARN names (the other tests hand the service a token), the record stored in RECORDS_TABLE. Against
 * moto, which serves both services at one endpoint, as AWS_ENDPOINT_URL points every client at one.
 */
@ExtendWith(MotoServerExtension.class)
class WebhookIntakeDeployedIT {
    @Test
    void aDeliveryIsCheckedAgainstTheSecretsTokenAndStored(MotoServer moto) throws Exception {
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(moto.endpoint()).region(MotoServer.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(MotoServer.CREDENTIALS)).httpClient(UrlConnectionHttpClient.create()).build();
             SecretsManagerClient secrets = SecretsManagerClient.builder().endpointOverride(moto.endpoint()).region(MotoServer.REGION)
                     .credentialsProvider(StaticCredentialsProvider.create(MotoServer.CREDENTIALS)).httpClient(UrlConnectionHttpClient.create()).build()) {
            String records = Tables.create(dynamoDb, TableDefinitions.RECORDS);
            String credentials = new ObjectMapper().writeValueAsString(Map.of("partnerToken", "partner-token-of-the-test",
                    "webhookToken", WebhookIntakeHandlerIT.TOKEN));
            // Named after the template's YClientsSecret, as the IAM check reads the call's resource.
            String secret = secrets.createSecret(create -> create.name("YClientsSecret-webhook-" + ProcessHandle.current().pid())
                    .secretString(credentials)).arn();
            WebhookIntakeHandler handler = new WebhookIntakeHandler(Config.of(Map.of(
                    "AWS_REGION", MotoServer.REGION.id(),
                    "AWS_ENDPOINT_URL", moto.endpoint().toString(),
                    "YCLIENTS_SECRET_ARN", secret,
                    "RECORDS_TABLE", records,
                    "SYNC_STATE_TABLE", Tables.create(dynamoDb, TableDefinitions.SYNC_STATE),
                    "COMPANY_IDS", Long.toString(WebhookIntakeHandlerIT.COMPANY))));

            HttpResponse answer = Invocations.httpAnswer(Invocations.invoke(handler,
                    Files.readAllBytes(Path.of("../../events/webhook-intake/record-created.json"))));
            HttpResponse refused = Invocations.httpAnswer(Invocations.invoke(handler,
                    Files.readAllBytes(Path.of("../../events/webhook-intake/bad-token.json"))));

            assertEquals(200, answer.status(), answer.body());
            assertTrue(new RecordStore(dynamoDb, records).get(WebhookIntakeHandlerIT.COMPANY, 9001).isPresent(), "stored");
            assertEquals(401, refused.status(), "a path token that is not the secret's: " + refused.body());
        }
    }
}
