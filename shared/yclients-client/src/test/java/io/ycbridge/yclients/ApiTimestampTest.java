package io.ycbridge.yclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiTimestampTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2019-07-21 12:00:00,        2019-07-21T09:00:00Z",   // company-local, resolved with the company zone
            "2019-07-21T12:00:00+03:00,  2019-07-21T09:00:00Z",
            "2019-07-21T12:27:06+0300,   2019-07-21T09:27:06Z",   // no colon in the offset
            "2019-07-21T12:27:06+05,     2019-07-21T07:27:06Z",
            "2019-07-21T09:27:06Z,       2019-07-21T09:27:06Z",
            "2019-07-21T12:27:06.250+0300, 2019-07-21T09:27:06.250Z",
            "2019-07-21 12:00,           2019-07-21T09:00:00Z",
            "2019-07-21,                 2019-07-20T21:00:00Z"})
    void parsesEveryFormTheApiSends(String text, String expectedInstant) {
        assertEquals(Instant.parse(expectedInstant), ApiTimestamp.parse(text).toInstant(MOSCOW));
    }

    @Test
    void anOffsetInTheValueWinsOverTheCompanyZone() {
        ApiTimestamp sent = ApiTimestamp.parse("2026-11-20T12:00:00+05:00");
        assertTrue(sent.hasOffset());
        assertEquals(OffsetDateTime.parse("2026-11-20T12:00:00+05:00"), sent.resolve(MOSCOW));
    }

    @Test
    void localValuesFollowTheCompanyZoneIncludingItsRules() {
        ApiTimestamp local = ApiTimestamp.parse("2026-07-01 10:00:00");
        assertFalse(local.hasOffset());
        assertEquals(ZoneOffset.ofHours(2), local.resolve(ZoneId.of("Europe/Berlin")).getOffset());
        assertEquals(ZoneOffset.ofHours(3), local.resolve(MOSCOW).getOffset());
    }

    @Test
    void printsBackInTheApiForm() {
        assertEquals("2019-07-21 12:00:00", ApiTimestamp.parse("2019-07-21 12:00:00").toString());
        assertEquals("2019-07-21T12:27:06+03:00", ApiTimestamp.parse("2019-07-21T12:27:06+0300").toString());
        assertEquals(new ApiTimestamp(LocalDateTime.of(2019, 7, 21, 12, 27, 6), ZoneOffset.ofHours(3)),
                ApiTimestamp.parse(ApiTimestamp.parse("2019-07-21T12:27:06+0300").toString()));
    }

    @ParameterizedTest
    @CsvSource({"21.07.2019 12:00", "2019-07-21T25:00:00", "yesterday", "2019-07-21T12:00:00+3:00"})
    void refusesOtherShapesWithoutEchoingTheValue(String text) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ApiTimestamp.parse(text));
        assertFalse(error.getMessage().contains(text), error.getMessage());
    }
}
