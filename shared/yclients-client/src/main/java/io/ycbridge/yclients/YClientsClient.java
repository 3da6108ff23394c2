package io.ycbridge.yclients;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.yclients.model.Client;
import io.ycbridge.yclients.model.Company;
import io.ycbridge.yclients.model.HookSettings;
import io.ycbridge.yclients.model.Record;
import io.ycbridge.yclients.model.Service;
import io.ycbridge.yclients.model.ServiceCategory;
import io.ycbridge.yclients.model.StaffMember;
import io.ycbridge.yclients.model.UserToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * A client of the YClients / Altegio REST API. Thread-safe; build one per set of credentials and reuse it.
 * Every failure is a {@link YClientsException} subclass that names the fix.
 *
 * <pre>{@code
 * YClientsClient client = YClientsClient.builder()
 *         .brand(Brand.YCLIENTS)
 *         .credentials(new Credentials(partnerToken, userToken))
 *         .build();
 * for (Record record : client.records(companyId, RecordQuery.changedSince(cursor).inZone(companyZone)).toList()) { ... }
 * }</pre>
 */
public final class YClientsClient {
    private final ApiTransport transport;
    private final ObjectMapper json = ApiJson.mapper();
    private final URI baseUri;

    private YClientsClient(ApiTransport transport, URI baseUri) {
        this.transport = transport;
        this.baseUri = baseUri;
    }

    public static Builder builder() {
        return new Builder();
    }

    public URI baseUri() {
        return baseUri;
    }

    /**
     * Obtains a user token with a YClients user's login (phone or e-mail) and password; only the partner token is sent.
     *
     * @throws TwoFactorRequiredException when the user has two-factor confirmation on
     */
    public UserToken authenticate(String login, char[] password) {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(password, "password");
        ApiRequest request = ApiRequest.post("/auth", Map.of("login", login, "password", new String(password))).partnerTokenOnly();
        UserToken token = one(request, UserToken.class);
        if (token == null || token.userToken() == null || token.userToken().isBlank()) {
            throw new TwoFactorRequiredException(request.method(), request.path());
        }
        return token;
    }

    /** Companies visible to the partner token; {@code managedOnly} lists only those the user token manages. */
    public List<Company> companies(boolean managedOnly) {
        return many(managedOnly
                ? ApiRequest.get("/companies", Map.of("my", "1"))
                : ApiRequest.get("/companies").partnerTokenOnly(), Company.class);
    }

    public Company company(long companyId) {
        return one(ApiRequest.get("/company/" + companyId).partnerTokenOnly(), Company.class);
    }

    public List<Service> services(long companyId) {
        return many(ApiRequest.get("/company/" + companyId + "/services"), Service.class);
    }

    public List<ServiceCategory> serviceCategories(long companyId) {
        return many(ApiRequest.get("/company/" + companyId + "/service_categories"), ServiceCategory.class);
    }

    public List<StaffMember> staff(long companyId) {
        return many(ApiRequest.get("/company/" + companyId + "/staff"), StaffMember.class);
    }

    /** Records matching the query, page by page as they are consumed. */
    public Pages<Record> records(long companyId, RecordQuery query) {
        String path = "/records/" + companyId;
        return new Pages<>(page -> many(ApiRequest.get(path, query.toQuery(page)), Record.class), query.pageSize(), Record::id, path);
    }

    public Record record(long companyId, long recordId) {
        return one(ApiRequest.get("/record/" + companyId + "/" + recordId), Record.class);
    }

    /** Clients whose phone contains these digits (the API's quick search). */
    public Pages<Client> clientsByPhone(long companyId, String phoneDigits) {
        String digits = phoneDigits.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("a phone search needs digits");
        }
        String path = "/company/" + companyId + "/clients/search";
        int pageSize = 200;
        return new Pages<>(page -> many(ApiRequest.readingPost(path, Map.of(
                "page", page,
                "page_size", pageSize,
                // The search returns only the fields asked for (default: id alone).
                "fields", List.of("id", "name", "phone", "email"),
                "filters", List.of(Map.of("type", "quick_search", "state", Map.of("value", digits))))), Client.class),
                pageSize, Client::id, path);
    }

    public HookSettings hookSettings(long companyId) {
        return one(ApiRequest.get("/hooks_settings/" + companyId), HookSettings.class);
    }

    /** Writes the company's webhook settings; not retried (the API gives no idempotency key). */
    public HookSettings updateHookSettings(long companyId, HookSettings settings) {
        return one(ApiRequest.post("/hooks_settings/" + companyId, settings), HookSettings.class);
    }

    private <T> T one(ApiRequest request, Class<T> type) {
        return transport.send(request, json.getTypeFactory().constructType(type));
    }

    private <T> List<T> many(ApiRequest request, Class<T> type) {
        List<T> items = transport.send(request, json.getTypeFactory().constructCollectionType(List.class, type));
        return items == null ? List.of() : items;
    }

    /** Options of a client; every one has a production default except the credentials. */
    public static final class Builder {
        private URI baseUri = Brand.YCLIENTS.apiBase();
        private Supplier<Credentials> credentials;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(20);
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private RateLimiter rateLimiter;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private RandomGenerator random = RandomGenerator.getDefault();
        private RequestObserver observer = RequestObserver.NONE;
        private HttpClient httpClient;

        private Builder() {
        }

        public Builder brand(Brand brand) {
            this.baseUri = brand.apiBase();
            return this;
        }

        /** Any base URL ending in {@code /api/v1}, e.g. the simulator's. */
        public Builder baseUri(URI uri) {
            this.baseUri = Objects.requireNonNull(uri, "baseUri");
            return this;
        }

        public Builder credentials(Credentials fixed) {
            Objects.requireNonNull(fixed, "credentials");
            this.credentials = () -> fixed;
            return this;
        }

        /** Credentials read before every request, so a refreshed token is picked up without a new client. */
        public Builder credentials(Supplier<Credentials> source) {
            this.credentials = Objects.requireNonNull(source, "credentials");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /**
         * Replaces the built-in limiter (this client's own, at YClients' official 5/s and 200/min), e.g. with one shared
         * by all Lambda invocations, or {@link RateLimiter#UNLIMITED}.
         */
        public Builder rateLimiter(RateLimiter limiter) {
            this.rateLimiter = Objects.requireNonNull(limiter, "rateLimiter");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public Builder observer(RequestObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /** Shares one {@link HttpClient} (its connection pool) between clients. */
        public Builder httpClient(HttpClient client) {
            this.httpClient = client;
            return this;
        }

        public YClientsClient build() {
            if (credentials == null) {
                throw new IllegalStateException("credentials are required: at least the partner token");
            }
            HttpClient http = httpClient != null ? httpClient : HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(connectTimeout)
                    // A redirect means a wrong base URL (it leads to the web site): report it, never follow it.
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            RateLimiter limiter = rateLimiter != null ? rateLimiter : RateLimiter.allOf(
                    TokenBucket.perSecond(5, clock, sleeper),
                    TokenBucket.perMinute(200, clock, sleeper));
            return new YClientsClient(new ApiTransport(http, baseUri, credentials, requestTimeout, retryPolicy, limiter,
                    clock, sleeper, random, observer), baseUri);
        }
    }
}
