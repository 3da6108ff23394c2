package io.ycbridge.sync;

/**
 * What a company's records sync did: {@code fetched} from the API; {@code created} and {@code updated} were written
 * (together: stored); {@code unchanged} were already there at that version or newer; {@code rejected} could not be
 * stored at all (no id or version) and were logged. Records re-read because the webhook marked them count in those
 * too; {@code rereads} says what became of the marks.
 */
public record RecordCounts(int fetched, int created, int updated, int unchanged, int rejected, Rereads rereads) {
    public static final RecordCounts NONE = new RecordCounts(0, 0, 0, 0, 0);

    /** A run that found no marked records. */
    public RecordCounts(int fetched, int created, int updated, int unchanged, int rejected) {
        this(fetched, created, updated, unchanged, rejected, Rereads.NONE);
    }

    public int stored() {
        return created + updated;
    }

    /**
     * The webhook's re-read marks: {@code read} records read from the API and stored through upsertFromApi (mark
     * cleared); {@code notFound} answered 404 (mark cleared: YClients may not show a deleted record); {@code failed}
     * reads the API could not answer (mark kept); {@code left} marks still set after the re-reads, for the next run (the
     * failed ones and those beyond the run's bound or deadline). A run that stops before the re-reads (out of time,
     * failed, a back-fill) does not look at the marks and reports zeros.
     */
    public record Rereads(int read, int notFound, int failed, int left) {
        public static final Rereads NONE = new Rereads(0, 0, 0, 0);
    }
}
