package io.ycbridge.bonus;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the ledger holds for one record: its owner (null until one could be named), the bonus accrued for it so far
 * and the record version (YClients' change time) last applied. {@code version} null: the record was never seen.
 */
public record AccrualState(long companyId, long recordId, BonusOwner owner, BigDecimal accrued, Instant version) {

    public static AccrualState unseen(long companyId, long recordId) {
        return new AccrualState(companyId, recordId, null, BigDecimal.ZERO, null);
    }

    public boolean seen() {
        return version != null;
    }
}
