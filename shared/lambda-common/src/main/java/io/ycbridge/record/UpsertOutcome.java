package io.ycbridge.record;

/** What {@link RecordStore#upsert} did. Only CREATED and UPDATED change the table (and so emit a stream event). */
public enum UpsertOutcome {
    /** No item existed; this version is now stored. */
    CREATED,
    /** An older version (or the same version with less in it) was replaced. */
    UPDATED,
    /** The same version is already stored: a retried or repeated delivery. Nothing written. */
    DUPLICATE,
    /** A newer version is already stored: an out-of-order delivery. Nothing written. */
    STALE;

    public boolean changed() {
        return this == CREATED || this == UPDATED;
    }
}
