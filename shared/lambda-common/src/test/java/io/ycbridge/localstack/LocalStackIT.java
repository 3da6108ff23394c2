package io.ycbridge.localstack;

import static io.ycbridge.fixture.SampleRecords.COMPANY;
import static io.ycbridge.fixture.SampleRecords.incomplete;
import static io.ycbridge.fixture.SampleRecords.version;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ycbridge.aws.AwsClients;
import io.ycbridge.aws.AwsSettings;
import io.ycbridge.fixture.Tables;
import io.ycbridge.simulator.MovableClock;
import io.ycbridge.record.RecordStore;
import io.ycbridge.record.UpsertOutcome;
import io.ycbridge.secret.SecretsManagerSecretSource;
import io.ycbridge.secret.YClientsSecretProvider;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.yclients.AuthenticationException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.regions.Region;

/**
 * The stores and the token provider against LocalStack, the AWS emulator the product design names: a second, independent
 * implementation of the same APIs next to DynamoDB Local and moto. Needs Docker; where there is no Docker engine the
 * whole class is skipped (reported as skipped, with the reason), which keeps a Docker-less machine's build green
 * without pretending these ran.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackIT {
    // Pinned: an emulator's behaviour is part of what a test run means.
    @Container
    private static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4.0"))
            .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.SECRETSMANAGER);

    private static AwsClients aws;

    @BeforeAll
    static void clients() {
        aws = new AwsClients(AwsSettings.local(LOCALSTACK.getEndpoint(), Region.of(LOCALSTACK.getRegion())));
    }

    @AfterAll
    static void close() {
        if (aws != null) {
            aws.close();
        }
    }

    @Test
    void recordStoreConvergesOnTheNewestVersion() {
        RecordStore store = new RecordStore(aws.dynamoDb(), Tables.create(aws.dynamoDb(), TableDefinitions.RECORDS));

        assertEquals(UpsertOutcome.CREATED, store.upsert(incomplete(version(9001, 5))));
        assertEquals(UpsertOutcome.UPDATED, store.upsert(version(9001, 5)));
        assertEquals(UpsertOutcome.DUPLICATE, store.upsert(version(9001, 5)));
        assertEquals(UpsertOutcome.UPDATED, store.upsert(version(9001, 6).withDeleted(true)));
        assertEquals(UpsertOutcome.STALE, store.upsert(version(9001, 5)));
        assertEquals(version(9001, 6).withDeleted(true), store.get(COMPANY, 9001).orElseThrow());
    }

    @Test
    void tokenProviderReadsTheSecretAndRefreshesOnARefusal() {
        String arn = aws.secretsManager().createSecret(create -> create.name("ycbridge/localstack")
                .secretString("{\"partnerToken\": \"partner0123456789\", \"userToken\": \"user0123456789\"}")).arn();
        YClientsSecretProvider provider = new YClientsSecretProvider(new SecretsManagerSecretSource(aws.secretsManager(), arn), null,
                new MovableClock(Instant.parse("2026-11-20T10:00:00Z")), Duration.ofMinutes(5));
        assertEquals("user0123456789", provider.credentials().userToken());
        aws.secretsManager().putSecretValue(put -> put.secretId(arn)
                .secretString("{\"partnerToken\": \"partner0123456789\", \"userToken\": \"rotated0123456789\"}"));

        String used = provider.call(credentials -> {
            if (credentials.userToken().equals("user0123456789")) {
                throw new AuthenticationException(401, null, "GET", "/records/1", AuthenticationException.Credential.USER_TOKEN);
            }
            return credentials.userToken();
        });

        assertEquals("rotated0123456789", used);
    }
}
