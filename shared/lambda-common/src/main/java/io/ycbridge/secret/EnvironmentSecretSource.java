package io.ycbridge.secret;

import io.ycbridge.config.Config;
import io.ycbridge.config.ConfigException;
import io.ycbridge.config.DotEnvFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The secret from environment variables ({@code YCLIENTS_PARTNER_TOKEN}, {@code YCLIENTS_USER_TOKEN},
 * {@code YCLIENTS_LOGIN}, {@code YCLIENTS_PASSWORD}, {@code YCLIENTS_BRAND}, {@code YCLIENTS_BASE_URL},
 * {@code COMPANY_IDS}, {@code YCLIENTS_WEBHOOK_TOKEN}), optionally beneath a {@code .env} file: for the local stack,
 * where there is no Secrets Manager. The environment wins over the file. The file is read on every load, so an
 * edited token is picked up when the cache expires, as a rotated secret would be.
 */
public final class EnvironmentSecretSource implements SecretSource {
    private final Config environment;
    private final Path envFile;

    /** @param envFile a {@code .env} file, or null */
    public EnvironmentSecretSource(Config environment, Path envFile) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.envFile = envFile;
    }

    @Override
    public YClientsSecret load() {
        Map<String, String> file = envFile == null ? Map.of() : readEnvFile();
        String where = envFile == null ? "the environment" : "the environment and " + envFile;
        return YClientsSecret.from(new EnvironmentSecretFields(
                name -> environment.optional(name).or(() -> Optional.ofNullable(file.get(name))), where));
    }

    private Map<String, String> readEnvFile() {
        try {
            return DotEnvFile.read(envFile);
        } catch (IOException e) {
            throw new SecretUnavailableException("cannot read the .env file " + envFile + " (YCLIENTS_ENV_FILE): " + e.getClass().getSimpleName(), e);
        } catch (ConfigException e) {
            throw new SecretFormatException(e.variable(), e.getMessage());
        }
    }

    @Override
    public String describe() {
        return envFile == null ? "environment variables" : "environment variables and " + envFile;
    }
}
