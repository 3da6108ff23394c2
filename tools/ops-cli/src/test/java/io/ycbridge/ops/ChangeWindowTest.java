package io.ycbridge.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeWindowTest {
    private static final Instant FIRST = Instant.parse("2026-11-30T10:00:00Z");
    private static final Instant LAST = Instant.parse("2026-11-30T10:00:07Z");
    private static final StreamBatchFailure BATCH = new StreamBatchFailure("arn", "shard", "100", "200", FIRST, LAST, 25);

    private static ChangeWindow window(String from, String to) {
        return new ChangeWindow(Instant.parse(from), Instant.parse(to));
    }

    @Test
    void aFailedBatchReachesBackToTheBeginningAndAMomentPastItsLastArrival() {
        ChangeWindow around = ChangeWindow.around(BATCH, Optional.empty());

        assertEquals(Instant.EPOCH, around.from(), "a version stored after an outage of weeks was changed that long before");
        // Arrivals are whole seconds (the last may be 10:00:07.999), and YClients' clock may be up to 5 minutes ahead.
        assertEquals(Instant.parse("2026-11-30T10:05:08Z"), around.to());
    }

    @Test
    void aLookbackStartsThatLongBeforeTheFirstArrival() {
        ChangeWindow around = ChangeWindow.around(BATCH, Optional.of(Duration.ofDays(30)));

        assertEquals(Instant.parse("2026-10-31T10:00:00Z"), around.from());
        assertEquals(Instant.parse("2026-11-30T10:05:08Z"), around.to());
        assertEquals(Instant.EPOCH, ChangeWindow.around(BATCH, Optional.of(Duration.ofDays(365 * 100))).from(), "never before the epoch");
    }

    @Test
    void overlappingAndTouchingWindowsMergeAndSeparateOnesStaySeparate() {
        List<ChangeWindow> merged = ChangeWindow.merged(List.of(
                window("2026-11-30T12:00:00Z", "2026-11-30T13:00:00Z"),
                window("2026-11-30T10:00:00Z", "2026-11-30T11:00:00Z"),
                window("2026-11-30T10:30:00Z", "2026-11-30T10:40:00Z"),
                window("2026-11-30T11:00:00Z", "2026-11-30T11:30:00Z")));

        assertEquals(List.of(window("2026-11-30T10:00:00Z", "2026-11-30T11:30:00Z"), window("2026-11-30T12:00:00Z", "2026-11-30T13:00:00Z")),
                merged);
        assertTrue(merged.get(0).covers(window("2026-11-30T10:30:00Z", "2026-11-30T10:40:00Z")));
        assertFalse(merged.get(0).covers(window("2026-11-30T11:00:00Z", "2026-11-30T12:30:00Z")));
        assertEquals(List.of(), ChangeWindow.merged(List.of()));
    }

    @Test
    void aWindowIsHalfOpenAndNeverEmpty() {
        assertThrows(IllegalArgumentException.class, () -> window("2026-11-30T10:00:00Z", "2026-11-30T10:00:00Z"));
        assertEquals("[the beginning, now)", ChangeWindow.allTime().toString());
        assertEquals("[2026-11-30T10:00:00Z, 2026-11-30T11:00:00Z)", window("2026-11-30T10:00:00Z", "2026-11-30T11:00:00Z").toString());
    }
}
