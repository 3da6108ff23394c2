package io.ycbridge.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.secret.YClientsSecret;
import io.ycbridge.yclients.ApiJson;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The secret's side of {@code ops rotate-webhook-token}: a new webhook token becomes current and the one it replaces
 * stays accepted until the grace period ends (YClients may still deliver to the old URL meanwhile). The secret is
 * rewritten field by field on its own JSON, so every other field (tokens, login, fields this tool does not know) is
 * kept as the operator wrote it.
 */
final class WebhookTokenRotation {
    private static final ObjectMapper JSON = ApiJson.mapper();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 40;

    private final SecretsManagerClient secrets;
    private final String secretId;
    private final Clock clock;
    // Made per rotation, never kept in a static: nothing here may come from a snapshot or be shared across runs.
    private final SecureRandom random = new SecureRandom();

    WebhookTokenRotation(SecretsManagerClient secrets, String secretId, Clock clock) {
        this.secrets = secrets;
        this.secretId = secretId;
        this.clock = clock;
    }

    /** What a rotation wrote: the new token, and the old one with its end of grace, if there was one. */
    record Rotated(String token, Optional<YClientsSecret.PreviousWebhookToken> previous) {
    }

    Rotated rotate(Duration grace) {
        ObjectNode secret = read();
        Optional<Instant> pending = Optional.ofNullable(secret.path(YClientsSecret.PREVIOUS_WEBHOOK_TOKEN_UNTIL).textValue()).map(Instant::parse);
        if (secret.has(YClientsSecret.PREVIOUS_WEBHOOK_TOKEN) && pending.isPresent() && clock.instant().isBefore(pending.get())) {
            // Rotating now would drop the token before this one while some company may still deliver with it.
            throw new UsageException("the previous webhook token is still accepted until " + pending.get() + ": let that rotation finish "
                    + "(setup-webhook for any company that kept the old URL, then rotate-webhook-token --retire) before rotating again");
        }
        Optional<String> old = Optional.ofNullable(secret.path(YClientsSecret.WEBHOOK_TOKEN).textValue()).filter(text -> !text.isBlank());
        String token = newToken();
        secret.put(YClientsSecret.WEBHOOK_TOKEN, token);
        Optional<YClientsSecret.PreviousWebhookToken> previous = old.map(text -> new YClientsSecret.PreviousWebhookToken(text, clock.instant().plus(grace)));
        previous.ifPresentOrElse(kept -> secret.put(YClientsSecret.PREVIOUS_WEBHOOK_TOKEN, kept.token())
                        .put(YClientsSecret.PREVIOUS_WEBHOOK_TOKEN_UNTIL, kept.until().toString()),
                () -> secret.remove(java.util.List.of(YClientsSecret.PREVIOUS_WEBHOOK_TOKEN, YClientsSecret.PREVIOUS_WEBHOOK_TOKEN_UNTIL)));
        write(secret);
        return new Rotated(token, previous);
    }

    /** Ends a grace period now: the previous token is removed from the secret. */
    boolean retire() {
        ObjectNode secret = read();
        if (!secret.has(YClientsSecret.PREVIOUS_WEBHOOK_TOKEN)) {
            return false;
        }
        secret.remove(java.util.List.of(YClientsSecret.PREVIOUS_WEBHOOK_TOKEN, YClientsSecret.PREVIOUS_WEBHOOK_TOKEN_UNTIL));
        write(secret);
        return true;
    }

    /** Keeps the previous token accepted for longer: a company whose YClients settings could not be changed still uses it. */
    void extendGrace(Instant until) {
        ObjectNode secret = read();
        if (secret.has(YClientsSecret.PREVIOUS_WEBHOOK_TOKEN)) {
            secret.put(YClientsSecret.PREVIOUS_WEBHOOK_TOKEN_UNTIL, until.toString());
            write(secret);
        }
    }

    private ObjectNode read() {
        String text = secrets.getSecretValue(request -> request.secretId(secretId)).secretString();
        JsonNode parsed;
        try {
            parsed = JSON.readTree(text == null ? "" : text);
        } catch (java.io.IOException e) {
            throw new UsageException("the secret " + secretId + " is not JSON; put the credentials into it first (README: First deploy)");
        }
        if (!(parsed instanceof ObjectNode object) || !object.has(YClientsSecret.PARTNER_TOKEN)) {
            throw new UsageException("the secret " + secretId + " has no partnerToken yet; put the credentials into it first (README: First deploy)");
        }
        return object;
    }

    private void write(ObjectNode secret) {
        secrets.putSecretValue(request -> request.secretId(secretId).secretString(secret.toString()));
    }

    private String newToken() {
        StringBuilder token = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }
}
