package io.ycbridge.record;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One service line of a record: what bonus accrual pays on. {@code cost} is what the client is charged for the line
 * (after discount, for all {@code amount} units), in the company's currency.
 *
 * <p>{@code cost} is kept in one canonical scale — at least two decimals, no trailing zeros beyond — because DynamoDB
 * stores numbers without trailing zeros: {@code 1500.00} comes back as {@code 1500}, and BigDecimal's equals would then
 * call two equal amounts different.
 */
public record StoredService(long id, String title, BigDecimal cost, int amount) {
    /** DynamoDB numbers keep 38 significant digits. */
    private static final int MAX_DIGITS = 38;

    public StoredService {
        title = title == null ? "" : title;
        cost = canonical(Objects.requireNonNull(cost, "cost"));
        if (cost.precision() > MAX_DIGITS || cost.scale() > MAX_DIGITS) {
            // DynamoDB refuses the write (its numbers hold 38 digits), which would look like a storage outage.
            throw new IllegalArgumentException("cost of service " + id + " has more than " + MAX_DIGITS + " digits");
        }
        if (amount < 0) {
            throw new IllegalArgumentException("amount " + amount + " of service " + id + " is negative");
        }
    }

    static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }
}
