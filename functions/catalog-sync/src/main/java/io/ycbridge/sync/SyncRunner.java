package io.ycbridge.sync;

import java.time.Instant;

/** Runs one request: the regular sync of a company, or the back-fill of its window. */
final class SyncRunner {
    private SyncRunner() {
    }

    static CompanySync run(CatalogSyncService service, SyncRequest request, Instant deadline) {
        return request.backfill()
                ? service.backfill(request.companyId(), request.from(), request.to(), deadline)
                : service.sync(request.companyId(), deadline);
    }
}
