package io.ycbridge.loyalty;

/** Where a user's mirror to one chain's card stands, as {@code ops status} shows it. */
public enum MirrorStatus {
    /** Every entry is on the card. */
    POSTED,
    /** Entries wait for the API (down, rate limited, credentials refused): they are posted, in order, once it answers. */
    WAITING,
    /** An attempt may have reached the card (a timeout or 5xx after sending): the next try reads the card's transactions first. */
    UNCERTAIN,
    /** YClients refused the next entry (no right for manual transactions, not enough on the card): it waits, with the reason. */
    REFUSED,
    /** The user has no proven phone, so no card can be found or issued: entries wait. */
    NO_PHONE
}
