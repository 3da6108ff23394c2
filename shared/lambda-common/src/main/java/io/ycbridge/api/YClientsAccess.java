package io.ycbridge.api;

import io.ycbridge.aws.AwsClients;
import io.ycbridge.aws.Once;
import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.secret.SecretSource;
import io.ycbridge.secret.UserTokenIssuer;
import io.ycbridge.secret.YClientsSecretProvider;
import io.ycbridge.yclients.RateLimiter;
import io.ycbridge.yclients.RequestObserver;
import io.ycbridge.yclients.Sleeper;
import io.ycbridge.yclients.TokenBucket;
import io.ycbridge.yclients.YClientsClient;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The YClients API as the functions, the ops CLI and the local stack use it: credentials and base URL from the secret,
 * a token refreshed once when the API answers 401 (logging in again when the secret has login and password), one HTTP
 * connection pool and one rate limiter for the whole execution environment. {@link #builder} is the one place that
 * wires these from settings.
 */
public final class YClientsAccess {
    /** YClients' official limits for one partner token, the defaults of YCLIENTS_RATE_PER_SECOND and _PER_MINUTE. */
    static final int OFFICIAL_PER_SECOND = 5;
    static final int OFFICIAL_PER_MINUTE = 200;

    private final YClientsSecretProvider secrets;
    private final Supplier<HttpClient> http;
    private final RateLimiter limiter;
    private final RequestObserver observer;

    private YClientsAccess(YClientsSecretProvider secrets, Supplier<HttpClient> http, RateLimiter limiter, RequestObserver observer) {
        this.secrets = secrets;
        this.http = http;
        this.limiter = limiter;
        this.observer = observer;
    }

    /** What a function's no-arg constructor builds: the configured secret source and this environment's own limiter. */
    public static YClientsAccess fromConfig(Config config, AwsClients aws, RequestObserver observer) {
        return builder(config, SecretSource.fromConfig(config, aws::secretsManager)).observer(observer).build();
    }

    /**
     * @param config where the secret's TTL and the rate limits are read ({@code YCLIENTS_SECRET_TTL_SECONDS},
     *               {@code YCLIENTS_RATE_PER_SECOND}, {@code YCLIENTS_RATE_PER_MINUTE})
     * @param source where the credentials come from, usually {@link SecretSource#fromConfig}
     */
    public static Builder builder(Config config, SecretSource source) {
        return new Builder(config, source);
    }

    /** Runs {@code action} with a client holding the current credentials; a 401 refreshes them and runs it once more. */
    public <T> T call(Function<YClientsClient, T> action) {
        return secrets.call(credentials -> action.apply(YClientsClient.builder()
                .baseUri(secrets.secret().apiBaseUrl())
                .credentials(credentials)
                .httpClient(http.get())
                .rateLimiter(limiter)
                .observer(observer)
                .build()));
    }

    /**
     * The caller expects no API request for a while (e.g. a run over all companies ended): a shared limiter gives back
     * the slots it leased ahead, so another environment need not wait for them. Not worth calling after each
     * invocation of a busy queue: the next one would lease them again, a DynamoDB write each time.
     */
    public void returnUnusedRateLimit() {
        limiter.returnUnused();
    }

    public YClientsSecretProvider secrets() {
        return secrets;
    }

    /** HTTP/1.1, short connect timeout, redirects reported rather than followed. */
    private static HttpClient sharedHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Options of the access; each has the functions' default. */
    public static final class Builder {
        private final Config config;
        private final SecretSource source;
        private RequestObserver observer = RequestObserver.NONE;
        private Clock clock = Clock.systemUTC();
        private Consumer<String> onTokenIssued = token -> { };
        private DynamoDbClient sharedLimitClient;
        private String sharedLimitTable;
        private int largestLease;
        private EmfMetrics metrics;

        private Builder(Config config, SecretSource source) {
            this.config = Objects.requireNonNull(config, "config");
            this.source = Objects.requireNonNull(source, "source");
        }

        /**
         * The limits kept by one schedule of request slots in {@code table} (SyncStateTable) that every invocation
         * shares, as {@link SharedSlotLimiter}: YClients counts per partner token, and an SQS fan-out runs many
         * environments at once. Slots are leased in batches of up to 8, for a worker that makes request after request
         * (the sync); without this, each execution environment keeps its own token buckets.
         */
        public Builder sharedRateLimit(DynamoDbClient dynamoDb, String table) {
            return sharedRateLimit(dynamoDb, table, LeaseSizePolicy.BATCHES.largest());
        }

        /**
         * @param largestLease the most slots leased in one DynamoDB write: 1 for a caller a user waits for, which
         *                     makes a request now and then and would let most of a batch go by unused
         */
        public Builder sharedRateLimit(DynamoDbClient dynamoDb, String table, int largestLease) {
            this.sharedLimitClient = Objects.requireNonNull(dynamoDb, "dynamoDb");
            this.sharedLimitTable = Objects.requireNonNull(table, "table");
            this.largestLease = new LeaseSizePolicy(largestLease).largest();
            return this;
        }

        /** Where the {@code RateLimitBackoff} metric goes, one per 429 that slowed the limiter; none by default. */
        public Builder metrics(EmfMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        public Builder observer(RequestObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /** For the secret's TTL and the rate limiter. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Told every user token obtained by login, e.g. so that a CLI can keep it out of what it prints. */
        public Builder onTokenIssued(Consumer<String> listener) {
            this.onTokenIssued = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The HTTP client is made on the first API call: the webhook calls the API only for a delivery without the
         * record in it, and a JDK HttpClient starts a selector thread and a TLS context, which a cold start should not
         * pay for.
         */
        public YClientsAccess build() {
            Once<HttpClient> http = new Once<>(YClientsAccess::sharedHttpClient);
            // Unlimited: the login runs while the provider loads the credentials, and the shared schedule is named
            // from those credentials.
            UserTokenIssuer issuer = (apiBase, partnerOnly, login, password) -> {
                String token = YClientsClient.builder().baseUri(apiBase).credentials(partnerOnly).httpClient(http.get())
                        .rateLimiter(RateLimiter.UNLIMITED).build().authenticate(login, password).userToken();
                onTokenIssued.accept(token);
                return token;
            };
            YClientsSecretProvider secrets = YClientsSecretProvider.fromConfig(config, source, issuer, clock);
            int perSecond = config.positive(EnvVar.YCLIENTS_RATE_PER_SECOND, OFFICIAL_PER_SECOND);
            int perMinute = config.positive(EnvVar.YCLIENTS_RATE_PER_MINUTE, OFFICIAL_PER_MINUTE);
            RateLimiter limiter = sharedLimitClient == null
                    ? RateLimiter.allOf(TokenBucket.perSecond(perSecond, clock, Sleeper.SYSTEM),
                            TokenBucket.perMinute(perMinute, clock, Sleeper.SYSTEM))
                    : SharedSlotLimiter.forPartnerToken(sharedLimitClient, sharedLimitTable,
                            () -> secrets.credentials().partnerToken(), perSecond, perMinute, largestLease, clock, Sleeper.SYSTEM);
            if (metrics != null) {
                limiter = new RateLimitBackoffCounter(limiter, metrics);
            }
            return new YClientsAccess(secrets, http, limiter, observer);
        }
    }
}
