package io.ycbridge.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.config.Config;
import io.ycbridge.config.ConfigException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Quiet hours in the company's zone, across midnight or within a day, and the settings that name them. */
class QuietHoursTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @ParameterizedTest(name = "{0} with {1} quiet: held until {2}")
    @CsvSource({
            "2026-12-05T18:59:00Z, 22:00-09:00, ''",
            "2026-12-05T19:00:00Z, 22:00-09:00, 2026-12-06T06:00:00Z",
            "2026-12-05T23:30:00Z, 22:00-09:00, 2026-12-06T06:00:00Z",
            "2026-12-06T05:59:59Z, 22:00-09:00, 2026-12-06T06:00:00Z",
            "2026-12-06T06:00:00Z, 22:00-09:00, ''",
            "2026-12-06T10:00:00Z, 13:00-15:00, 2026-12-06T12:00:00Z",
            "2026-12-06T12:00:00Z, 13:00-15:00, ''",
            "2026-12-06T09:00:00Z, 13:00-15:00, ''"})
    void aPushIsHeldUntilTheQuietTimeEnds(String at, String hours, String until) {
        Optional<Instant> held = QuietHours.parse(hours, MOSCOW).heldUntil(Instant.parse(at));
        assertEquals(until.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(until)), held);
    }

    @Test
    void theSettingsDefaultToTheNightAndRefuseWhatTheyCannotRead() {
        PushSettings defaults = PushSettings.from(Config.of(Map.of()));
        assertEquals(QuietHours.parse("22:00-09:00", MOSCOW), defaults.quietHours().orElseThrow());
        assertEquals("ru", defaults.defaultLocale());
        assertTrue(defaults.events().contains("VisitRescheduled") && !defaults.events().contains("VisitBooked"), defaults.events().toString());
        assertTrue(defaults.application(Platform.FCM).isEmpty());

        PushSettings none = PushSettings.from(Config.of(Map.of("QUIET_HOURS", "none", "PUSH_EVENTS", "none", "PUSH_DEFAULT_LOCALE", "EN",
                "APNS_PLATFORM_APPLICATION_ARN", "arn:aws:sns:eu-west-1:1:app/APNS/salon")));
        assertTrue(none.quietHours().isEmpty() && none.events().isEmpty());
        assertEquals("en", none.defaultLocale());
        assertEquals("arn:aws:sns:eu-west-1:1:app/APNS/salon", none.application(Platform.APNS).orElseThrow());

        for (Map<String, String> bad : java.util.List.of(Map.of("QUIET_HOURS", "22-9"), Map.of("QUIET_HOURS", "09:00-09:00"),
                Map.of("PUSH_DEFAULT_LOCALE", "de"))) {
            ConfigException refused = assertThrows(ConfigException.class, () -> PushSettings.from(Config.of(bad)));
            assertTrue(refused.getMessage().contains(bad.keySet().iterator().next()), refused.getMessage());
        }
    }
}
