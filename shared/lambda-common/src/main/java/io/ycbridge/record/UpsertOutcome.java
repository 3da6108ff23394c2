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
    STALE,
    /**
     * The same version is stored with other content: two changes within one second of {@code last_change_date}, in an
     * order the delivery cannot tell. Nothing written; the caller asks the API ({@link RecordStore#upsertFromApi}).
     */
    CONFLICT;

    public boolean changed() {
        return this == CREATED || this == UPDATED;
    }
}
