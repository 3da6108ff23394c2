package io.ycbridge.yclients;

import java.time.Duration;
import java.util.Optional;

/** 429: too many requests for this token or address, after the client's own retries. */
public final class RateLimitedException extends YClientsException {
    private final Duration retryAfter;

    public RateLimitedException(String apiMessage, String method, String path, Duration retryAfter) {
        super(429, apiMessage, method, path,
                "YClients limits partners to about 5 requests/s and 200 requests/min: lower the client's rate limit or retry later");
        this.retryAfter = retryAfter;
    }

    /** The wait the API asked for, when it said one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
