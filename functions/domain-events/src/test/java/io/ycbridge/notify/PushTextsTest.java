package io.ycbridge.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.event.EventType;
import io.ycbridge.yclients.ApiJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each event's push in Russian and English, from the bus events in events/push-notifier. */
class PushTextsTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Test
    void aMovedVisitIsToldWithItsNewTimeInTheCompanysZone() throws IOException {
        JsonNode detail = detail("visit-rescheduled");

        assertEquals(new PushMessage("Запись перенесена", "Новое время визита: 7 декабря, 15:00."),
                PushTexts.of(EventType.VISIT_RESCHEDULED, detail, "ru", MOSCOW).orElseThrow());
        assertEquals(new PushMessage("Visit moved", "Your visit is now on 7 December at 15:00."),
                PushTexts.of(EventType.VISIT_RESCHEDULED, detail, "en", MOSCOW).orElseThrow());
        assertEquals("Your visit is now on 7 December at 13:00.", PushTexts.of(EventType.VISIT_RESCHEDULED, detail, "en",
                ZoneId.of("Europe/Berlin")).orElseThrow().body(), "a salon in Berlin: its own clock");
    }

    @Test
    void amountsAreWrittenTheLanguagesWayWithoutTrailingZeros() throws IOException {
        ObjectNode accrued = (ObjectNode) detail("bonus-accrued");
        assertEquals("Начислено бонусов: 75.", PushTexts.of(EventType.BONUS_ACCRUED, accrued, "ru", MOSCOW).orElseThrow().body());
        ((ObjectNode) accrued.get("bonus")).put("amount", "12.50");
        assertEquals("Начислено бонусов: 12,5.", PushTexts.of(EventType.BONUS_ACCRUED, accrued, "ru", MOSCOW).orElseThrow().body());
        assertEquals("12.5 bonus points added.", PushTexts.of(EventType.BONUS_ACCRUED, accrued, "en", MOSCOW).orElseThrow().body());

        JsonNode expiring = detail("bonus-expiring");
        assertEquals("Сгорят бонусов: 30 — 20 декабря. Успейте потратить.", PushTexts.of(EventType.BONUS_EXPIRING, expiring, "ru", MOSCOW).orElseThrow().body());
        assertEquals("30 bonus points expire on 20 December. Use them before then.", PushTexts.of(EventType.BONUS_EXPIRING, expiring, "en", MOSCOW).orElseThrow().body());
    }

    @Test
    void everyTypeHasATextInBothLanguagesAndADetailWithoutItsFieldsHasNone() throws IOException {
        JsonNode visit = detail("visit-rescheduled");
        JsonNode bonus = detail("bonus-expiring");
        for (EventType type : EventType.values()) {
            JsonNode detail = type.name().startsWith("VISIT") ? visit : bonus;
            for (String locale : new String[] {"ru", "en"}) {
                PushMessage message = PushTexts.of(type, detail, locale, MOSCOW).orElseThrow(() -> new AssertionError(type + " " + locale));
                assertTrue(!message.title().isBlank() && !message.body().contains("%s"), type + " " + locale + ": " + message);
            }
        }
        assertTrue(Arrays.stream(EventType.values()).filter(type -> type != EventType.VISIT_COMPLETED)
                .allMatch(type -> PushTexts.of(type, ApiJson.mapper().createObjectNode(), "en", MOSCOW).isEmpty()), "no half a sentence");
    }

    static JsonNode detail(String file) throws IOException {
        return ApiJson.mapper().readTree(Files.readAllBytes(Path.of("../../events/push-notifier/" + file + ".json"))).path("detail");
    }
}
