package io.ycbridge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitWindowsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void theSixthRequestOfASecondWaitsForTheFirstToLeaveTheWindow() {
        RateLimitWindows windows = new RateLimitWindows();
        windows.limit(5, 200);
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), windows.admit(T0.plusMillis(100L * i)));
        }
        assertEquals(Optional.of(Duration.ofMillis(500)), windows.admit(T0.plusMillis(500)));
        assertEquals(Optional.empty(), windows.admit(T0.plusSeconds(1)), "the first has left the window");
        assertEquals(1, windows.refused());
    }

    @Test
    void aTokenBucketsRefillInsideTheMinuteIsRefused() {
        RateLimitWindows windows = new RateLimitWindows();
        windows.limit(5, 200);
        // 200 at the per-second pace take 40 s; a bucket refilled by then would send more within the same minute.
        for (int i = 0; i < 200; i++) {
            assertEquals(Optional.empty(), windows.admit(T0.plusMillis(200L * i)));
        }
        Optional<Duration> refused = windows.admit(T0.plusSeconds(45));
        assertTrue(refused.isPresent());
        assertEquals(Duration.ofSeconds(15), refused.get(), "until the first request is a minute old");
        assertEquals(Optional.empty(), windows.admit(T0.plusSeconds(60)));
    }

    @Test
    void offByDefault() {
        RateLimitWindows windows = new RateLimitWindows();
        for (int i = 0; i < 1_000; i++) {
            assertEquals(Optional.empty(), windows.admit(T0));
        }
    }
}
