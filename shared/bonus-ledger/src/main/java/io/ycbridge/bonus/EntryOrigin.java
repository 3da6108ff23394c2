package io.ycbridge.bonus;

import java.util.Objects;

/**
 * Why an entry exists: its source, the reason a person or the reconciliation gave (null for a visit's), and the YClients
 * loyalty transaction it mirrors back (null unless it came from a card).
 */
public record EntryOrigin(EntrySource source, String reason, Long cardTransactionId) {
    public static final EntryOrigin VISIT = new EntryOrigin(EntrySource.VISIT, null, null);

    public EntryOrigin {
        Objects.requireNonNull(source, "source");
    }

    public static EntryOrigin operator(String reason) {
        return new EntryOrigin(EntrySource.OPERATOR, Objects.requireNonNull(reason, "reason"), null);
    }

    public static EntryOrigin card(long transactionId) {
        return new EntryOrigin(EntrySource.CARD, null, transactionId);
    }

    public static EntryOrigin reconciliation(String reason) {
        return new EntryOrigin(EntrySource.RECONCILIATION, Objects.requireNonNull(reason, "reason"), null);
    }
}
