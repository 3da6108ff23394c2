package io.ycbridge.webhook;

/** What became of one delivery, with the HTTP status YClients gets for it. */
enum IntakeOutcome {
    STORED(200, "accepted"),
    DUPLICATE(200, "duplicate"),
    STALE(200, "stale"),
    /**
     * The body differs from the stored version of the same second and the API could not say which is current: accepted
     * (the sync re-reads the record, so nothing is lost) and counted apart, since the stored version may be the older.
     */
    CONFLICT_REREAD(200, "conflict-reread"),
    IGNORED(200, "ignored"),
    REJECTED(400, "rejected"),
    UNAUTHORIZED(401, "unauthorized"),
    FORBIDDEN(403, "forbidden"),
    UNAVAILABLE(503, "unavailable");

    private final int status;
    private final String metric;

    IntakeOutcome(int status, String metric) {
        this.status = status;
        this.metric = metric;
    }

    int status() {
        return status;
    }

    /** The EMF metric this outcome counts under. */
    String metric() {
        return metric;
    }
}
