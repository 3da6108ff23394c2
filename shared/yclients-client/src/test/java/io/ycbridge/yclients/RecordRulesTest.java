package io.ycbridge.yclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.ycbridge.yclients.model.RecordRules;
import io.ycbridge.yclients.model.UserRecord;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A record's rules for its booking user, as decoded from its company object: a window that closes a delay step (in
 * seconds) before the start, and what an absent flag or company means (unknown: allowed, the API decides).
 */
class RecordRulesTest {
    private static final Instant START = Instant.parse("2026-11-21T12:00:00Z");

    @ParameterizedTest(name = "allowed={0} step={1}s, {2} before the start: {3}")
    @CsvSource(nullValues = "null", value = {
            "true,  0,     PT1S,  true",
            "true,  0,     PT0S,  false",
            "true,  0,     PT-1H, false",
            "true,  10800, PT4H,  true",
            "true,  10800, PT3H,  false",
            "true,  10800, PT2H,  false",
            "false, 0,     P30D,  false",
            "null,  null,  PT1S,  true",
            "null,  10800, PT3H1S, true",
            "true,  -60,   PT1S,  true"})
    void aWindowClosesItsDelayStepBeforeTheStart(Boolean allowed, Integer step, Duration beforeStart, boolean open) {
        Instant now = START.minus(beforeStart);
        RecordRules cancelling = new RecordRules(allowed, null, step, null);
        RecordRules moving = new RecordRules(null, allowed, null, step);
        assertEquals(open, cancelling.mayCancel(START, now));
        assertEquals(open, moving.mayMove(START, now));
    }

    @Test
    void theRulesDecodeFromTheCompanyObjectAndAnAbsentCompanyIsUnknown() throws Exception {
        UserRecord ruled = ApiJson.mapper().readValue("""
                {"id": 1, "visit_attendance": 2, "company": {"id": 4564, "allow_delete_record": "0", "allow_change_record": 1,
                 "allow_delete_record_delay_step": "3600", "allow_change_record_delay_step": 7200}}""", UserRecord.class);
        assertEquals(new RecordRules(false, true, 3600, 7200), ruled.rules());
        assertEquals(Duration.ofHours(2), ruled.rules().changeDelay());
        assertEquals(2, ruled.attendance(), "the field table's visit_attendance");

        UserRecord bare = ApiJson.mapper().readValue("{\"id\": 2, \"attendance\": -1}", UserRecord.class);
        assertSame(RecordRules.UNKNOWN, bare.rules());
        assertEquals(true, bare.rules().mayCancel(START, START.minusSeconds(1)));
        assertEquals(-1, bare.attendance());
    }
}
