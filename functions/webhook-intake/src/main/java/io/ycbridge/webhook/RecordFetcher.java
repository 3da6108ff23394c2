package io.ycbridge.webhook;

import io.ycbridge.yclients.model.Record;

/**
 * Reads one record back from the API, for deliveries the body alone cannot settle: a body without the fields we need,
 * a delete without data, a body that differs from the stored version of the same second.
 */
@FunctionalInterface
interface RecordFetcher {
    /**
     * @throws io.ycbridge.yclients.YClientsException when the API cannot answer; the caller stores what arrived (if
     *         anything) and marks the record for the sync to re-read
     */
    Record fetch(long companyId, long recordId);
}
