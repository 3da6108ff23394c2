package io.ycbridge.yclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.simulator.MovableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void aBurstUpToCapacityPassesThenRequestsAreSpacedAtTheRate() throws InterruptedException {
        MovableClock clock = new MovableClock();
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        TokenBucket bucket = TokenBucket.perSecond(5, clock, sleeper);
        for (int i = 0; i < 5; i++) {
            bucket.acquire();
        }
        assertEquals(Duration.ZERO, sleeper.slept());
        for (int i = 0; i < 10; i++) {
            bucket.acquire();
        }
        // 10 more at 5/s: two seconds of waiting, give or take the rounding of each wait.
        assertEquals(2_000, sleeper.slept().toMillis(), 5);
    }

    @Test
    void bothOfficialLimitsHoldTogether() throws InterruptedException {
        MovableClock clock = new MovableClock();
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        RateLimiter limiter = RateLimiter.allOf(TokenBucket.perSecond(5, clock, sleeper), TokenBucket.perMinute(200, clock, sleeper));
        for (int i = 0; i < 100; i++) {
            limiter.acquire();
        }
        // The per-second limit governs short runs: 95 requests beyond the burst of 5 at 5/s.
        assertEquals(19, sleeper.slept().toSeconds(), 1);
        for (int i = 0; i < 900; i++) {
            limiter.acquire();
        }
        // Over long runs the per-minute one does: 1000 requests = 200 at once + 800 at 200/min = 240 s (5/s alone: 199 s).
        assertEquals(240, sleeper.slept().toSeconds(), 2);
    }

    @Test
    void idleTimeRefillsButNotBeyondCapacity() throws InterruptedException {
        MovableClock clock = new MovableClock();
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        TokenBucket bucket = TokenBucket.perSecond(5, clock, sleeper);
        sleeper.sleep(Duration.ofMinutes(10));
        Duration before = sleeper.slept();
        for (int i = 0; i < 6; i++) {
            bucket.acquire();
        }
        assertEquals(200, sleeper.slept().minus(before).toMillis(), 5);
    }

    @Test
    void a429EmptiesTheBucketAndStopsItsRefillForThePause() throws InterruptedException {
        MovableClock clock = new MovableClock();
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        TokenBucket bucket = TokenBucket.perSecond(5, clock, sleeper);
        bucket.acquire();
        bucket.rateLimited(Duration.ofSeconds(3));
        bucket.acquire();
        // Four tokens were left; the 429 takes them, and the first refill comes 3 s + one token's 200 ms later.
        assertEquals(3_200, sleeper.slept().toMillis(), 5);
        bucket.rateLimited(null);
        Duration before = sleeper.slept();
        bucket.acquire();
        assertEquals(1_200, sleeper.slept().minus(before).toMillis(), 5, "no Retry-After: a second's pause");
    }
}
