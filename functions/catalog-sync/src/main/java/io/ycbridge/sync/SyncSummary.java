package io.ycbridge.sync;

import java.util.List;

/** The result of a run over several companies ({@link CatalogSyncService#syncAll}), logged as one line. */
public record SyncSummary(List<CompanySync> companies, long apiRequests, long durationMs) {
    public SyncSummary {
        companies = List.copyOf(companies);
    }

    public static SyncSummary of(List<CompanySync> companies, long durationMs) {
        return new SyncSummary(companies, companies.stream().mapToLong(CompanySync::apiRequests).sum(), durationMs);
    }

    public CompanySync company(long companyId) {
        return companies.stream().filter(c -> c.companyId() == companyId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("company " + companyId + " is not in this summary"));
    }

    public int writes() {
        return companies.stream().mapToInt(CompanySync::writes).sum();
    }
}
