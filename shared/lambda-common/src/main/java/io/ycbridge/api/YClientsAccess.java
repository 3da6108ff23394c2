package io.ycbridge.api;

import io.ycbridge.aws.AwsClients;
import io.ycbridge.aws.Once;
import io.ycbridge.config.Config;
import io.ycbridge.secret.UserTokenIssuer;
import io.ycbridge.secret.YClientsSecretProvider;
import io.ycbridge.yclients.Credentials;
import io.ycbridge.yclients.RateLimiter;
import io.ycbridge.yclients.RequestObserver;
import io.ycbridge.yclients.Sleeper;
import io.ycbridge.yclients.TokenBucket;
import io.ycbridge.yclients.YClientsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The YClients API as the functions use it: credentials and base URL from the secret, a token refreshed once when
 * the API answers 401, and one HTTP connection pool and one rate limiter for the whole execution environment.
 */
public final class YClientsAccess {
    private final YClientsSecretProvider secrets;
    private final Supplier<HttpClient> http;
    private final RateLimiter limiter;
    private final RequestObserver observer;

    public YClientsAccess(YClientsSecretProvider secrets, HttpClient http, RateLimiter limiter, RequestObserver observer) {
        this(secrets, fixed(Objects.requireNonNull(http, "http")), limiter, observer);
    }

    private YClientsAccess(YClientsSecretProvider secrets, Supplier<HttpClient> http, RateLimiter limiter, RequestObserver observer) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.http = http;
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /**
     * What a handler's no-arg constructor builds: the secret from configuration, YClients' official rate limits. The
     * HTTP client is made on the first API call: the webhook calls the API only for a delivery without the record
     * in it, and a JDK HttpClient starts a selector thread and a TLS context, which a cold start should not pay for.
     */
    public static YClientsAccess fromConfig(Config config, AwsClients aws, RequestObserver observer) {
        Once<HttpClient> http = new Once<>(YClientsAccess::sharedHttpClient);
        UserTokenIssuer issuer = (apiBase, partnerOnly, login, password) -> loginClient(http.get(), apiBase, partnerOnly)
                .authenticate(login, password).userToken();
        Clock clock = Clock.systemUTC();
        RateLimiter limiter = RateLimiter.allOf(TokenBucket.perSecond(5, clock, Sleeper.SYSTEM), TokenBucket.perMinute(200, clock, Sleeper.SYSTEM));
        return new YClientsAccess(YClientsSecretProvider.fromConfig(config, aws, issuer), http, limiter, observer);
    }

    /** The HTTP client the functions share: HTTP/1.1, short connect timeout, redirects reported rather than followed. */
    public static HttpClient sharedHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
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

    public YClientsSecretProvider secrets() {
        return secrets;
    }

    private static Supplier<HttpClient> fixed(HttpClient http) {
        return () -> http;
    }

    private static YClientsClient loginClient(HttpClient http, URI apiBase, Credentials partnerOnly) {
        return YClientsClient.builder().baseUri(apiBase).credentials(partnerOnly).httpClient(http).rateLimiter(RateLimiter.UNLIMITED).build();
    }
}
