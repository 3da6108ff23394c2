package io.ycbridge.bonus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Set;

/**
 * One company's accrual rules: {@code percent} of the paid cost of the record's services (those neither in
 * {@code excludedServiceIds} nor in a category of {@code excludedCategoryIds}), rounded to {@code scale} decimals with
 * {@code rounding}, at most {@code capPerVisit} (null: no cap).
 */
public record BonusRules(BigDecimal percent, int scale, RoundingMode rounding, BigDecimal capPerVisit, Set<Long> excludedServiceIds,
                         Set<Long> excludedCategoryIds) {

    public BonusRules {
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(rounding, "rounding");
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("percent must be between 0 and 100, got " + percent.toPlainString());
        }
        if (scale < 0 || scale > 4) {
            throw new IllegalArgumentException("rounding scale must be 0 to 4, got " + scale);
        }
        if (rounding == RoundingMode.UNNECESSARY) {
            // UNNECESSARY throws on the first fractional bonus: a misconfiguration, not a rule.
            throw new IllegalArgumentException("rounding mode UNNECESSARY cannot round a percentage");
        }
        if (capPerVisit != null && capPerVisit.signum() < 0) {
            throw new IllegalArgumentException("cap per visit must not be negative, got " + capPerVisit.toPlainString());
        }
        excludedServiceIds = excludedServiceIds == null ? Set.of() : Set.copyOf(excludedServiceIds);
        excludedCategoryIds = excludedCategoryIds == null ? Set.of() : Set.copyOf(excludedCategoryIds);
    }

    /** Rules without category exclusions. */
    public BonusRules(BigDecimal percent, int scale, RoundingMode rounding, BigDecimal capPerVisit, Set<Long> excludedServiceIds) {
        this(percent, scale, rounding, capPerVisit, excludedServiceIds, Set.of());
    }

    public static BonusRules percent(String percent) {
        return new BonusRules(new BigDecimal(percent), 0, RoundingMode.DOWN, null, Set.of(), Set.of());
    }

    public BonusRules withScale(int value, RoundingMode mode) {
        return new BonusRules(percent, value, mode, capPerVisit, excludedServiceIds, excludedCategoryIds);
    }

    public BonusRules withCap(String value) {
        return new BonusRules(percent, scale, rounding, value == null ? null : new BigDecimal(value), excludedServiceIds, excludedCategoryIds);
    }

    public BonusRules withExcluded(Set<Long> ids) {
        return new BonusRules(percent, scale, rounding, capPerVisit, ids, excludedCategoryIds);
    }

    public BonusRules withExcludedCategories(Set<Long> ids) {
        return new BonusRules(percent, scale, rounding, capPerVisit, excludedServiceIds, ids);
    }

    /** Whether applying these rules needs to know the services' categories (a catalog read). */
    public boolean excludesCategories() {
        return !excludedCategoryIds.isEmpty();
    }
}
