package io.ycbridge.sync;

/** How one company's sync ended. */
public enum SyncOutcome {
    /** Catalog and records are up to date. */
    OK,
    /** The time budget ran out; progress is saved and the next run continues from there. */
    PARTIAL,
    /**
     * YClients refused the credentials (401) or the rights (403), or the base URL is wrong, or the login needs
     * two-factor confirmation: retrying will not help until an operator acts.
     */
    REFUSED,
    /** Anything else (5xx after retries, network, DynamoDB): the cursor stayed, the next run repeats the window. */
    FAILED,
    /** Not started: no time left in this run. */
    SKIPPED;

    /** Whether a queue should deliver the request again. */
    public boolean retryable() {
        return this == FAILED;
    }
}
