package io.ycbridge.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.config.Config;
import io.ycbridge.config.ConfigException;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.regions.Region;

@ExtendWith(LocalDynamoDbExtension.class)
class AwsClientsTest {

    @Test
    void pointsAtTheConfiguredEndpointAndRegion(LocalDynamoDb dynamoDb) {
        Config config = Config.of(Map.of("AWS_REGION", "eu-central-1", "AWS_ENDPOINT_URL", dynamoDb.endpoint().toString()));

        try (AwsClients aws = AwsClients.from(config)) {
            assertEquals(Region.EU_CENTRAL_1, aws.settings().region());
            assertTrue(aws.settings().dummyCredentials(), "a local endpoint without an access key signs with dummy credentials");
            assertSame(aws.dynamoDb(), aws.dynamoDb(), "one client per execution environment");
            aws.dynamoDb().listTables(); // answered by DynamoDB Local with the dummy credentials, never by AWS
            assertEquals(Region.EU_CENTRAL_1, aws.dynamoDb().serviceClientConfiguration().region());
            assertEquals(dynamoDb.endpoint(), aws.dynamoDb().serviceClientConfiguration().endpointOverride().orElseThrow());
        }
    }

    @Test
    void snsCanPointElsewhereThanTheOtherClients() {
        Config config = Config.of(Map.of("AWS_REGION", "eu-central-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:8000",
                "AWS_ENDPOINT_URL_SNS", "http://127.0.0.1:5000"));

        AwsSettings settings = AwsSettings.from(config);
        assertEquals(java.net.URI.create("http://127.0.0.1:5000"), settings.serviceEndpoints().get(AwsSettings.SNS));
        try (AwsClients aws = new AwsClients(settings)) {
            assertEquals(java.net.URI.create("http://127.0.0.1:8000"), aws.dynamoDb().serviceClientConfiguration().endpointOverride().orElseThrow());
        }
        assertTrue(AwsSettings.from(Config.of(Map.of("AWS_REGION", "eu-central-1", "AWS_ENDPOINT_URL_SNS", "http://127.0.0.1:5000")))
                .dummyCredentials(), "a local SNS alone never reaches for a real account either");
    }

    @Test
    void aClientBuiltForAServiceWithItsOwnEndpointGoesThereAndTheOthersKeepTheCommonOne() {
        AwsSettings settings = AwsSettings.from(Config.of(Map.of("AWS_REGION", "eu-central-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:8000",
                "AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:5001")));

        try (software.amazon.awssdk.http.SdkHttpClient http = software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create();
             software.amazon.awssdk.services.dynamodb.DynamoDbClient sqsPlaced = settings.configure(
                     software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder(), http, AwsSettings.SQS).build();
             software.amazon.awssdk.services.dynamodb.DynamoDbClient common = settings.configure(
                     software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder(), http, AwsSettings.SNS).build()) {
            assertEquals(java.net.URI.create("http://127.0.0.1:5001"), sqsPlaced.serviceClientConfiguration().endpointOverride().orElseThrow());
            assertEquals(java.net.URI.create("http://127.0.0.1:8000"), common.serviceClientConfiguration().endpointOverride().orElseThrow());
        }
        assertTrue(AwsSettings.from(Config.of(Map.of("AWS_REGION", "eu-central-1", "AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:5001")))
                .dummyCredentials(), "a local SQS alone never reaches for a real account either");
    }

    @Test
    void deployedSettingsUseTheSdksCredentialChain() {
        AwsSettings settings = AwsSettings.from(Config.of(Map.of("AWS_REGION", "eu-central-1")));

        assertTrue(settings.endpoint().isEmpty());
        assertFalse(settings.dummyCredentials());
        assertFalse(AwsSettings.from(Config.of(Map.of("AWS_REGION", "eu-central-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:1",
                "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"))).dummyCredentials(), "an explicit key is used even locally");
    }

    @Test
    void theRegionIsRequired() {
        ConfigException missing = assertThrows(ConfigException.class, () -> AwsSettings.from(Config.of(Map.of())));

        assertEquals("AWS_REGION", missing.variable());
    }
}
