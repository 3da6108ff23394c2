package io.ycbridge.bonus;

/**
 * What a ledger entry does. The first three follow a record's versions ({@link BonusPolicy#change}) — and when a record's
 * client changes after an accrual, a REVERSAL for the old owner and an ACCRUAL for the new one move it; the next two move
 * a pending visit's bonus to the user who claimed it, as a pair so both owners' balances stay the sums of their entries.
 * The last three are what happened on the client's YClients loyalty card and came back from it ({@link EntrySource#CARD}).
 */
public enum EntryKind {
    /** The first bonus for a record (nothing was accrued before). */
    ACCRUAL,
    /**
     * The amount of a completed visit changed: the difference; also an operator's correction ({@link EntrySource#OPERATOR})
     * and a card's drift found by reconciliation ({@link EntrySource#RECONCILIATION}), each with its reason.
     */
    ADJUSTMENT,
    /** The visit stopped earning (cancelled, deleted, attendance reverted, unpaid): minus everything accrued. */
    REVERSAL,
    /** Into a user's balance: what a visit earned while no user was linked to it. */
    PENDING_CREDIT,
    /** Out of the pending owner's balance: the other half of {@link #PENDING_CREDIT}. */
    PENDING_TRANSFER,
    /**
     * A visit's records together earned more than the per-visit cap: the (negative) correction that keeps the visit at
     * the cap, moved whenever a record of the visit changes.
     */
    VISIT_CAP,
    /** Spent at the counter: a cashier's withdrawal from the card at a visit, or the salon's manual deduction. */
    REDEMPTION,
    /** Burnt by YClients' own expiry of the card's points. */
    EXPIRY,
    /** Credited on the card by YClients itself (its cashback or referral programmes, or the salon's manual credit). */
    EXTERNAL_ACCRUAL
}
