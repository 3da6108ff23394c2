package io.ycbridge.bonus;

/**
 * What a ledger entry does. The first three follow a record's versions ({@link BonusPolicy#change}); the last two move
 * a pending visit's bonus to the user who claimed it, as a pair so both owners' balances stay the sums of their entries.
 */
public enum EntryKind {
    /** The first bonus for a record (nothing was accrued before). */
    ACCRUAL,
    /** The amount of a completed visit changed: the difference. */
    ADJUSTMENT,
    /** The visit stopped earning (cancelled, deleted, attendance reverted, unpaid): minus everything accrued. */
    REVERSAL,
    /** Into a user's balance: what a visit earned while no user was linked to it. */
    PENDING_CREDIT,
    /** Out of the pending owner's balance: the other half of {@link #PENDING_CREDIT}. */
    PENDING_TRANSFER
}
