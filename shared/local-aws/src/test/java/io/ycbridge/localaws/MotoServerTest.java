package io.ycbridge.localaws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

@ExtendWith(MotoServerExtension.class)
class MotoServerTest {

    @Test
    void theRealSdkClientTalksToMoto(MotoServer moto) {
        moto.reset();
        try (SecretsManagerClient client = client(moto)) {
            String arn = client.createSecret(create -> create.name("local-aws/smoke").secretString("{\"a\":1}")).arn();

            assertEquals("{\"a\":1}", client.getSecretValue(get -> get.secretId(arn)).secretString());
        }
    }

    @Test
    void resetForgetsEverything(MotoServer moto) {
        try (SecretsManagerClient client = client(moto)) {
            client.createSecret(create -> create.name("local-aws/reset").secretString("x"));
            moto.reset();

            assertThrows(ResourceNotFoundException.class, () -> client.getSecretValue(get -> get.secretId("local-aws/reset")));
        }
    }

    @Test
    void aMissingVirtualenvFailsWithTheFix() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> MotoServer.start(Path.of("/nonexistent/.venv/bin/moto_server")));

        assertTrue(failure.getMessage().contains("tools/python-tools"), failure.getMessage());
    }

    @Test
    void findsTheRepositoryVirtualenvFromAModuleFolder() {
        Path executable = MotoServer.locateExecutable();

        assertTrue(executable.endsWith(Path.of(".venv", "bin", "moto_server")), executable.toString());
    }

    private static SecretsManagerClient client(MotoServer moto) {
        return SecretsManagerClient.builder()
                .endpointOverride(moto.endpoint())
                .region(MotoServer.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(MotoServer.CREDENTIALS))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
