package io.ycbridge.yclients.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.Optional;

/** One service within a record, with what it cost on this visit. */
public record RecordService(
        long id,
        String title,
        BigDecimal cost,
        @JsonProperty("manual_cost") BigDecimal manualCost,
        @JsonProperty("first_cost") BigDecimal firstCost,
        BigDecimal discount,
        Integer amount,
        @JsonProperty("cost_to_pay") BigDecimal costToPay) {

    /** What the client is charged for this line: {@code cost} is already after discount and quantity. */
    public Optional<BigDecimal> charged() {
        return Optional.ofNullable(cost);
    }
}
