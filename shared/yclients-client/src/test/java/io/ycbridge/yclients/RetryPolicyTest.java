package io.ycbridge.yclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(700), Duration.ofSeconds(10));

    @Test
    void backOffGrowsExponentiallyWithinTheCapAndIsJittered() {
        Random random = new Random(7);
        long[] ceilings = {100, 200, 400, 700, 700};
        for (int attempt = 1; attempt <= ceilings.length; attempt++) {
            long max = 0;
            long min = Long.MAX_VALUE;
            for (int i = 0; i < 2_000; i++) {
                long millis = policy.delayBefore(attempt, null, random).orElseThrow().toMillis();
                max = Math.max(max, millis);
                min = Math.min(min, millis);
            }
            assertTrue(max <= ceilings[attempt - 1] && max > ceilings[attempt - 1] * 9 / 10, "attempt " + attempt + " max " + max);
            assertTrue(min < ceilings[attempt - 1] / 10, "attempt " + attempt + " min " + min);
        }
    }

    @Test
    void retryAfterReplacesTheBackOffUpToItsCap() {
        assertEquals(Optional.of(Duration.ofSeconds(3)), policy.delayBefore(1, Duration.ofSeconds(3), new Random()));
        assertEquals(Optional.empty(), policy.delayBefore(1, Duration.ofSeconds(11), new Random()));
    }

    @Test
    void attemptsAreBounded() {
        assertTrue(policy.allowsAnotherAttempt(3));
        assertFalse(policy.allowsAnotherAttempt(4));
        assertFalse(RetryPolicy.NONE.allowsAnotherAttempt(1));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO));
    }
}
