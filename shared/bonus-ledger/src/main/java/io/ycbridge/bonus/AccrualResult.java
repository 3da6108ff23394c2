package io.ycbridge.bonus;

import java.math.BigDecimal;

/** The decision for one record version; {@code kind} and {@code amount} are null unless an entry was written. */
public record AccrualResult(long companyId, long recordId, AccrualOutcome outcome, EntryKind kind, BigDecimal amount, BonusOwner owner) {
}
