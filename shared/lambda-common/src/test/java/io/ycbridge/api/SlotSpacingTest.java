package io.ycbridge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlotSpacingTest {

    @Test
    void yclientsOfficialLimitsGiveSlots302AndAHalfMillisecondsApart() {
        SlotSpacing spacing = SlotSpacing.forLimits(5, 200);
        assertEquals(Duration.ofNanos(302_500_000), spacing.interval());
        assertEquals(302_500, spacing.intervalMicros());
        assertEquals(400_000, spacing.latenessMicros());
    }

    @Test
    void theTighterWindowDecides() {
        // 2/s: (1 s + 0.5 s) / 2 = 750 ms beats the minute's 302.5 ms; 5/s and 60/min: 60.5 s / 60 = 1008.4 ms.
        assertEquals(750_000, SlotSpacing.forLimits(2, 200).intervalMicros());
        assertEquals(1_008_334, SlotSpacing.forLimits(5, 60).intervalMicros());
    }

    @Test
    void slotsUsedAsLateAsAllowedStillKeepEveryWindow() {
        // The worst case the class comment reasons about: every slot's request arrives anywhere in [slot, slot + L].
        SlotSpacing spacing = SlotSpacing.forLimits(5, 200);
        long slack = (SlotSpacing.LATENESS.plus(SlotSpacing.JITTER)).toNanos() / 1_000;
        for (long window : new long[] {1_000_000, 60_000_000}) {
            int allowed = window == 1_000_000 ? 5 : 200;
            // Slots in a span of window + slack are what a window can catch when their requests run late.
            long inSpan = Math.ceilDiv(window + slack, spacing.intervalMicros());
            assertTrue(inSpan <= allowed, window + " µs window: " + inSpan);
        }
    }

    @Test
    void aLimitOfNothingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SlotSpacing.forLimits(0, 200));
        assertThrows(IllegalArgumentException.class, () -> SlotSpacing.forLimits(5, 0));
    }
}
