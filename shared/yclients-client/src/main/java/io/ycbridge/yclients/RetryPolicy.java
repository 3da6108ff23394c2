package io.ycbridge.yclients;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Bounded exponential back-off with full jitter, for transport errors, 429 and 5xx on safe requests only.
 * A {@code Retry-After} from the API replaces the computed delay, capped by {@code maxRetryAfter} so a hostile or
 * broken header cannot park a Lambda for its whole timeout.
 *
 * @param maxAttempts   total attempts including the first (1 = no retries)
 * @param baseDelay     the first back-off's upper bound
 * @param maxDelay      the cap of any computed back-off
 * @param maxRetryAfter the longest {@code Retry-After} honoured; longer ones end the retries
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
    }

    public boolean allowsAnotherAttempt(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /**
     * The wait before attempt {@code attemptsMade + 1}, or empty when the API asked for longer than we will wait.
     */
    public Optional<Duration> delayBefore(int attemptsMade, Duration retryAfter, RandomGenerator random) {
        if (retryAfter != null) {
            return retryAfter.compareTo(maxRetryAfter) <= 0 ? Optional.of(retryAfter) : Optional.empty();
        }
        long ceiling = baseDelay.toMillis() << Math.min(attemptsMade - 1, 20);
        long capped = Math.min(Math.max(ceiling, 0), maxDelay.toMillis());
        return Optional.of(Duration.ofMillis(capped == 0 ? 0 : random.nextLong(capped + 1)));
    }
}
