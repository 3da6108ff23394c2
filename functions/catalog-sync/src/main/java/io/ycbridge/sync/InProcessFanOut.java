package io.ycbridge.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Syncs the companies one after another in this invocation: the local stack, tests, and a deployment without a queue. */
public final class InProcessFanOut implements CompanyFanOut {
    private final CatalogSyncService service;

    public InProcessFanOut(CatalogSyncService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    public SyncSummary dispatch(List<SyncRequest> requests, Instant deadline) {
        long started = System.nanoTime();
        List<CompanySync> results = new ArrayList<>();
        for (SyncRequest request : requests) {
            results.add(SyncRunner.run(service, request, deadline));
        }
        return SyncSummary.of(results, (System.nanoTime() - started) / 1_000_000);
    }
}
