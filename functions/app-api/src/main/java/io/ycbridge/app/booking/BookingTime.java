package io.ycbridge.app.booking;

import io.ycbridge.app.RequestRefused;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** A time the app sends back: one of {@code GET /v1/booking/times}' {@code datetime}s, ISO 8601 with its offset. */
public final class BookingTime {
    private BookingTime() {
    }

    public static OffsetDateTime parse(String text) {
        if (text == null || text.isBlank()) {
            throw new RequestRefused(400, "datetime is required: a time from GET /v1/booking/times, with its offset");
        }
        try {
            return OffsetDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new RequestRefused(400, "datetime must be ISO 8601 with an offset, as GET /v1/booking/times gives it");
        }
    }
}
