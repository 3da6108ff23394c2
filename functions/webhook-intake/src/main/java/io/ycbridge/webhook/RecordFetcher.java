package io.ycbridge.webhook;

import io.ycbridge.yclients.model.Record;

/** Reads one record back from the API, for bodies that arrive without the fields we need. */
@FunctionalInterface
interface RecordFetcher {
    /** @throws io.ycbridge.yclients.YClientsException when the API cannot answer; the caller stores what arrived */
    Record fetch(long companyId, long recordId);
}
