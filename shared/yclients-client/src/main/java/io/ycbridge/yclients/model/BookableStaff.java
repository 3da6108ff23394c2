package io.ycbridge.yclients.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A master as the online booking shows them ({@code book_staff}). {@code bookable} says whether they have free
 * times at all; {@code seanceDate} is their nearest day with one (only when bookable).
 */
public record BookableStaff(
        long id,
        String name,
        String specialization,
        Boolean bookable,
        Integer weight,
        BigDecimal rating,
        String avatar,
        @JsonProperty("seance_date") String seanceDateText) {

    /** The nearest day with a free time ({@code seance_date}), when the master is bookable. */
    public Optional<LocalDate> seanceDate() {
        return seanceDateText == null || seanceDateText.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(seanceDateText));
    }
}
