package io.ycbridge.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ycbridge.config.Config;
import io.ycbridge.config.ConfigException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

class SecretSourceTest {
    private static final Supplier<SecretsManagerClient> NO_CLIENT = () -> fail("Secrets Manager must not be used");

    @Test
    void anArnMeansSecretsManager() {
        AtomicInteger made = new AtomicInteger();
        SecretSource source = SecretSource.fromConfig(Config.of(Map.of("YCLIENTS_SECRET_ARN", "arn:aws:secretsmanager:eu-central-1:1:secret:yc")),
                () -> {
                    made.incrementAndGet();
                    return SecretsManagerClient.builder().region(software.amazon.awssdk.regions.Region.EU_CENTRAL_1)
                            .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build();
                });

        assertInstanceOf(SecretsManagerSecretSource.class, source);
        assertEquals("Secrets Manager arn:aws:secretsmanager:eu-central-1:1:secret:yc", source.describe());
        assertEquals(1, made.get());
    }

    @Test
    void aPartnerTokenOrEnvFileMeansTheEnvironment() {
        assertInstanceOf(EnvironmentSecretSource.class,
                SecretSource.fromConfig(Config.of(Map.of("YCLIENTS_PARTNER_TOKEN", "abc123456")), NO_CLIENT));
        assertInstanceOf(EnvironmentSecretSource.class,
                SecretSource.fromConfig(Config.of(Map.of("YCLIENTS_ENV_FILE", "/tmp/x.env")), NO_CLIENT));
    }

    @Test
    void theExplicitChoiceWins() {
        Config config = Config.of(Map.of("YCLIENTS_SECRET_SOURCE", "env", "YCLIENTS_SECRET_ARN", "arn:x", "YCLIENTS_PARTNER_TOKEN", "abc123456"));

        assertInstanceOf(EnvironmentSecretSource.class, SecretSource.fromConfig(config, NO_CLIENT));
    }

    @Test
    void secretsManagerWithoutAnArnNamesTheVariable() {
        ConfigException missing = assertThrows(ConfigException.class,
                () -> SecretSource.fromConfig(Config.of(Map.of("YCLIENTS_SECRET_SOURCE", "secretsmanager")), NO_CLIENT));

        assertEquals("YCLIENTS_SECRET_ARN", missing.variable());
    }

    @Test
    void noSourceAtAllExplainsBothWays() {
        ConfigException missing = assertThrows(ConfigException.class, () -> SecretSource.fromConfig(Config.of(Map.of()), NO_CLIENT));

        assertEquals("YCLIENTS_SECRET_ARN", missing.variable());
        assertTrue(missing.getMessage().contains("YCLIENTS_SECRET_SOURCE=env"), missing.getMessage());
    }
}
