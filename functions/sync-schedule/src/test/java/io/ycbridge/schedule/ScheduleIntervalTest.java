package io.ycbridge.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScheduleIntervalTest {

    @Test
    void aRateStatesItsInterval() {
        assertEquals(new ScheduleInterval(Duration.ofMinutes(30), true), ScheduleInterval.of("rate(30 minutes)"));
        assertEquals(Duration.ofMinutes(1), ScheduleInterval.of("rate(1 minute)").interval());
        assertEquals(Duration.ofHours(2), ScheduleInterval.of(" rate(2 hours) ").interval());
        assertEquals(Duration.ofHours(1), ScheduleInterval.of("rate(1 hour)").interval());
        assertEquals(Duration.ofDays(7), ScheduleInterval.of("rate(7 days)").interval());
        assertTrue(ScheduleInterval.of("rate(5 minutes)").exact());
    }

    @Test
    void aCronOrOneTimeScheduleTakesTheDocumentedFallbackOfADay() {
        ScheduleInterval cron = ScheduleInterval.of("cron(0/15 * * * ? *)");
        assertEquals(ScheduleInterval.CRON_FALLBACK, cron.interval());
        assertEquals(Duration.ofDays(1), cron.interval());
        assertFalse(cron.exact());
        assertEquals(Duration.ofDays(1), ScheduleInterval.of("at(2026-11-20T09:00:00)").interval());
    }

    @Test
    void anythingElseIsRefusedRatherThanGuessed() {
        for (String bad : new String[] {"", "30 minutes", "rate(0 minutes)", "rate(30 seconds)", "rate(-5 minutes)", "every 30 minutes"}) {
            assertThrows(IllegalArgumentException.class, () -> ScheduleInterval.of(bad), bad);
        }
    }
}
