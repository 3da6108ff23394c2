package io.ycbridge.yclients.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * A client's loyalty card in a chain ({@code salon_group_id}): its balance, its number (a string: it may start with
 * zeros, as the reference's {@code "0014507109210520"}) and its type.
 */
public record LoyaltyCard(
        long id,
        BigDecimal balance,
        String number,
        @JsonProperty("type_id") long typeId,
        @JsonProperty("salon_group_id") long salonGroupId) {
}
