package io.ycbridge.bonus;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One ledger line. {@code id} is a function of (company, record, kind, version) only, so the same change computed twice
 * — a replayed stream batch, a retried Lambda — names the same item and the second write is refused. An entry that did not
 * come from a record (an operator's, a card's) has an id of its own kind, as deterministic, and record 0 unless it names one.
 */
public record LedgerEntry(String id, BonusOwner owner, long companyId, long recordId, EntryKind kind, BigDecimal amount, Instant version,
                          EntryOrigin origin) {

    public LedgerEntry {
        java.util.Objects.requireNonNull(origin, "origin");
    }

    /** An entry accrual derived from a record. */
    public LedgerEntry(String id, BonusOwner owner, long companyId, long recordId, EntryKind kind, BigDecimal amount, Instant version) {
        this(id, owner, companyId, recordId, kind, amount, version, EntryOrigin.VISIT);
    }

    public static LedgerEntry of(BonusOwner owner, long companyId, long recordId, EntryKind kind, BigDecimal amount, Instant version) {
        return of(owner, companyId, recordId, kind, amount, version, 0, null);
    }

    /**
     * @param revision the records store's write counter of the version (0 keeps the ids of versions written before it)
     * @param scope    what else tells two entries of one version apart (a visit's correction names the visit), or null
     */
    static LedgerEntry of(BonusOwner owner, long companyId, long recordId, EntryKind kind, BigDecimal amount, Instant version,
                          long revision, String scope) {
        String id = companyId + "-" + recordId + "-" + kind.name().toLowerCase(java.util.Locale.ROOT) + (scope == null ? "" : "-" + scope)
                + "-" + version.toEpochMilli() + (revision == 0 ? "" : "-r" + revision);
        return new LedgerEntry(id, owner, companyId, recordId, kind, amount, version);
    }
}
