package io.ycbridge.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The bonus an event tells of: how much moved (a positive amount: the event's type says which way), and either the
 * ledger entry that moved it, with its source and reason, or the time it expires ({@code BonusExpiring}).
 */
public record BonusFacts(String entryId, BigDecimal amount, String source, String reason, OffsetDateTime expiresAt) {
    public BonusFacts {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("an event's amount is never negative: the type says which way it moved");
        }
    }

    public static BonusFacts moved(String entryId, BigDecimal amount, String source, String reason) {
        return new BonusFacts(entryId, amount, source, reason, null);
    }

    public static BonusFacts expiring(BigDecimal amount, OffsetDateTime expiresAt) {
        return new BonusFacts(null, amount, null, null, expiresAt);
    }
}
