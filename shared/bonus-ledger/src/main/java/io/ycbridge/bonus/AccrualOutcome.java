package io.ycbridge.bonus;

/** What became of one record version. */
public enum AccrualOutcome {
    /** An entry was written. */
    APPLIED,
    /** The version was newer but its target equals what was accrued: only the version was recorded. */
    UNCHANGED,
    /** Not newer than the version already applied: a duplicate, a replay or an out-of-order event. Nothing written. */
    STALE,
    /** The record lacks fields until the next sync completes it; decided then. */
    INCOMPLETE,
    /** Neither client id nor phone: nobody could ever claim it, so nothing accrues until a version names the client. */
    NO_CLIENT
}
