package io.ycbridge.loyalty;

import io.ycbridge.bonus.EntryKind;
import io.ycbridge.yclients.model.LoyaltyTransaction;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a transaction of the chain's loyalty feed does to a card's balance, as a ledger entry kind and a signed amount.
 * The reference's withdrawal carries a positive amount with {@code is_loyalty_withdraw}; a discount moves no balance; a
 * manual transaction is signed; our own (titled by {@link CardTitle}) are already in the ledger.
 */
final class CardMovementPolicy {
    static final int MANUAL = 5;
    static final int EXPIRY = 6;
    /** YClients' status of a transaction in force; others (cancelled withdrawals) moved nothing that stays. */
    private static final int APPLIED = 1;

    /** A balance change: the entry kind and the amount, negative when the card lost it. */
    record Movement(EntryKind kind, BigDecimal amount) {
    }

    private CardMovementPolicy() {
    }

    static Optional<Movement> of(LoyaltyTransaction transaction) {
        if (CardTitle.ours(transaction.title()) || transaction.discount() || transaction.statusId() != APPLIED
                || transaction.amount() == null || transaction.amount().signum() == 0) {
            return Optional.empty();
        }
        BigDecimal amount = transaction.amount();
        if (transaction.loyaltyWithdraw()) {
            return Optional.of(new Movement(EntryKind.REDEMPTION, amount.abs().negate()));
        }
        if (transaction.typeId() == EXPIRY) {
            return Optional.of(new Movement(EntryKind.EXPIRY, amount.abs().negate()));
        }
        if (transaction.typeId() == MANUAL) {
            return Optional.of(new Movement(amount.signum() < 0 ? EntryKind.REDEMPTION : EntryKind.EXTERNAL_ACCRUAL, amount));
        }
        return Optional.of(new Movement(EntryKind.EXTERNAL_ACCRUAL, amount.abs()));
    }
}
