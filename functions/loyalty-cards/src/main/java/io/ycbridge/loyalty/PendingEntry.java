package io.ycbridge.loyalty;

import io.ycbridge.bonus.EntryKind;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An entry in the outbox, waiting to become a manual transaction on the card. {@code attemptAt} is set while a post may
 * have been sent: whoever finds it set reads the card's transactions before posting again.
 */
public record PendingEntry(String itemKey, String entryId, BigDecimal amount, EntryKind kind, long companyId, Instant attemptAt, int attempts) {

    /** The manual transaction's title: our entry id first, so the card's history names the entry it came from. */
    public String title() {
        return CardTitle.of(entryId, kind);
    }
}
