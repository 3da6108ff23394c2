package io.ycbridge.webhook;

/** Whether a delivery needed the API, and what became of asking it. */
enum ApiCheck {
    /** The body was enough. */
    NONE("none"),
    /** Read back from the API, and the API's version stored. */
    READ_BACK("read-back"),
    /** The API could not answer: what arrived is stored and the record is marked for the next sync to re-read. */
    MARKED_FOR_REREAD("marked-for-reread");

    private final String word;

    ApiCheck(String word) {
        this.word = word;
    }

    /** As the log line says it. */
    String word() {
        return word;
    }
}
