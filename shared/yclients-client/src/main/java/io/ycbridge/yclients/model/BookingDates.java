package io.ycbridge.yclients.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer of {@code book_dates}: days with a free time for the choice so far ({@code booking_dates}) and days the
 * staff or company works ({@code working_dates}), as {@code yyyy-MM-dd} texts. The same days also come grouped by
 * month ({@code booking_days}); the flat lists say the same and are what is read.
 */
public record BookingDates(
        @JsonProperty("booking_dates") List<String> bookingDateTexts,
        @JsonProperty("working_dates") List<String> workingDateTexts) {

    public BookingDates {
        bookingDateTexts = bookingDateTexts == null ? List.of() : List.copyOf(bookingDateTexts);
        workingDateTexts = workingDateTexts == null ? List.of() : List.copyOf(workingDateTexts);
    }

    public List<LocalDate> bookingDates() {
        return bookingDateTexts.stream().map(LocalDate::parse).toList();
    }

    public List<LocalDate> workingDates() {
        return workingDateTexts.stream().map(LocalDate::parse).toList();
    }
}
