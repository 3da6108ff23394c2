package io.ycbridge.schedule;

import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.sync.SyncFreshness;
import io.ycbridge.sync.SyncStateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * At every tick, how many companies have gone without a successful sync for too long ({@link StalenessPolicy}): read
 * from SyncStateTable, emitted as the EMF metric {@value #METRIC} (0 included, so the alarm also hears that the
 * schedule ran) and logged with the stale companies' ids. A company the schedule meets for the first time gets its
 * first-scheduled stamp, which its first two cycles are counted from.
 *
 * <p>A check that cannot read the table emits nothing and only logs: the fan-out is the tick's job and must not be
 * retried for this, and the missing data point is what StaleSyncAlarm treats as stale.
 */
public final class StalenessService {
    public static final String METRIC = "StaleCompanies";
    private final SyncStateStore states;
    private final StalenessPolicy policy;
    private final DecisionLog log;
    private final EmfMetrics metrics;

    public StalenessService(SyncStateStore states, StalenessPolicy policy, DecisionLog log, EmfMetrics metrics) {
        this.states = Objects.requireNonNull(states, "states");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.log = Objects.requireNonNull(log, "log");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** The check at {@code now}; empty when it could not be made (logged as {@code staleness-unchecked}). */
    public Optional<StalenessReport> check(List<Long> companyIds, Instant now) {
        Map<Long, SyncFreshness> freshness = new LinkedHashMap<>();
        List<Long> firstSeen = new ArrayList<>();
        try {
            for (SyncFreshness company : states.freshness(companyIds).values()) {
                if (StalenessPolicy.since(company).isEmpty()) {
                    Instant stamp = states.markFirstScheduled(company.companyId(), now);
                    company = new SyncFreshness(company.companyId(), company.lastSuccessAt(), company.lastOutcome(), Optional.of(stamp));
                    firstSeen.add(company.companyId());
                }
                freshness.put(company.companyId(), company);
            }
        } catch (RuntimeException unread) {
            // The exception's class only: the SDK's messages can carry request ids and endpoints, nothing to page on.
            log.error("staleness-unchecked", Map.of("error", unread.getClass().getSimpleName(), "companies", companyIds.size()));
            return Optional.empty();
        }
        List<Long> stale = freshness.values().stream().filter(company -> policy.stale(company, now)).map(SyncFreshness::companyId).toList();
        StalenessReport report = new StalenessReport(freshness.size(), stale, firstSeen);
        metrics.count(METRIC, report.stale().size(), Map.of());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("checked", report.checked());
        fields.put("stale", report.stale().size());
        fields.put("staleAfterMinutes", policy.limit().toMinutes());
        if (!report.firstSeen().isEmpty()) {
            fields.put("firstSeen", report.firstSeen());
        }
        if (report.stale().isEmpty()) {
            log.info("sync-staleness", fields);
        } else {
            // Company ids are no secret; the last success and outcome say where to look first.
            List<Map<String, Object>> companies = new ArrayList<>();
            for (long id : report.stale()) {
                SyncFreshness company = freshness.get(id);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("companyId", id);
                entry.put("lastSuccessAt", company.lastSuccessAt().map(Instant::toString).orElse(null));
                entry.put("lastOutcome", company.lastOutcome().orElse(null));
                company.firstScheduledAt().filter(first -> company.lastSuccessAt().isEmpty())
                        .ifPresent(first -> entry.put("firstScheduledAt", first.toString()));
                companies.add(entry);
            }
            fields.put("staleCompanies", companies);
            log.warn("sync-staleness", fields);
        }
        return Optional.of(report);
    }
}
