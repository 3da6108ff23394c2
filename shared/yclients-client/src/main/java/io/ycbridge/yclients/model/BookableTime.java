package io.ycbridge.yclients.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ycbridge.yclients.ApiTimestamp;

/**
 * A free time ({@code book_times}): {@code time} as shown ("17:30"), its length in seconds, and {@code datetime},
 * which the reference says to send back unchanged in {@link BookingAppointment#datetime()}.
 */
public record BookableTime(String time, @JsonProperty("seance_length") Integer seanceLength, ApiTimestamp datetime) {
}
