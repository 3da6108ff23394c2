package io.ycbridge.yclients.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * A service the online booking offers ({@code book_services}). {@code seanceLength} (seconds) comes only when the
 * list was asked for one staff member; {@code prepaid} is the online-payment status ("forbidden", …).
 */
public record BookableService(
        long id,
        String title,
        @JsonProperty("category_id") Long categoryId,
        @JsonProperty("price_min") BigDecimal priceMin,
        @JsonProperty("price_max") BigDecimal priceMax,
        BigDecimal discount,
        String comment,
        Integer weight,
        Boolean active,
        String prepaid,
        @JsonProperty("seance_length") Integer seanceLength,
        String image) {
}
