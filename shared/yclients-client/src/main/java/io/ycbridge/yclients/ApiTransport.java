package io.ycbridge.yclients;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Sends one {@link ApiRequest}: headers, rate limit, retries with back-off, and the decoding of the envelope into
 * either data or a typed exception. Only transport errors, 429 and 5xx are retried, and only for safe requests.
 */
final class ApiTransport {
    static final String ACCEPT = "application/vnd.yclients.v2+json";
    private static final String USER_AGENT = "ycbridge-yclients-client/0.1";

    private final HttpClient http;
    private final URI base;
    private final Supplier<Credentials> credentials;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final RateLimiter rateLimiter;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final RequestObserver observer;
    private final ObjectMapper json = ApiJson.mapper();
    // Resolving a generic type and its deserializer per call costs more than decoding a small answer.
    private final Map<JavaType, ObjectReader> envelopeReaders = new ConcurrentHashMap<>();

    ApiTransport(HttpClient http, URI base, Supplier<Credentials> credentials, Duration requestTimeout, RetryPolicy retryPolicy,
                 RateLimiter rateLimiter, Clock clock, Sleeper sleeper, RandomGenerator random, RequestObserver observer) {
        this.http = http;
        this.base = base;
        this.credentials = credentials;
        this.requestTimeout = requestTimeout;
        this.retryPolicy = retryPolicy;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.observer = observer;
    }

    /** Sends the request and returns its {@code data} decoded as {@code dataType}, or null when there is none. */
    <T> T send(ApiRequest request, JavaType dataType) {
        int attempt = 0;
        while (true) {
            attempt++;
            YClientsException failure;
            try {
                return once(request, dataType, attempt);
            } catch (YClientsException e) {
                failure = e;
            }
            if (failure instanceof RateLimitedException limited) {
                // Before deciding on a retry: the limiter slows down whether or not this request is tried again.
                rateLimiter.rateLimited(limited.retryAfter().orElse(null));
            }
            if (!request.safe() || !failure.isTransient() || !retryPolicy.allowsAnotherAttempt(attempt)) {
                throw failure;
            }
            Duration asked = failure instanceof RateLimitedException limited ? limited.retryAfter().orElse(null) : null;
            Optional<Duration> delay = retryPolicy.delayBefore(attempt, asked, random);
            if (delay.isEmpty()) {
                throw failure;
            }
            pause(delay.get(), request);
        }
    }

    private <T> T once(ApiRequest request, JavaType dataType, int attempt) {
        Credentials current = credentials.get();
        HttpRequest httpRequest = build(request, current);
        pauseForRateLimit(request);
        long started = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            observer.exchanged(request.method(), request.path(), 0, Duration.ofNanos(System.nanoTime() - started), attempt);
            throw new TransportException(request.method(), request.path(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(request.method(), request.path(), e);
        }
        observer.exchanged(request.method(), request.path(), response.statusCode(), Duration.ofNanos(System.nanoTime() - started), attempt);
        return decode(request, response, dataType, !request.partnerOnly() && current.hasUserToken());
    }

    private HttpRequest build(ApiRequest request, Credentials current) {
        Credentials sent = request.partnerOnly() ? Credentials.partnerOnly(current.partnerToken()) : current;
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(request))
                .timeout(requestTimeout)
                .header("Accept", ACCEPT)
                .header("Authorization", sent.authorizationHeader())
                .header("User-Agent", USER_AGENT);
        if (request.body() == null) {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json");
            builder.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(encode(request)));
        }
        return builder.build();
    }

    private URI uri(ApiRequest request) {
        StringBuilder text = new StringBuilder(base.toString());
        if (text.charAt(text.length() - 1) == '/') {
            text.setLength(text.length() - 1);
        }
        text.append(request.path());
        char separator = '?';
        for (Map.Entry<String, String> entry : request.query().entrySet()) {
            text.append(separator)
                    .append(URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return URI.create(text.toString());
    }

    private byte[] encode(ApiRequest request) {
        try {
            return json.writeValueAsBytes(request.body());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode the body of " + request.method() + " " + request.path(), e);
        }
    }

    private <T> T decode(ApiRequest request, HttpResponse<byte[]> response, JavaType dataType, boolean userTokenSent) {
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
            String target = response.headers().firstValue("Location").map(ApiTransport::hostOf).orElse("somewhere");
            throw new ConfigurationException(status, request.method(), request.path(), "a redirect to " + target);
        }
        byte[] body = response.body();
        if (status >= 400) {
            Duration retryAfter = response.headers().firstValue("Retry-After").flatMap(this::retryAfter).orElse(null);
            throw ApiErrors.from(status, tree(body), request, userTokenSent, retryAfter);
        }
        if (body.length == 0) {
            return null;
        }
        if (looksLikeHtml(body)) {
            throw new ConfigurationException(status, request.method(), request.path(), "an HTML page");
        }
        Envelope<T> envelope;
        try {
            envelope = envelopeReader(dataType).readValue(body);
        } catch (JsonMappingException e) {
            // A refusal's data can have any shape (often [] or null); read its message before blaming the data.
            JsonNode tree = tree(body);
            if (tree != null && tree.path("success").isBoolean() && !tree.path("success").asBoolean()) {
                throw ApiErrors.from(status, tree, request, userTokenSent, null);
            }
            // The field path only, never the value: values can be phone numbers.
            throw new YClientsException(status, null, request.method(), request.path(), "the answer did not decode at "
                    + e.getPathReference() + " (" + dataType.getRawClass().getSimpleName() + ")");
        } catch (IOException notJson) {
            throw new ConfigurationException(status, request.method(), request.path(), "a body that is not JSON");
        }
        if (envelope.failed()) {
            throw ApiErrors.from(status, tree(body), request, userTokenSent, null);
        }
        return envelope.data();
    }

    private ObjectReader envelopeReader(JavaType dataType) {
        return envelopeReaders.computeIfAbsent(dataType,
                type -> json.readerFor(json.getTypeFactory().constructParametricType(Envelope.class, type)));
    }

    private JsonNode tree(byte[] body) {
        if (body.length == 0 || looksLikeHtml(body)) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean looksLikeHtml(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '<';
            }
        }
        return false;
    }

    private static String hostOf(String location) {
        try {
            URI uri = URI.create(location);
            return uri.getHost() == null ? "a relative location" : uri.getScheme() + "://" + uri.getHost();
        } catch (IllegalArgumentException e) {
            return "an unparseable location";
        }
    }

    /** Seconds, or an HTTP date; anything else is ignored rather than trusted. */
    private Optional<Duration> retryAfter(String value) {
        String text = value.strip();
        try {
            long seconds = Long.parseLong(text);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(), ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private void pauseForRateLimit(ApiRequest request) {
        try {
            rateLimiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(request.method(), request.path(), e);
        }
    }

    private void pause(Duration delay, ApiRequest request) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(request.method(), request.path(), e);
        }
    }
}
