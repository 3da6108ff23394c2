package io.ycbridge.sync;

import io.ycbridge.catalog.CatalogKind;
import io.ycbridge.catalog.KindCounts;
import java.time.Instant;
import java.util.Map;

/**
 * One company's part of the summary.
 *
 * @param catalog     per kind (service, category, staff); empty when the catalog was not read
 * @param cursor      the records cursor after the run (null when there is none yet)
 * @param error       the operator-facing message when the outcome is REFUSED or FAILED (the client's messages name the
 *                    fix and never carry a token)
 */
public record CompanySync(long companyId, SyncOutcome outcome, Map<CatalogKind, KindCounts> catalog, RecordCounts records,
                          long apiRequests, long durationMs, Instant cursor, String error) {

    public static CompanySync skipped(long companyId) {
        return new CompanySync(companyId, SyncOutcome.SKIPPED, Map.of(), RecordCounts.NONE, 0, 0, null, "no time left in this run");
    }

    public KindCounts catalog(CatalogKind kind) {
        return catalog.getOrDefault(kind, KindCounts.NONE);
    }

    /** DynamoDB items this company's run wrote (catalog items and records). */
    public int writes() {
        return catalog.values().stream().mapToInt(KindCounts::writes).sum() + records.stored();
    }
}
