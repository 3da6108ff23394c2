package io.ycbridge.yclients.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** A bookable service. Prices come as strings ("1500.00") on list endpoints; Jackson coerces them. */
public record Service(
        long id,
        String title,
        @JsonProperty("category_id") Long categoryId,
        @JsonProperty("price_min") BigDecimal priceMin,
        @JsonProperty("price_max") BigDecimal priceMax,
        Integer duration,
        Boolean active,
        Integer weight,
        List<StaffRef> staff) {

    public Service {
        staff = staff == null ? List.of() : List.copyOf(staff);
    }

    /** A master who performs the service; the API sends more fields, only the id is used. */
    public record StaffRef(long id, @JsonProperty("seance_length") Integer seanceLength) {
    }
}
