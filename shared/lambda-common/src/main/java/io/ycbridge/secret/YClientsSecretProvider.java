package io.ycbridge.secret;

import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.LogSink;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.yclients.AuthenticationException;
import io.ycbridge.yclients.Credentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * The YClients credentials of this execution environment: read from the {@link SecretSource} on first use, cached
 * for a TTL, and refreshed once when the API answers 401.
 *
 * <ul>
 *   <li><b>Lazy.</b> Nothing is read in the constructor or at class initialisation, so a SnapStart snapshot taken
 *       after init holds no token; {@link #beforeCheckpoint} also drops the cache in case something used it during
 *       init (e.g. a priming call).</li>
 *   <li><b>User token.</b> The secret's {@code userToken}; else, when the secret has {@code login} and
 *       {@code password}, one obtained through the {@link UserTokenIssuer} — kept across cache refreshes while the
 *       secret's partner token, login and password stay the same, so a TTL expiry does not log in again.</li>
 *   <li><b>401.</b> {@link #call} invalidates, re-reads the secret (it may have been rotated), logs in again when the
 *       user token was refused and the secret's token is the refused one, and retries exactly once. A second refusal
 *       propagates: it carries the operator's fix.</li>
 *   <li><b>Never logged.</b> Log lines and messages name the source and what happened, never a value; every type
 *       that holds a token masks it in toString.</li>
 * </ul>
 */
public final class YClientsSecretProvider implements Resource {
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);


    private final SecretSource source;
    private final UserTokenIssuer issuer;
    private final Clock clock;
    private final Duration ttl;
    private final DecisionLog log;
    private volatile Snapshot cache;

    /**
     * @param issuer null when this function never logs in (a secret with only login and password then fails on use
     *               with a message saying so)
     */
    public YClientsSecretProvider(SecretSource source, UserTokenIssuer issuer, Clock clock, Duration ttl) {
        this(source, issuer, clock, ttl, new DecisionLog("secret", LogSink.STDOUT, clock));
    }

    /** @param log where its decisions go: one JSON line each, like every other component's */
    public YClientsSecretProvider(SecretSource source, UserTokenIssuer issuer, Clock clock, Duration ttl, DecisionLog log) {
        this.log = Objects.requireNonNull(log, "log");
        this.source = Objects.requireNonNull(source, "source");
        this.issuer = issuer;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative");
        }
    }

    /**
     * The provider a handler's no-arg constructor makes (through {@code YClientsAccess}): the TTL from the configuration
     * ({@code YCLIENTS_SECRET_TTL_SECONDS}), registered for SnapStart's checkpoint.
     */
    public static YClientsSecretProvider fromConfig(Config config, SecretSource source, UserTokenIssuer issuer, Clock clock) {
        YClientsSecretProvider provider = new YClientsSecretProvider(source, issuer, clock,
                config.seconds(EnvVar.YCLIENTS_SECRET_TTL_SECONDS, DEFAULT_TTL));
        // CRaC holds registered resources weakly; the handler keeps the provider alive.
        Core.getGlobalContext().register(provider);
        return provider;
    }

    /** The secret, from the cache while fresh. */
    public YClientsSecret secret() {
        return current().secret();
    }

    /** The credentials to call the API with, from the cache while fresh. */
    public Credentials credentials() {
        return current().credentials();
    }

    /**
     * Runs {@code action} with the current credentials; when it throws {@link AuthenticationException}, refreshes
     * (see the class comment) and runs it once more. The second attempt's exceptions propagate unchanged.
     */
    public <T> T call(Function<Credentials, T> action) {
        Snapshot used = current();
        try {
            return action.apply(used.credentials());
        } catch (AuthenticationException refused) {
            Snapshot fresh = refreshAfter(used, refused);
            return action.apply(fresh.credentials());
        }
    }

    /** Forgets the cached secret; the next use reads it again. */
    public void invalidate() {
        cache = null;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        boolean held = cache != null;
        invalidate();
        log.info("secret_cache_dropped", Map.of("reason", "checkpoint", "held", held));
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to do: the next use reads the secret in the restored environment.
    }

    private Snapshot current() {
        Snapshot snapshot = cache;
        if (snapshot != null && fresh(snapshot)) {
            return snapshot;
        }
        synchronized (this) {
            snapshot = cache;
            if (snapshot != null && fresh(snapshot)) {
                return snapshot; // another thread refreshed while this one waited
            }
            Snapshot loaded = load(snapshot, null);
            cache = loaded;
            return loaded;
        }
    }

    private synchronized Snapshot refreshAfter(Snapshot refusedSnapshot, AuthenticationException refused) {
        Snapshot snapshot = cache;
        if (snapshot != null && snapshot != refusedSnapshot && fresh(snapshot)
                && !snapshot.credentials().equals(refusedSnapshot.credentials())) {
            return snapshot; // another thread already refreshed after the same refusal
        }
        log.warn("yclients_credentials_refused", Map.of(
                "credential", refused.credential().name(), "action", "re-read secret and retry once", "source", source.describe()));
        cache = null;
        Snapshot loaded = load(refusedSnapshot, refused);
        cache = loaded;
        return loaded;
    }

    private Snapshot load(Snapshot previous, AuthenticationException refused) {
        YClientsSecret secret = source.load();
        UserToken token = userToken(secret, previous, refused);
        Snapshot snapshot = new Snapshot(secret, new Credentials(secret.partnerToken(), token.value()), token.issued(), clock.instant());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("source", source.describe());
        fields.put("userToken", token.origin());
        fields.put("ttlSeconds", ttl.toSeconds());
        log.info("secret_loaded", fields);
        return snapshot;
    }

    private UserToken userToken(YClientsSecret secret, Snapshot previous, AuthenticationException refused) {
        boolean userRefused = refused != null && refused.credential() != AuthenticationException.Credential.PARTNER_TOKEN;
        String refusedToken = previous == null ? null : previous.credentials().userToken();
        if (secret.userToken() != null && !(userRefused && secret.userToken().equals(refusedToken))) {
            return new UserToken(secret.userToken(), false, "from_secret");
        }
        if (secret.hasLogin()) {
            boolean keepIssued = previous != null && previous.issued() && secret.sameLogin(previous.secret()) && !userRefused;
            if (keepIssued) {
                return new UserToken(previous.credentials().userToken(), true, "kept_from_login");
            }
            return new UserToken(issue(secret), true, "obtained_by_login");
        }
        return new UserToken(secret.userToken(), false, secret.userToken() == null ? "none" : "from_secret");
    }

    private String issue(YClientsSecret secret) {
        if (issuer == null) {
            throw new IllegalStateException("the YClients secret (" + source.describe() + ") has login and password but no userToken, "
                    + "and this function cannot log in: set userToken in the secret");
        }
        char[] password = secret.passwordChars();
        try {
            String token = issuer.issue(secret.apiBaseUrl(), Credentials.partnerOnly(secret.partnerToken()), secret.login(), password);
            if (token == null || token.isBlank()) {
                throw new IllegalStateException("logging in to YClients returned no user token (" + source.describe() + ")");
            }
            return token;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private boolean fresh(Snapshot snapshot) {
        return clock.instant().isBefore(snapshot.loadedAt().plus(ttl));
    }

    private record Snapshot(YClientsSecret secret, Credentials credentials, boolean issued, Instant loadedAt) {
    }

    private record UserToken(String value, boolean issued, String origin) {
        @Override
        public String toString() {
            return "UserToken[" + origin + "]";
        }
    }
}
