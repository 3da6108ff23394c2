package io.ycbridge.yclients.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer of {@code book_dates}: days with a free time for the choice so far ({@code booking_dates}) and days the
 * staff or company works ({@code working_dates}). The same days also come grouped by month ({@code booking_days});
 * the flat lists say the same and are what is read.
 */
public record BookingDates(
        @JsonProperty("booking_dates") List<LocalDate> bookingDates,
        @JsonProperty("working_dates") List<LocalDate> workingDates) {

    public BookingDates {
        bookingDates = bookingDates == null ? List.of() : List.copyOf(bookingDates);
        workingDates = workingDates == null ? List.of() : List.copyOf(workingDates);
    }
}
