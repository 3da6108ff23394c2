package io.ycbridge.bonus;

import io.ycbridge.record.StoredRecord;
import io.ycbridge.record.StoredService;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The bonus rules, pure. Accrual converges instead of reacting to transitions: each record version has a target
 * ({@link #earned}) and the ledger moves from what was accrued to it ({@link #change}). So a cancelled visit reverses
 * exactly what it had earned, a changed amount adjusts by the difference, and a replayed or skipped intermediate
 * version changes nothing about where the ledger ends up.
 */
public final class BonusPolicy {

    private static final BigDecimal NOTHING = new BigDecimal("0.00");

    private BonusPolicy() {
    }

    /** A ledger movement for one record version. */
    public record Change(EntryKind kind, BigDecimal amount) {
    }

    /** {@link #earned(StoredRecord, BonusRules, ServiceCategories)} with no category known: for rules without category exclusions. */
    public static BigDecimal earned(StoredRecord record, BonusRules rules) {
        return earned(record, rules, ServiceCategories.NONE);
    }

    /**
     * What this version of the record is worth in bonus: nothing unless the client came (attendance 1), paid in full and
     * the record is not deleted; else the percent of the non-excluded services' cost, rounded, capped. For a record
     * alone; the records of one visit share the cap ({@link #uncapped}, {@link #visitCorrection}).
     */
    public static BigDecimal earned(StoredRecord record, BonusRules rules, ServiceCategories categories) {
        return capped(uncapped(record, rules, categories), rules);
    }

    /** {@link #earned} before the per-visit cap. */
    public static BigDecimal uncapped(StoredRecord record, BonusRules rules, ServiceCategories categories) {
        if (record.deleted() || !record.came() || !record.paidFull() || record.incomplete()) {
            return NOTHING;
        }
        BigDecimal base = BigDecimal.ZERO;
        for (StoredService service : record.services()) {
            if (!excluded(service.id(), rules, categories)) {
                base = base.add(service.cost());
            }
        }
        if (base.signum() <= 0) {
            return NOTHING;
        }
        return money(base.multiply(rules.percent()).movePointLeft(2).setScale(rules.scale(), rules.rounding()));
    }

    /**
     * What keeps a visit at the cap: zero while its records' uncapped bonuses sum to no more than the cap, else the
     * (negative) difference. The visit then earns min(cap, sum), whatever order its records came in.
     */
    public static BigDecimal visitCorrection(BigDecimal total, BonusRules rules) {
        if (rules.capPerVisit() == null || total.compareTo(rules.capPerVisit()) <= 0) {
            return NOTHING;
        }
        return money(rules.capPerVisit().subtract(total));
    }

    private static BigDecimal capped(BigDecimal bonus, BonusRules rules) {
        return rules.capPerVisit() != null && bonus.compareTo(rules.capPerVisit()) > 0 ? money(rules.capPerVisit()) : bonus;
    }

    /**
     * A service is excluded by its id, or by its category when the catalog knows it. A service the catalog does not
     * know (yet) earns: exclusions are carve-outs an operator configured, and only a known category can match one.
     */
    static boolean excluded(long serviceId, BonusRules rules, ServiceCategories categories) {
        if (rules.excludedServiceIds().contains(serviceId)) {
            return true;
        }
        return rules.excludesCategories() && categories.categoryOf(serviceId).filter(rules.excludedCategoryIds()::contains).isPresent();
    }

    /** The entry that takes a record from {@code accrued} to {@code target}; empty when they are equal. */
    public static Optional<Change> change(BigDecimal accrued, BigDecimal target) {
        BigDecimal delta = target.subtract(accrued);
        if (delta.signum() == 0) {
            return Optional.empty();
        }
        EntryKind kind = accrued.signum() == 0 ? EntryKind.ACCRUAL : target.signum() == 0 ? EntryKind.REVERSAL : EntryKind.ADJUSTMENT;
        return Optional.of(new Change(kind, money(delta)));
    }

    /**
     * Money in one form, at least two decimals and no trailing zeros beyond: DynamoDB drops trailing zeros, and
     * BigDecimal's equals would call 10 and 10.00 different.
     */
    public static BigDecimal money(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }
}
