package io.ycbridge.app.booking;

import io.ycbridge.yclients.model.BookableTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A free time as the app gets it: {@code datetime} with the company's offset, which is what {@code POST /v1/bookings}
 * and {@code PUT /v1/me/visits/{id}} take back; {@code time} as the salon shows it; the length in seconds.
 */
public record FreeTime(String datetime, String time, Integer seanceLength) {

    /** A time without an offset is the company's local time ({@code zone}). */
    static FreeTime of(BookableTime time, ZoneId zone) {
        return new FreeTime(start(time, zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), time.time(), time.seanceLength());
    }

    static OffsetDateTime start(BookableTime time, ZoneId zone) {
        return time.datetime().resolve(zone);
    }
}
