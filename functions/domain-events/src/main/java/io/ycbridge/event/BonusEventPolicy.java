package io.ycbridge.event;

import io.ycbridge.bonus.EntryKind;
import io.ycbridge.bonus.LedgerEntry;
import java.util.Optional;

/**
 * Which event a new ledger entry is. Only entries in a user's own balance are news: a pending owner (a phone or client
 * no app user has proven yet) has nobody to tell, and when the user links, the PENDING_CREDIT into their balance is
 * the one BonusAccrued for that money; its PENDING_TRANSFER twin leaves the pending owner and is no news either.
 *
 * <table>
 *   <tr><th>kind</th><th>event</th></tr>
 *   <tr><td>ACCRUAL, PENDING_CREDIT, EXTERNAL_ACCRUAL</td><td>BonusAccrued</td></tr>
 *   <tr><td>ADJUSTMENT, VISIT_CAP</td><td>BonusAccrued when positive, BonusReversed when negative, none at zero</td></tr>
 *   <tr><td>REVERSAL, EXPIRY</td><td>BonusReversed</td></tr>
 *   <tr><td>REDEMPTION</td><td>BonusRedeemed</td></tr>
 *   <tr><td>PENDING_TRANSFER</td><td>—</td></tr>
 * </table>
 */
public final class BonusEventPolicy {
    private BonusEventPolicy() {
    }

    public static Optional<EventType> of(LedgerEntry entry) {
        if (entry.owner().userId().isEmpty() || entry.amount().signum() == 0) {
            return Optional.empty();
        }
        EntryKind kind = entry.kind();
        return switch (kind) {
            case ACCRUAL, PENDING_CREDIT, EXTERNAL_ACCRUAL -> Optional.of(EventType.BONUS_ACCRUED);
            case ADJUSTMENT, VISIT_CAP -> Optional.of(entry.amount().signum() > 0 ? EventType.BONUS_ACCRUED : EventType.BONUS_REVERSED);
            case REVERSAL, EXPIRY -> Optional.of(EventType.BONUS_REVERSED);
            case REDEMPTION -> Optional.of(EventType.BONUS_REDEEMED);
            case PENDING_TRANSFER -> Optional.empty();
        };
    }
}
