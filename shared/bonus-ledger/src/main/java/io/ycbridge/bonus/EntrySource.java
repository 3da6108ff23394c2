package io.ycbridge.bonus;

/**
 * Where a ledger entry came from. Only what we decided ourselves goes out to a loyalty card: what came back from the
 * card already happened there, and posting it again would count it twice.
 */
public enum EntrySource {
    /** Derived from a record's versions by accrual. */
    VISIT,
    /** An operator's audited correction ({@code ops adjust}). */
    OPERATOR,
    /** Read back from the client's YClients loyalty card (the chain's loyalty transactions). */
    CARD,
    /** The difference between the card's balance and ours, found by the daily reconciliation. */
    RECONCILIATION;

    /** Whether the loyalty-card mirror posts entries of this source to the card. */
    public boolean mirrored() {
        return this == VISIT || this == OPERATOR;
    }
}
