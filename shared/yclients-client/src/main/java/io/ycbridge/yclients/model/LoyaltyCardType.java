package io.ycbridge.yclients.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A loyalty card type of a chain ({@code salon_group_id}): what a card is issued as. */
public record LoyaltyCardType(long id, String title, @JsonProperty("salon_group_id") long salonGroupId) {
}
