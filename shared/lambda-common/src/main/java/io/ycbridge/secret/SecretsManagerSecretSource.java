package io.ycbridge.secret;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/** The secret's current version in AWS Secrets Manager, by ARN or name. */
public final class SecretsManagerSecretSource implements SecretSource {
    private final SecretsManagerClient client;
    private final String secretId;

    public SecretsManagerSecretSource(SecretsManagerClient client, String secretId) {
        this.client = Objects.requireNonNull(client, "client");
        this.secretId = Objects.requireNonNull(secretId, "secretId");
    }

    @Override
    public YClientsSecret load() {
        GetSecretValueResponse response;
        try {
            response = client.getSecretValue(get -> get.secretId(secretId));
        } catch (ResourceNotFoundException e) {
            throw new SecretUnavailableException("the secret " + secretId + " does not exist: check YCLIENTS_SECRET_ARN", e);
        } catch (SecretsManagerException e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            throw new SecretUnavailableException("reading the secret " + secretId + " failed (" + code + ", HTTP " + e.statusCode()
                    + ")" + ("AccessDeniedException".equals(code) ? ": the function's role needs secretsmanager:GetSecretValue on it" : ""), e);
        } catch (SdkException e) {
            throw new SecretUnavailableException("reading the secret " + secretId + " failed: " + e.getClass().getSimpleName(), e);
        }
        String json = response.secretString();
        if (json == null && response.secretBinary() != null) {
            json = response.secretBinary().asString(StandardCharsets.UTF_8);
        }
        return YClientsSecret.parseJson(json, "the secret " + secretId);
    }

    @Override
    public String describe() {
        return "Secrets Manager " + secretId;
    }
}
