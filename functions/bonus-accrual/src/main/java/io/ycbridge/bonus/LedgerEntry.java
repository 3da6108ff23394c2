package io.ycbridge.bonus;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One ledger line. {@code id} is a function of (company, record, kind, version) only, so the same change computed twice
 * — a replayed stream batch, a retried Lambda — names the same item and the second write is refused.
 */
public record LedgerEntry(String id, BonusOwner owner, long companyId, long recordId, EntryKind kind, BigDecimal amount, Instant version) {

    public static LedgerEntry of(BonusOwner owner, long companyId, long recordId, EntryKind kind, BigDecimal amount, Instant version) {
        return new LedgerEntry(id(companyId, recordId, kind, version), owner, companyId, recordId, kind, amount, version);
    }

    static String id(long companyId, long recordId, EntryKind kind, Instant version) {
        return companyId + "-" + recordId + "-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + version.toEpochMilli();
    }
}
