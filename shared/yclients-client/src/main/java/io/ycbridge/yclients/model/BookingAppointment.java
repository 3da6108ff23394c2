package io.ycbridge.yclients.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ycbridge.yclients.ApiTimestamp;
import java.util.List;
import java.util.Objects;

/**
 * One appointment of a {@code book_check} or {@code book_record} request. {@code id} is ours, numbering the
 * appointments of one request: the answer (and a 433/437 refusal) refers to them by it. {@code staffId} 0 means any
 * master; {@code datetime} is a {@link BookableTime#datetime()}.
 */
public record BookingAppointment(long id, List<Long> services, @JsonProperty("staff_id") long staffId, ApiTimestamp datetime) {

    public BookingAppointment {
        services = services == null ? List.of() : List.copyOf(services);
        Objects.requireNonNull(datetime, "datetime");
    }
}
