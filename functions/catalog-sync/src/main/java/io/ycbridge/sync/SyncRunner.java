package io.ycbridge.sync;

import java.time.Instant;

/** Runs one request, the same way for the on-demand event, the queue consumer and the in-process fan-out. */
final class SyncRunner {
    private SyncRunner() {
    }

    static CompanySync run(CatalogSyncService service, SyncRequest request, Instant deadline) {
        return request.backfill()
                ? service.backfill(request.companyId(), request.from(), request.to(), deadline)
                : service.sync(request.companyId(), deadline);
    }
}
