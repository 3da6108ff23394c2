package io.ycbridge.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.event.EventType;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The short text of each event, in Russian and English. Times are the company's (a visit is where the salon is), and
 * amounts are written the locale's way without trailing zeros; the Russian texts put the number after a colon, so no
 * noun has to agree with it.
 */
final class PushTexts {
    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final Map<String, Map<EventType, String[]>> TEXTS = Map.of(
            "ru", Map.of(
                    EventType.VISIT_BOOKED, new String[] {"Вы записаны", "Ждём вас %s."},
                    EventType.VISIT_RESCHEDULED, new String[] {"Запись перенесена", "Новое время визита: %s."},
                    EventType.VISIT_CANCELLED, new String[] {"Запись отменена", "Визит %s отменён."},
                    EventType.VISIT_COMPLETED, new String[] {"Спасибо за визит!", "Будем рады видеть вас снова."},
                    EventType.BONUS_ACCRUED, new String[] {"Начислены бонусы", "Начислено бонусов: %s."},
                    EventType.BONUS_REVERSED, new String[] {"Бонусы списаны", "Списано бонусов: %s — визит изменён или отменён."},
                    EventType.BONUS_REDEEMED, new String[] {"Бонусы потрачены", "Потрачено бонусов: %s."},
                    EventType.BONUS_EXPIRING, new String[] {"Бонусы скоро сгорят", "Сгорят бонусов: %s — %s. Успейте потратить."}),
            "en", Map.of(
                    EventType.VISIT_BOOKED, new String[] {"Booking confirmed", "See you on %s."},
                    EventType.VISIT_RESCHEDULED, new String[] {"Visit moved", "Your visit is now on %s."},
                    EventType.VISIT_CANCELLED, new String[] {"Visit cancelled", "Your visit on %s is cancelled."},
                    EventType.VISIT_COMPLETED, new String[] {"Thank you for your visit!", "We hope to see you again soon."},
                    EventType.BONUS_ACCRUED, new String[] {"Bonus received", "%s bonus points added."},
                    EventType.BONUS_REVERSED, new String[] {"Bonus taken back", "%s bonus points taken back: the visit changed or was cancelled."},
                    EventType.BONUS_REDEEMED, new String[] {"Bonus spent", "%s bonus points spent."},
                    EventType.BONUS_EXPIRING, new String[] {"Bonus expiring", "%s bonus points expire on %s. Use them before then."}));

    private PushTexts() {
    }

    /** Empty when the detail lacks what the text needs (an event of a later schema version, say): no half a sentence. */
    static Optional<PushMessage> of(EventType type, JsonNode detail, String locale, ZoneId zone) {
        String[] text = TEXTS.getOrDefault(locale, TEXTS.get("ru")).get(type);
        Locale language = "en".equals(locale) ? Locale.ENGLISH : RU;
        try {
            String body = switch (type) {
                case VISIT_BOOKED, VISIT_RESCHEDULED, VISIT_CANCELLED -> text[1].formatted(when(detail.path("visit").path("startsAt"), zone, language));
                case VISIT_COMPLETED -> text[1];
                case BONUS_ACCRUED, BONUS_REVERSED, BONUS_REDEEMED -> text[1].formatted(amount(detail.path("bonus").path("amount"), language));
                case BONUS_EXPIRING -> text[1].formatted(amount(detail.path("bonus").path("amount"), language),
                        day(detail.path("bonus").path("expiresAt"), zone, language));
            };
            return Optional.of(new PushMessage(text[0], body));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static String when(JsonNode time, ZoneId zone, Locale language) {
        String pattern = language == RU ? "d MMMM, HH:mm" : "d MMMM 'at' HH:mm";
        return OffsetDateTime.parse(time.textValue()).atZoneSameInstant(zone).format(DateTimeFormatter.ofPattern(pattern, language));
    }

    private static String day(JsonNode time, ZoneId zone, Locale language) {
        return OffsetDateTime.parse(time.textValue()).atZoneSameInstant(zone).format(DateTimeFormatter.ofPattern("d MMMM", language));
    }

    private static String amount(JsonNode amount, Locale language) {
        NumberFormat format = NumberFormat.getNumberInstance(language);
        format.setMaximumFractionDigits(2);
        format.setGroupingUsed(false);
        return format.format(new BigDecimal(amount.textValue()));
    }
}
