package io.ycbridge.bonus;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the ledger holds for one record: its owner (null until one could be named), the bonus accrued for it so far,
 * the record version last applied — YClients' change time and the records store's write counter, which orders two
 * versions of one second — the client identity the owner was decided for, and the capped visit it counts in.
 * {@code version} null: the record was never seen.
 */
public record AccrualState(long companyId, long recordId, BonusOwner owner, BigDecimal accrued, Instant version, long revision,
                           String identity, String visit) {

    public static AccrualState unseen(long companyId, long recordId) {
        return new AccrualState(companyId, recordId, null, BigDecimal.ZERO, null, 0, null, null);
    }

    public boolean seen() {
        return version != null;
    }

    /** Whether the version (change time, then write counter) was applied already or is older than the one applied. */
    public boolean covers(Instant changedAt, long writeRevision) {
        if (!seen()) {
            return false;
        }
        int byTime = changedAt.compareTo(version);
        return byTime < 0 || (byTime == 0 && writeRevision <= revision);
    }

    AccrualState withOwner(BonusOwner value) {
        return new AccrualState(companyId, recordId, value, accrued, version, revision, identity, visit);
    }
}
