package io.ycbridge.secret;

import io.ycbridge.config.Config;
import io.ycbridge.config.ConfigException;
import io.ycbridge.config.EnvVar;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Where the YClients secret is read from. Each {@link #load()} reads it afresh; caching is the provider's job. */
public interface SecretSource {
    String SECRETS_MANAGER = "secretsmanager";
    String ENVIRONMENT = "env";

    /**
     * @throws SecretFormatException      the secret is malformed (names the field)
     * @throws SecretUnavailableException the secret could not be read
     */
    YClientsSecret load();

    /** For logs and messages: which secret, never its content. */
    String describe();

    /**
     * The source the configuration asks for: {@code YCLIENTS_SECRET_SOURCE} (secretsmanager or env) when set; else
     * Secrets Manager when {@code YCLIENTS_SECRET_ARN} is set; else the environment when {@code YCLIENTS_PARTNER_TOKEN}
     * or {@code YCLIENTS_ENV_FILE} is set. Nothing is read here.
     *
     * @param secretsManager made only if Secrets Manager is the source
     */
    static SecretSource fromConfig(Config config, Supplier<SecretsManagerClient> secretsManager) {
        String kind = config.choice(EnvVar.YCLIENTS_SECRET_SOURCE, List.of(SECRETS_MANAGER, ENVIRONMENT)).orElseGet(() -> {
            if (config.optional(EnvVar.YCLIENTS_SECRET_ARN).isPresent()) {
                return SECRETS_MANAGER;
            }
            if (config.optional(EnvVar.YCLIENTS_PARTNER_TOKEN).isPresent() || config.optional(EnvVar.YCLIENTS_ENV_FILE).isPresent()) {
                return ENVIRONMENT;
            }
            throw new ConfigException(EnvVar.YCLIENTS_SECRET_ARN.name(), "environment variable YCLIENTS_SECRET_ARN is not set: "
                    + "set it to the ARN of the secret with the YClients credentials (template.yaml does), or for a local run set "
                    + "YCLIENTS_SECRET_SOURCE=env with YCLIENTS_PARTNER_TOKEN etc. or YCLIENTS_ENV_FILE=<path to a .env file>");
        });
        if (kind.equals(SECRETS_MANAGER)) {
            String secretId = config.require(EnvVar.YCLIENTS_SECRET_ARN);
            return new SecretsManagerSecretSource(secretsManager.get(), secretId);
        }
        Path envFile = config.optional(EnvVar.YCLIENTS_ENV_FILE).map(Path::of).orElse(null);
        return new EnvironmentSecretSource(config, envFile);
    }
}
