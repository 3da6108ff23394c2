package io.ycbridge.yclients.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.yclients.ApiTimestamp;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * One loyalty transaction on a card. {@code typeId}, as the reference shows them: 1 a programme's discount (no balance
 * change, {@code is_discount}), 3 a withdrawal from the card ({@code is_loyalty_withdraw}, amount positive = taken), 4 a
 * referral accrual. Assumed until checked on a live account: 2 a cashback accrual, 5 a manual transaction (amount
 * signed: positive added, negative deducted), 6 an expiry (amount positive = burnt).
 *
 * <p>{@code recordId} is {@code item_record_id} and {@code visitId} {@code visit_id}, null when absent or 0 (the
 * reference writes 0 for a line that is not a record's). {@code title} is a manual transaction's, null for others.
 * {@code createdAt} is {@code created_date}, read with its offset ({@code +03:00} or {@code +0300}); null when absent or
 * without an offset, as no zone is known here to place it. {@code typeTitle} is {@code type.title}.
 */
public record LoyaltyTransaction(
        long id,
        int statusId,
        BigDecimal amount,
        int typeId,
        long cardId,
        long salonGroupId,
        Long visitId,
        Long recordId,
        boolean discount,
        boolean loyaltyWithdraw,
        String title,
        Instant createdAt,
        String typeTitle) {

    @JsonCreator
    static LoyaltyTransaction fromWire(
            @JsonProperty("id") long id,
            @JsonProperty("status_id") int statusId,
            @JsonProperty("amount") BigDecimal amount,
            @JsonProperty("type_id") int typeId,
            @JsonProperty("card_id") long cardId,
            @JsonProperty("salon_group_id") long salonGroupId,
            @JsonProperty("visit_id") Long visitId,
            @JsonProperty("item_record_id") Long recordId,
            @JsonProperty("is_discount") Boolean discount,
            @JsonProperty("is_loyalty_withdraw") Boolean loyaltyWithdraw,
            @JsonProperty("title") String title,
            @JsonProperty("created_date") ApiTimestamp createdDate,
            @JsonProperty("type") JsonNode type) {
        return new LoyaltyTransaction(id, statusId, amount, typeId, cardId, salonGroupId, noneIfZero(visitId), noneIfZero(recordId),
                Boolean.TRUE.equals(discount), Boolean.TRUE.equals(loyaltyWithdraw), title,
                createdDate == null || !createdDate.hasOffset() ? null : createdDate.toInstant(ZoneOffset.UTC),
                type == null ? null : type.path("title").asText(null));
    }

    private static Long noneIfZero(Long id) {
        return id == null || id == 0 ? null : id;
    }
}
